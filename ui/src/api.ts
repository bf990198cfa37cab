/**
 * Thin client for the Samenhang HTTP API (docs/api.md). Every call is same-origin `/api/...`
 * so the built UI works behind the server and behind the Vite dev proxy alike.
 */
import type { RegionData } from '../../engine/data/types.ts';
import type { RegionHourlySeries } from '../../engine/model/evaluate.ts';
import type { NationalResult, RegionResult } from '../../engine/model/outputs.ts';
import type { RegionalOverrides, NationalParamName } from '../../engine/scenario/parameters.ts';
import type { AxisSensitivity, AxisWithoutBar, ParetoPoint } from '../../engine/sweep/analysis.ts';
import type { SweepStatus } from '../../engine/sweep/status.ts';

/** Pareto points and tornado bars as the API sends them: the engine's analysis types. */
export type { AxisSensitivity, AxisWithoutBar, ParetoPoint };

/** A scenario as the API takes it (MODEL.md §1.3). */
export interface ScenarioJson {
  name: string;
  /** National parameters; `weatherYear` picks the dataset's weather year (null or absent: the reference profiles). */
  national: Partial<Record<NationalParamName, number>> & { weatherYear?: number | null };
  defaults: RegionalOverrides;
  regions: Record<string, RegionalOverrides>;
}

export interface DatasetInfo {
  id: string;
  name: string;
  /** Year of the reference profiles (profiles.csv), null when the dataset does not name it. */
  weatherYear: number | null;
  /** Every year `national.weatherYear` can take, ascending (the reference year included). */
  weatherYears: number[];
  regions: number;
  hours: number;
  default: boolean;
  /** Allowed but result-changing properties, e.g. profiles that are not a full year. */
  warnings?: DatasetWarning[];
}

/** A dataset warning from the API; the UI words it in Dutch by its code. */
export interface DatasetWarning {
  code: string;
  hours: number;
  message: string;
}

/** Region data as `GET /api/regions` returns it: one field per `regions.csv` column, and the derived flags. */
export type RegionInfo = RegionData;

/** One region's hours as `POST /api/evaluate` with `hourly` returns them: the engine's series, as JSON arrays. */
export type HourlySeries = {
  [K in keyof RegionHourlySeries]: RegionHourlySeries[K] extends Float64Array ? number[] : RegionHourlySeries[K];
};

export interface EvaluateResponse {
  regions: RegionResult[];
  national: NationalResult;
  warnings?: DatasetWarning[];
  hourly?: HourlySeries;
}

export interface Issue {
  path: string;
  message: string;
}

/** An API error; `issues` carries the per-field problems of a 400 so forms can show them in place. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * A Dutch sentence for a failed request about `what` ("de versies", plural; "versie 2", singular):
 * the server's messages are English API text, so views show this instead of them (field problems
 * are shown per field).
 */
export function dutchFailure(error: unknown, what: string, plural = true): string {
  const [could, are] = plural ? ['konden', 'zijn'] : ['kon', 'is'];
  const subject = capitalise(what);
  if (!(error instanceof ApiError)) return `${subject} ${could} niet worden geladen: de server is niet bereikbaar.`;
  if (error.status === 401 || error.status === 403) return error.message;
  if (error.status === 404) return `${subject} ${are} niet gevonden (verwijderd, of een verkeerde link).`;
  if (error.status === 400) return `${subject} ${could} niet worden geladen: de vraag aan de server was ongeldig.`;
  return `${subject} ${could} niet worden geladen (serverfout ${error.status}). Probeer het later opnieuw.`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The session's CSRF token (shared mode): sent with every write, as the server requires. */
let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}
/** Fired on window when the server answers 401: the session ended (signed out, expired, disabled). */
export const SIGNED_OUT_EVENT = 'samenhang:signed-out';

/** Fetches JSON, turning non-2xx answers into an ApiError with the server's issues. */
export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const write = (rest.method ?? 'GET') !== 'GET';
  const headers: Record<string, string> = {
    ...(json === undefined ? {} : { 'content-type': 'application/json' }),
    ...(write && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    ...(rest.headers as Record<string, string> | undefined),
  };
  const res = await fetch(path, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
  if (res.status === 401 && path !== '/api/auth/login') {
    dispatchEvent(new Event(SIGNED_OUT_EVENT));
    throw new ApiError(401, 'U bent niet (meer) aangemeld. Meld u opnieuw aan.');
  }
  if (res.status === 403) throw new ApiError(403, 'Uw account heeft geen toestemming voor deze wijziging.');
  const text = await res.text();
  const body = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const b = (body ?? {}) as {
      error?: string;
      message?: string;
      issues?: Array<{ path?: string | string[]; where?: string; message: string }>;
    };
    const issues = (b.issues ?? []).map((i) => ({ path: normalisePath(i.path ?? i.where ?? ''), message: i.message }));
    throw new ApiError(res.status, b.message ?? b.error ?? `HTTP ${res.status}`, issues);
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { error: text };
  }
}

