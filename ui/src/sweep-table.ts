/**
 * Loads a sweep result (Arrow IPC stream) and keeps the national rows (region 'NL') as plain
 * Float64 columns, the shape uPlot and the table want. Decoding happens in the browser so the
 * server streams one compact binary file instead of JSON.
 */
import { tableFromIPC } from 'apache-arrow';
import { sweepResultUrl } from './api.ts';
import { NATIONAL_OUTPUT_NAMES, isNullableOutput } from '../../engine/model/outputs.ts';

/** An output that exists nationally but may be null there (e.g. the EB share when the revenue is 0). */
function isNullableNationalOutput(name: string): boolean {
  return isNullableOutput(name) && (NATIONAL_OUTPUT_NAMES as readonly string[]).includes(name);
}

export interface NationalRows {
  /** Row count (one per scenario). */
  length: number;
  /** Column names in table order, `region` left out. */
  names: string[];
  columns: Record<string, Float64Array>;
}

export async function loadNationalRows(id: string, signal?: AbortSignal): Promise<NationalRows> {
  const res = await fetch(sweepResultUrl(id, 'arrow'), { signal });
  if (!res.ok) throw new Error(`Resultaat laden mislukt (HTTP ${res.status})`);
  const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
  const region = table.getChild('region');
  if (!region) throw new Error('Resultaat heeft geen kolom region');
  const keep: number[] = [];
  for (let i = 0; i < table.numRows; i++) if (region.get(i) === 'NL') keep.push(i);
  const names = table.schema.fields.map((f) => f.name).filter((n) => n !== 'region');
  const columns: Record<string, Float64Array> = {};
  for (const name of names) {
    const col = table.getChild(name)!;
    const out = new Float64Array(keep.length);
    for (let j = 0; j < keep.length; j++) {
      const v = col.get(keep[j]);
      // Nulls (outputs that do not exist nationally) become NaN; booleans 0/1.
      out[j] = v === null || v === undefined ? NaN : Number(v);
    }
    columns[name] = out;
  }
  // Drop columns that are all-NaN for national rows (congestion hours, per-home outputs), but keep the
  // nullable national outputs: "no value in any scenario" is a result the user must see ("—" and why).
  const useful = names.filter((n) => columns[n].some((v) => !Number.isNaN(v)) || isNullableNationalOutput(n));
  return { length: keep.length, names: useful, columns };
}
