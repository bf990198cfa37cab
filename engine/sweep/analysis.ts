/**
 * A sweep result table or one of its record batches (apache-arrow `Table` and `RecordBatch` both fit):
 * the analyses read columns by name, so a server can feed a result file batch by batch.
 */
export interface SweepColumns {
  readonly numRows: number;
  getChild(name: string): { get(index: number): unknown } | null;
}

/** A national outcome of one scenario, on the three Pareto objectives. */
export interface ParetoObjectives {
  scenario: number;
  gridCapexEUR: number;
  resDeliveredTWh: number;
  landHa: number;
}

/** A scenario's objectives with the axis values that produced it. */
export interface ParetoPoint extends ParetoObjectives {
  /** Value of each requested axis path in this scenario (null where the cell is empty). */
  axes: Record<string, number | null>;
}

/** A cell as a finite number, else null; Route 35's booleans count as 0 and 1. */
function finiteOrNull(value: unknown): number | null {
  const number = typeof value === 'boolean' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/** A column that must exist. */
function column(
  columns: SweepColumns,
  name: string,
  kind: 'output' | 'axis' | 'table',
): { get(index: number): unknown } {
  const found = columns.getChild(name);
  if (!found) throw new RangeError(`unknown ${kind} column '${name}'`);
  return found;
}

/** True when `a` is at least as good as `b` on every objective and better on one. */
function dominates(a: ParetoObjectives, b: ParetoObjectives): boolean {
  const noWorse = a.gridCapexEUR <= b.gridCapexEUR && a.resDeliveredTWh >= b.resDeliveredTWh && a.landHa <= b.landHa;
  const better = a.gridCapexEUR < b.gridCapexEUR || a.resDeliveredTWh > b.resDeliveredTWh || a.landHa < b.landHa;
  return noWorse && better;
}

/**
 * Non-dominated scenarios: minimise national grid capex, maximise delivered TWh, minimise land
 * (solar-field + wind ha). Sorted by capex first, so a dominating point is always seen before the
 * points it dominates on capex; O(n·front) which suits sweep sizes.
 */
export function paretoFrontOf<P extends ParetoObjectives>(points: readonly P[]): P[] {
  const sorted = [...points].sort(
    (a, b) =>
      a.gridCapexEUR - b.gridCapexEUR ||
      b.resDeliveredTWh - a.resDeliveredTWh ||
      a.landHa - b.landHa ||
      a.scenario - b.scenario,
  );
  const front: P[] = [];
  for (const point of sorted) {
    if (!front.some((kept) => dominates(kept, point) || sameObjectives(kept, point))) front.push(point);
  }
  return front;
}

function sameObjectives(a: ParetoObjectives, b: ParetoObjectives): boolean {
  return a.gridCapexEUR === b.gridCapexEUR && a.resDeliveredTWh === b.resDeliveredTWh && a.landHa === b.landHa;
}

/**
 * The national (`NL`) points of a table or batch, with the values of `axisPaths`. A scenario whose
 * objectives are not finite numbers cannot be compared and is left out.
 */
export function paretoPointsOf(columns: SweepColumns, axisPaths: readonly string[] = []): ParetoPoint[] {
  const [region, scenario, capex, delivered, fieldHa, windHa] = [
    'region',
    'scenario',
    'gridCapexEUR',
    'resDeliveredTWh',
    'fieldSolarHa',
    'windHa',
  ].map((name) => column(columns, name, 'table'));
  const axes = axisPaths.map((path) => [path, column(columns, path, 'axis')] as const);
  const points: ParetoPoint[] = [];
  for (let row = 0; row < columns.numRows; row++) {
    if (region.get(row) !== 'NL') continue;
    const objectives = [capex, delivered, fieldHa, windHa].map((vector) => finiteOrNull(vector.get(row)));
    if (objectives.includes(null)) continue;
    const [gridCapexEUR, resDeliveredTWh, fieldSolarHa, windLandHa] = objectives as number[];
    points.push({
      scenario: scenario.get(row) as number,
      gridCapexEUR,
      resDeliveredTWh,
      landHa: fieldSolarHa + windLandHa,
      axes: Object.fromEntries(axes.map(([path, vector]) => [path, finiteOrNull(vector.get(row))])),
    });
  }
  return points;
}

/**
 * The Pareto front of a sweep fed batch by batch: it keeps only the front of what it has seen, so
 * memory stays bounded by the front (the front of a union is the front of the parts' fronts).
 */
export class ParetoFrontBuilder {
  private front: ParetoPoint[] = [];

  constructor(private readonly axisPaths: readonly string[] = []) {}

  /** Adds the national rows of a table or batch. */
  add(columns: SweepColumns): void {
    this.front = paretoFrontOf([...this.front, ...paretoPointsOf(columns, this.axisPaths)]);
  }

  /** The front so far, sorted by grid capex. */
  result(): ParetoPoint[] {
    return this.front;
  }
}

/** The Pareto front of a sweep table, from its national rows (with the values of `axisPaths`). */
export function paretoFront(table: SweepColumns, axisPaths: readonly string[] = []): ParetoPoint[] {
  const builder = new ParetoFrontBuilder(axisPaths);
  builder.add(table);
  return builder.result();
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

/**
 * Why an axis gets no tornado bar: no row has a value of both the axis and the output (`noValues`);
 * every row with an output value has the same axis value, so there are no two ends to compare
 * (`oneAxisValue`: a nullable output that is empty at the other values, or an axis with one value);
 * the means overflow (`notFinite`).
 */
export type NoBarReason = 'noValues' | 'oneAxisValue' | 'notFinite';

/** An axis without a tornado bar, and why. */
export interface AxisWithoutBar {
  path: string;
  reason: NoBarReason;
}

/** The tornado analysis of one output: the bars, biggest swing first, and the axes that have none. */
export interface SensitivityResult {
  axes: AxisSensitivity[];
  axesWithoutBar: AxisWithoutBar[];
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Tornado analysis fed batch by batch: it keeps the output and axis values of the rows of one region
 * ('NL' for the national rows), a few numbers per scenario, and the region ids it has seen.
 */
export class SensitivityBuilder {
  private readonly outputs: (number | null)[] = [];
  private readonly axisValues: (number | null)[][];
  /** Region ids of the rows seen (with 'NL'), so a caller can tell an unknown region from an empty output. */
  readonly regions = new Set<string>();

  constructor(
    private readonly axisPaths: readonly string[],
    private readonly output: string,
    private readonly region = 'NL',
  ) {
    this.axisValues = axisPaths.map(() => []);
  }

  /** Adds the rows of a table or batch; a RangeError names a column it lacks. */
  add(columns: SweepColumns): void {
    const regionColumn = column(columns, 'region', 'table');
    const outputColumn = column(columns, this.output, 'output');
    const axisColumns = this.axisPaths.map((path) => column(columns, path, 'axis'));
    for (let row = 0; row < columns.numRows; row++) {
      const id = regionColumn.get(row) as string;
      this.regions.add(id);
      if (id !== this.region) continue;
      this.outputs.push(finiteOrNull(outputColumn.get(row)));
      for (let a = 0; a < axisColumns.length; a++) this.axisValues[a].push(finiteOrNull(axisColumns[a].get(row)));
    }
  }

  /**
   * One bar per axis: the mean output with the axis at its lowest values against its highest (the
   * lowest and highest grid value; for sampled axes the lowest and highest quarter of the draws),
   * sorted by the size of the swing; cells that are empty or not finite are left out. An axis whose
   * rows with an output value leave no two ends to compare gets no bar but an entry in `axesWithoutBar`.
   */
  result(): SensitivityResult {
    const axes: AxisSensitivity[] = [];
    const axesWithoutBar: AxisWithoutBar[] = [];
    this.axisPaths.forEach((path, a) => {
      const bar = barOf(path, this.axisValues[a], this.outputs);
      if (typeof bar === 'string') axesWithoutBar.push({ path, reason: bar });
      else axes.push(bar);
    });
    return { axes: axes.sort((x, y) => Math.abs(y.swing) - Math.abs(x.swing)), axesWithoutBar };
  }
}

/** The tornado bar of one axis, or why it has none. */
function barOf(
  path: string,
  xs: readonly (number | null)[],
  ys: readonly (number | null)[],
): AxisSensitivity | NoBarReason {
  const pairs: { x: number; y: number }[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x !== null && y !== null) pairs.push({ x, y });
  }
  if (pairs.length === 0) return 'noValues';
  pairs.sort((p, q) => p.x - q.x);
  const distinct = new Set(pairs.map((p) => p.x)).size;
  // One axis value left: its low and high end would be the same rows, a bar of swing 0 that says nothing.
  if (distinct === 1) return 'oneAxisValue';
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
  const bar = {
    path,
    lowValue: mean(low.map((p) => p.x)),
    highValue: mean(high.map((p) => p.x)),
    outputAtLow,
    outputAtHigh,
    swing: outputAtHigh - outputAtLow,
  };
  return [bar.lowValue, bar.highValue, bar.outputAtLow, bar.outputAtHigh, bar.swing].every(Number.isFinite)
    ? bar
    : 'notFinite';
}

/**
 * Sensitivity of `output` to each axis (tornado), on national rows or one region's rows: see
 * `SensitivityBuilder.result`.
 */
export function sensitivity(
  table: SweepColumns,
  axisPaths: readonly string[],
  output: string,
  region = 'NL',
): SensitivityResult {
  const builder = new SensitivityBuilder(axisPaths, output, region);
  builder.add(table);
  return builder.result();
}
