/**
 * Region names by id for labels of `regions.<id>.<param>` paths (set by the store when the regions
 * load), and the engine's label helpers bound to them.
 */
import { columnLabel as engineColumnLabel, pathLabel as enginePathLabel } from '../../engine/labels/index.ts';

const regionNames = new Map<string, string>();

/** Remembers the names of the dataset's regions. */
export function setRegionNames(regions: ReadonlyArray<{ id: string; name: string }>): void {
  regionNames.clear();
  for (const r of regions) regionNames.set(r.id, r.name);
}

/** A region's name, or its id while the names are not loaded. */
export function regionName(id: string): string {
  return regionNames.get(id) ?? id;
}

/** "Zon-aandeel in RES — Groningen": a parameter path as a user reads it. */
export function pathLabel(path: string): string {
  return enginePathLabel(path, regionName);
}

/** "Netinvestering (mln €)": a table head or axis label of an output name or parameter path. */
export function columnLabel(name: string): string {
  return engineColumnLabel(name, regionName);
}