/** Issue paths are dotted (`regions.ES01.storageMW`); accept arrays too, and drop a leading `scenario.`. */
function normalisePath(p: string | string[]): string {
  const s = Array.isArray(p) ? p.join('.') : p;
  return s
    .replace(/^(body\.|body\/)/, '')
    .replace(/^scenario\./, '')
    .replace(/^base\./, '');
}

export const getDatasets = () => api<DatasetInfo[]>('/api/datasets');
/** Region data; the server wraps the list as `{ dataset, hours, regions }` (a bare list is accepted too). */
export async function getRegions(dataset: string): Promise<RegionInfo[]> {
  const body = await api<RegionInfo[] | { regions: RegionInfo[] }>(
    `/api/regions?dataset=${encodeURIComponent(dataset)}`,
  );
  return Array.isArray(body) ? body : body.regions;
}
export const getGeo = () => api<GeoJSON>('/api/regions.geojson');

export function evaluate(
  scenario: ScenarioJson,
  dataset: string,
  opts: { hourly?: { region: string; from: number; to: number }; signal?: AbortSignal } = {},
): Promise<EvaluateResponse> {
  return api<EvaluateResponse>('/api/evaluate', {
    method: 'POST',
    json: { scenario, dataset, ...(opts.hourly ? { hourly: opts.hourly } : {}) },
    signal: opts.signal,
  });
}

/** Minimal GeoJSON typing for the RES-region boundaries. */
export interface GeoJSON {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    properties: { res_code: string; res_name: string };
    geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
  }>;
}

export interface SavedScenarioMeta {
  id: string;
  name: string;
  version: number;
  author: string;
  updatedAt: string;
}
export interface SavedScenario extends SavedScenarioMeta {
  note: string;
  latestVersion?: number;
  scenario: ScenarioJson;
}
export interface ScenarioVersion {
  version: number;
  name?: string;
  author: string;
  note: string;
  createdAt?: string;
  savedAt?: string;
}

export const listScenarios = () => api<SavedScenarioMeta[]>('/api/scenarios');
export const getScenario = (id: string, version?: number) =>
  api<SavedScenario>(`/api/scenarios/${encodeURIComponent(id)}${version ? `?version=${version}` : ''}`);
/** Versions of a saved scenario; the server wraps them as `{ id, versions }`. */
export async function getVersions(id: string): Promise<ScenarioVersion[]> {
  const body = await api<ScenarioVersion[] | { versions: ScenarioVersion[] }>(
    `/api/scenarios/${encodeURIComponent(id)}/versions`,
  );
  return Array.isArray(body) ? body : body.versions;
}
export function saveScenario(
  body: { name: string; author: string; note: string; scenario: ScenarioJson; baseVersion?: number },
  id?: string,
) {
  return api<{ id: string; version: number }>(id ? `/api/scenarios/${encodeURIComponent(id)}` : '/api/scenarios', {
    method: id ? 'PUT' : 'POST',
    json: body,
  });
}
export const deleteScenario = (id: string) =>
  api<unknown>(`/api/scenarios/${encodeURIComponent(id)}`, { method: 'DELETE' });

export type SweepAxisJson =
  | { path: string; values: Array<number | null> }
  | { path: string; uniform: [number, number] }
  | { path: string; triangular: [number, number, number] };
/** A sweep job as `GET /api/sweeps/:id` shows it (the fields the UI uses). */
export interface SweepJob {
  id: string;
  status: SweepStatus;
  progress: { done: number; total: number };
  error?: string;
  summary?: unknown;
}

export const startSweep = (
  body: { name?: string; base: ScenarioJson; axes: SweepAxisJson[]; samples: number; seed: number },
  dataset?: string,
) =>
  api<{ id: string; total?: number }>(`/api/sweeps${dataset ? `?dataset=${encodeURIComponent(dataset)}` : ''}`, {
    method: 'POST',
    json: body,
  });
export const getSweep = (id: string) => api<SweepJob>(`/api/sweeps/${encodeURIComponent(id)}`);
export const cancelSweep = (id: string) => api<unknown>(`/api/sweeps/${encodeURIComponent(id)}`, { method: 'DELETE' });
/** Pareto front of the national rows; the server wraps it as `{ id, objectives, points }`. */
export async function getPareto(id: string): Promise<ParetoPoint[]> {
  const body = await api<ParetoPoint[] | { points: ParetoPoint[] }>(`/api/sweeps/${encodeURIComponent(id)}/pareto`);
  return Array.isArray(body) ? body : body.points;
}
export const sweepResultUrl = (id: string, format?: 'csv' | 'arrow') =>
  `/api/sweeps/${encodeURIComponent(id)}/result${format ? `?format=${format}` : ''}`;

export const getSensitivity = (id: string, output: string, region = 'NL', signal?: AbortSignal) =>
  api<{ id: string; output: string; region: string; axes: AxisSensitivity[]; axesWithoutBar: AxisWithoutBar[] }>(
    `/api/sweeps/${encodeURIComponent(id)}/sensitivity?output=${encodeURIComponent(output)}&region=${encodeURIComponent(region)}`,
    { signal },
  );
