/** Client for the intekenboek endpoints (docs/api.md, "The intekenboek"). */
import type { IntekenboekSummary } from '../../engine/intekenboek/summarise.ts';
import type {
  Commitment,
  CommitmentRecord,
  CommitmentStatus,
  CommitmentVersion,
} from '../../engine/intekenboek/types.ts';
import { api, type ScenarioJson } from './api.ts';

export type { Commitment, CommitmentRecord, CommitmentStatus, CommitmentVersion, IntekenboekSummary };

export interface BuiltScenario {
  dataset: string;
  countedStatuses: CommitmentStatus[];
  scenario: ScenarioJson;
  regions: Record<string, string[]>;
  unplaced: Record<string, number>;
  warnings: string[];
}

const countedQuery = (dataset: string, counted: readonly CommitmentStatus[]) =>
  `dataset=${encodeURIComponent(dataset)}&counted=${encodeURIComponent(counted.join(','))}`;

export const listCommitments = () => api<CommitmentRecord[]>('/api/commitments');
export const commitmentVersions = (id: string) =>
  api<{ id: string; versions: CommitmentVersion[] }>(`/api/commitments/${encodeURIComponent(id)}/versions`);

/** Saves a new commitment, or a new version of `id` based on `baseVersion`. */
export function saveCommitment(commitment: Commitment, id?: string, baseVersion?: number) {
  const url = id
    ? `/api/commitments/${encodeURIComponent(id)}${baseVersion ? `?baseVersion=${baseVersion}` : ''}`
    : '/api/commitments';
  return api<{ id: string; version: number }>(url, { method: id ? 'PUT' : 'POST', json: commitment });
}

export const withdrawCommitment = (id: string, author: string) =>
  api<{ id: string; version: number }>(`/api/commitments/${encodeURIComponent(id)}/withdraw`, {
    method: 'POST',
    json: { author },
  });

export const getSummary = (dataset: string, counted: readonly CommitmentStatus[]) =>
  api<IntekenboekSummary & { dataset: string }>(`/api/intekenboek/summary?${countedQuery(dataset, counted)}`);

export const getBuiltScenario = (dataset: string, counted: readonly CommitmentStatus[]) =>
  api<BuiltScenario>(`/api/intekenboek/scenario?${countedQuery(dataset, counted)}`);

export const EXPORT_URL = '/api/intekenboek/export.csv';

export const importCsv = (text: string, author: string) =>
  api<{ imported: number; created: number; updated: number }>(
    `/api/intekenboek/import?author=${encodeURIComponent(author)}`,
    { method: 'POST', headers: { 'content-type': 'text/csv' }, body: text },
  );
