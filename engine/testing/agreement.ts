// Mechanics of the CLI agreement suite (cli-agreement.test.ts): running `samenhang` in-process,
// comparing its JSON with the reference model, and judging the messages of rejected input. The
// cases themselves live in the test file.

import { captureIo } from '../cli/io.ts';
import { main } from '../cli/main.ts';
import type { V2Parts } from './random-basics.ts';
import {
  FINANCE_REGION_OUTPUT_KEYS,
  LAND_REGION_OUTPUT_KEYS,
  LV_REGION_OUTPUT_KEYS,
  type ReferenceResult,
  referenceEvaluate,
  UITVOERING_REGION_OUTPUT_KEYS,
  V1_COMPATIBILITY_OVERLAY,
  V1_NATIONAL_OUTPUT_KEYS,
  V1_REGION_OUTPUT_KEYS,
} from './reference-model.ts';

/** The parts of the v2 model the engine implements: the suite compares (and generates) these and
 *  no more. Widen it as the engine lands a part; at full v2 every output of the model is compared. */
export const ENGINE_V2: Required<V2Parts> = {
  lv: true,
  weatherYears: true,
  finance: true,
};

/** Region outputs the engine reports (and the suite compares). */
export const REGION_OUTPUT_KEYS: readonly string[] = [
  ...V1_REGION_OUTPUT_KEYS,
  ...(ENGINE_V2.lv ? LV_REGION_OUTPUT_KEYS : []),
  ...(ENGINE_V2.finance
    ? [...FINANCE_REGION_OUTPUT_KEYS, ...UITVOERING_REGION_OUTPUT_KEYS, ...LAND_REGION_OUTPUT_KEYS]
    : []),
];
/** National outputs the engine reports (§4: sums of the extensive outputs, and the v2 ratios). */
export const NATIONAL_OUTPUT_KEYS: readonly string[] = [
  ...V1_NATIONAL_OUTPUT_KEYS,
  ...(ENGINE_V2.lv ? ['lvReinforceMW', 'lvCapexEUR', 'lvOverloadedHomesShare'] : []),
  ...(ENGINE_V2.finance
    ? [
        'financeEquityStateEUR',
        'financeSubsidyStateEURPerYear',
        'uitvoeringWarmteEUR',
        'uitvoeringRESEUR',
        'housingNeedHomes',
        'housingHa',
        'landClaimHa',
        'financeTariffEURPerConnection',
        'financeEquityTariffEURPerConnection',
        'financeSubsidyEBShare',
        'landClaimShareOfArable',
      ]
    : []),
];

/** The reference's outputs for a scenario, for the engine as it is: without the LV layer the
 *  reference runs under the v1-compatibility costs (a cost the scenario sets itself stays), which
 *  gives the v1 results on every v1 output. */
export function referenceFor(datasetDir: string, scenario: object): ReferenceResult {
  if (ENGINE_V2.lv) return referenceEvaluate(datasetDir, scenario);
  const sc = scenario as { national?: Record<string, number | null> };
  return referenceEvaluate(datasetDir, { ...sc, national: { ...V1_COMPATIBILITY_OVERLAY, ...(sc.national ?? {}) } });
}

/** Exit status and output of one CLI run. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `samenhang ARGS` in this process (no spawn, no start-up cost) and collects what it prints. */
export async function runCli(args: string[]): Promise<CliRun> {
  const io = captureIo();
  const status = await main(args, io);
  return { status, stdout: io.out, stderr: io.err };
}

/** The arguments of `samenhang evaluate SCENARIO --dataset DIR --json`. */
export const evaluateArgs = (scenarioPath: string, datasetDir: string): string[] => [
  'evaluate',
  scenarioPath,
  '--dataset',
  datasetDir,
  '--json',
];

/** The CLI's JSON output, as far as the comparison needs it. */
export interface CliOutput {
  regions: Array<Record<string, unknown>>;
  national: Record<string, unknown>;
}

