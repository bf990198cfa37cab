/** The intekenboek (register of commitments): vocabulary, validation, sums against the target, "doorrekenen", CSV. */
export * from './types.ts';
export { CommitmentInputSchema, QuantitiesSchema, QUANTITY_MAXIMUM, type CommitmentInput } from './schema.ts';
export { parseCommitment, commitmentRegionIssues } from './validate.ts';
export {
  summariseCommitments,
  commitmentTWh,
  datasetResTWh,
  TIE_TOLERANCE_TWH,
  type IntekenboekSummary,
  type KindSums,
  type KindTotals,
  type RegionSummary,
  type RegionResPosition,
  type EscalationEntry,
  type SummaryOptions,
} from './summarise.ts';
export { buildCommitmentScenario, type BuiltScenario, type BuildOptions } from './build-scenario.ts';
export {
  commitmentsToCsv,
  parseCommitmentCsv,
  COMMITMENT_CSV_COLUMNS,
  type CommitmentRow,
  type ImportedRow,
} from './csv.ts';
