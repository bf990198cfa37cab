import type { Table } from 'apache-arrow';

/** A national outcome of one scenario, on the three Pareto objectives. */
export interface ParetoPoint {
  scenario: number;
  gridCapexEUR: number;
  resDeliveredTWh: number;
  landHa: number;
}

/** True when `a` is at least as good as `b` on every objective and better on one. */
function dominates(a: ParetoPoint, b: ParetoPoint): boolean {
  const noWorse = a.gridCapexEUR <= b.gridCapexEUR && a.resDeliveredTWh >= b.resDeliveredTWh && a.landHa <= b.landHa;
  const better = a.gridCapexEUR < b.gridCapexEUR || a.resDeliveredTWh > b.resDeliveredTWh || a.landHa < b.landHa;
  return noWorse && better;
}

/**
 * Non-dominated scenarios: minimise national grid capex, maximise delivered TWh, minimise land
 * (solar-field + wind ha). Sorted by capex first, so a dominating point is always seen before the
 * points it dominates on capex; O(n·front) which suits sweep sizes.
 */
export function paretoFrontOf(points: ParetoPoint[]): ParetoPoint[] {
  const sorted = [...points].sort(
    (a, b) =>
      a.gridCapexEUR - b.gridCapexEUR ||
      b.resDeliveredTWh - a.resDeliveredTWh ||
      a.landHa - b.landHa ||
      a.scenario - b.scenario,
  );
  const front: ParetoPoint[] = [];
  for (const point of sorted) {
    if (!front.some((kept) => dominates(kept, point) || sameObjectives(kept, point))) front.push(point);
  }
  return front;
}

function sameObjectives(a: ParetoPoint, b: ParetoPoint): boolean {
  return a.gridCapexEUR === b.gridCapexEUR && a.resDeliveredTWh === b.resDeliveredTWh && a.landHa === b.landHa;
}

/** Iterates the national (`NL`) rows of a sweep table. */
function* nationalRows(table: Table): Generator<number> {
  const region = table.getChild('region')!;
  for (let row = 0; row < table.numRows; row++) if (region.get(row) === 'NL') yield row;
}

/** The Pareto front of a sweep table, from its national rows. */
export function paretoFront(table: Table): ParetoPoint[] {
  const scenario = table.getChild('scenario')!;
  const capex = table.getChild('gridCapexEUR')!;
  const delivered = table.getChild('resDeliveredTWh')!;
  const fieldHa = table.getChild('fieldSolarHa')!;
  const windHa = table.getChild('windHa')!;
  const points: ParetoPoint[] = [];
  for (const row of nationalRows(table)) {
    points.push({
      scenario: scenario.get(row) as number,
      gridCapexEUR: capex.get(row) as number,
      resDeliveredTWh: delivered.get(row) as number,
      landHa: (fieldHa.get(row) as number) + (windHa.get(row) as number),
    });
  }
  return paretoFrontOf(points);
}

/** One bar of a tornado chart: how an output moves between an axis' low and high values. */
export interface AxisSensitivity {
  path: string;
  lowValue: number;
  highValue: number;
  outputAtLow: number;
  outputAtHigh: number;
  /** outputAtHigh − outputAtLow. */
  swing: number;
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Sensitivity of `output` to each axis (tornado), on national rows or one region's rows: the mean
 * output over scenarios with the axis at its lowest values against its highest values (the lowest
 * and highest grid value; for sampled axes the lowest and highest quarter of the draws). Sorted by
 * the size of the swing.
 */
export function sensitivity(table: Table, axisPaths: string[], output: string, region = 'NL'): AxisSensitivity[] {
  const regionColumn = table.getChild('region')!;
  const outputColumn = table.getChild(output);
  if (!outputColumn) throw new RangeError(`unknown output column '${output}'`);
  const rows: number[] = [];
  for (let row = 0; row < table.numRows; row++) if (regionColumn.get(row) === region) rows.push(row);
  const result: AxisSensitivity[] = [];
  for (const path of axisPaths) {
    const axis = table.getChild(path);
    if (!axis) throw new RangeError(`unknown axis column '${path}'`);
    const pairs = rows
      .map((row) => ({ x: axis.get(row) as number | null, y: outputColumn.get(row) as number | null }))
      .filter((p): p is { x: number; y: number } => p.x !== null && p.y !== null)
      .sort((a, b) => a.x - b.x);
    if (pairs.length === 0) continue;
    const distinct = new Set(pairs.map((p) => p.x)).size;
    let low: typeof pairs;
    let high: typeof pairs;
    if (distinct <= Math.max(2, pairs.length / 4)) {
      low = pairs.filter((p) => p.x === pairs[0].x);
      high = pairs.filter((p) => p.x === pairs[pairs.length - 1].x);
    } else {
      const quarter = Math.max(1, Math.floor(pairs.length / 4));
      low = pairs.slice(0, quarter);
      high = pairs.slice(pairs.length - quarter);
    }
    const outputAtLow = mean(low.map((p) => p.y));
    const outputAtHigh = mean(high.map((p) => p.y));
    result.push({
      path,
      lowValue: mean(low.map((p) => p.x)),
      highValue: mean(high.map((p) => p.x)),
      outputAtLow,
      outputAtHigh,
      swing: outputAtHigh - outputAtLow,
    });
  }
  return result.sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing));
}
