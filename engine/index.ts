/** Public surface of the Samenhang engine; server, UI build and scripts import from here. */
export { ValidationError, formatIssue, type Issue } from './errors.ts';
export { loadDataset, weatherYearFiles, BUNDLED_DATASET_DIR } from './data/load-dataset.ts';
export { PACKAGE_ROOT } from './package-root.ts';
export { parseDataset, type DatasetSource } from './data/parse-dataset.ts';
export type { Dataset, RegionData } from './data/types.ts';
export {
  REGION_COLUMNS,
  REGION_COLUMN_NAMES,
  DERIVED_REGION_COLUMNS,
  regionFieldsOf,
  type RegionColumn,
  type RegionColumnName,
  type RegionFields,
} from './data/region-columns.ts';
export { profileLengthWarnings, type DatasetWarning } from './data/warnings.ts';
export { ScenarioSchema, type Scenario, type ScenarioInput } from './scenario/schema.ts';
export { parseScenario, checkScenarioAgainstDataset, zodIssues } from './scenario/validate.ts';
export { resolveRegion, resolveNational, type ResolvedRegion } from './scenario/resolve.ts';
export {
  evaluate,
  evaluateRows,
  evaluateRegionHourly,
  rowsToResult,
  type EvaluationResult,
  type RegionHourlySeries,
} from './model/evaluate.ts';
export { checkFiniteResults, nonFiniteValues } from './model/finite-results.ts';
export {
  OUTPUTS,
  OUTPUT_NAMES,
  REGION_OUTPUT_NAMES,
  NATIONAL_OUTPUT_NAMES,
  OUTPUT_INDEX,
  OUTPUT_COUNT,
  NULLABLE_OUTPUT_NAMES,
  isNullableOutput,
  type OutputName,
  type RegionResult,
  type NationalResult,
} from './model/outputs.ts';
export {
  NATIONAL_DEFAULTS,
  NATIONAL_PARAM_NAMES,
  REGIONAL_PARAM_NAMES,
  type NationalParams,
} from './scenario/parameters.ts';
export {
  parseSweep,
  SweepSpecSchema,
  DEFAULT_MAX_SCENARIOS,
  type SweepPlan,
  type SweepAxis,
  type SweepSpecInput,
} from './sweep/spec.ts';
export {
  SWEEP_STATUSES,
  ACTIVE_SWEEP_STATUSES,
  RERUNNABLE_SWEEP_STATUSES,
  isActiveSweepStatus,
  isRerunnableSweepStatus,
  type SweepStatus,
} from './sweep/status.ts';
export type { SweepFaults } from './sweep/protocol.ts';
export { SweepRunner, type SweepRunOptions, type SweepSummary } from './sweep/runner.ts';
export { createSweepExecutor, type ExecutorChoice, type SweepExecutor } from './sweep/executor.ts';
export { parseRedisUrl, redactRedisUrl, type RedisTarget } from './sweep/redis-url.ts';
export {
  paretoFront,
  paretoFrontOf,
  paretoPointsOf,
  ParetoFrontBuilder,
  sensitivity,
  SensitivityBuilder,
  type SweepColumns,
  type ParetoObjectives,
  type ParetoPoint,
  type AxisSensitivity,
  type AxisWithoutBar,
  type NoBarReason,
  type SensitivityResult,
} from './sweep/analysis.ts';
export { csvCell } from './sweep/table-writer.ts';
export * from './intekenboek/index.ts';
