/** National-only evaluation used by the leave-one-out view (it needs no regional rows). */
import { evaluate as evaluateFull, type ScenarioJson } from './api.ts';
import type { NationalResult } from '../../engine/model/outputs.ts';

export type NationalLike = NationalResult;

export async function evaluate(s: ScenarioJson, dataset: string, signal: AbortSignal): Promise<NationalLike> {
  return (await evaluateFull(s, dataset, { signal })).national;
}