/** 1e-6 relative, or 1e-6 absolute near zero. */
export function agrees(a: number, b: number): boolean {
  const d = Math.abs(a - b);
  return d <= Math.max(1e-6 * Math.max(Math.abs(a), Math.abs(b)), 1e-6);
}

/** The largest relative difference seen per output over all comparisons (for the suite's summary). */
export const maxRelativeDifference: Record<string, number> = {};

function noteRelative(key: string, a: number, b: number): void {
  const m = Math.max(Math.abs(a), Math.abs(b));
  const rel = m === 0 ? 0 : Math.abs(a - b) / m;
  maxRelativeDifference[key] = Math.max(maxRelativeDifference[key] ?? 0, rel);
}

/** One output: numbers within 1e-6; nulls and booleans exactly. */
function compareValue(where: string, key: string, a: unknown, b: unknown, diffs: string[]): void {
  if (typeof a !== 'number' || typeof b !== 'number') {
    if (a !== b) diffs.push(`${where}: reference ${JSON.stringify(a)}, CLI ${JSON.stringify(b)}`);
    return;
  }
  noteRelative(key, a, b);
  if (!agrees(a, b)) diffs.push(`${where}: reference ${a}, CLI ${b}`);
}

/** Every disagreement between the CLI output and the reference, as readable lines. */
export function compareOutputs(
  ref: ReferenceResult | CliOutput,
  cli: CliOutput,
  regionKeys: readonly string[] = REGION_OUTPUT_KEYS,
  nationalKeys: readonly string[] = NATIONAL_OUTPUT_KEYS,
): string[] {
  const diffs: string[] = [];
  const refIds = ref.regions.map((r) => r.id);
  const cliIds = cli.regions.map((r) => r.id);
  if (JSON.stringify(refIds) !== JSON.stringify(cliIds))
    diffs.push(`region ids: reference ${refIds.join(',')}, CLI ${cliIds.join(',')}`);
  for (const rr of ref.regions) {
    const cr = cli.regions.find((x) => x.id === rr.id);
    if (!cr) continue;
    for (const k of regionKeys) compareValue(`${rr.id}.${k}`, k, rr[k], cr[k], diffs);
  }
  for (const k of nationalKeys) compareValue(`national.${k}`, `national.${k}`, ref.national[k], cli.national[k], diffs);
  return diffs;
}

/** Output keys that differ from the key set of the model (per region and national). */
export function keyProblems(cli: CliOutput): string[] {
  const problems: string[] = [];
  const regionKeys = ['id', ...REGION_OUTPUT_KEYS].sort().join(',');
  for (const r of cli.regions) {
    const ks = Object.keys(r).sort().join(',');
    if (ks !== regionKeys) problems.push(`region ${String(r.id)} keys: ${ks}`);
  }
  const nk = Object.keys(cli.national).sort().join(',');
  if (nk !== [...NATIONAL_OUTPUT_KEYS].sort().join(',')) problems.push(`national keys: ${nk}`);
  return problems;
}

/** An input the CLI must reject, and where its message must point. */
export interface InvalidCase {
  name: string;
  scenario?: string; // JSON text
  dataset?: (dir: string) => void; // edits a copy of the tiny dataset
  /** stderr must contain one of these (a dotted JSON path, or a line / column of a file) */
  place: string[];
  /** stderr must also name this file (or one of these files) */
  file?: string | string[];
}

/** What is wrong with the CLI's reaction to an invalid input: exit 2, located lines, no stack trace. */
export function invalidProblems(k: InvalidCase, run: CliRun): string[] {
  const problems: string[] = [];
  if (run.status !== 2) problems.push(`exit status ${run.status} (expected 2)`);
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) problems.push('nothing on stderr');
  if (/^\s+at /m.test(run.stderr)) problems.push('stack trace on stderr');
  const files = k.file === undefined ? [] : Array.isArray(k.file) ? k.file : [k.file];
  if (files.length && !files.some((f) => run.stderr.includes(f)))
    problems.push(`stderr does not name ${files.join(' or ')}`);
  if (!k.place.some((p) => run.stderr.includes(p))) problems.push(`stderr names none of ${k.place.join(' | ')}`);
  return problems;
}
