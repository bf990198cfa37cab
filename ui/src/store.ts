/**
 * Application state shared by all views: the dataset, the region data, the scenario being
 * edited and its latest evaluation. One EventTarget instead of a state library: there is one
 * writer per field and a handful of readers, and components simply re-render on 'change'.
 */
import {
  ApiError,
  evaluate,
  getDatasets,
  getGeo,
  getRegions,
  type DatasetInfo,
  type EvaluateResponse,
  type GeoJSON,
  type Issue,
  type RegionInfo,
  type ScenarioJson,
} from './api.ts';
import { emptyScenario } from './scenario-edit.ts';
import { setRegionNames } from './region-names.ts';
import { withWeatherYear } from './weather-year.ts';

/** The scenario's settings as a key that ignores key order and the name. */
function contentKey(s: ScenarioJson): string {
  const sorted = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
        )
      : v;
  return JSON.stringify(sorted({ national: s.national, defaults: s.defaults, regions: s.regions }));
}

/** Debounce of evaluations while a slider is dragged; the server answers in ~5 ms. */
const EVALUATE_DEBOUNCE_MS = 20;

export class Store extends EventTarget {
  datasets: DatasetInfo[] = [];
  dataset = '';
  regions: RegionInfo[] = [];
  geo: GeoJSON | null = null;
  scenario: ScenarioJson = emptyScenario('Basis (RES 1.0 indicatief)');
  /** Id and version of the saved scenario the editor started from, if any. */
  savedId: string | null = null;
  savedVersion: number | null = null;
  result: EvaluateResponse | null = null;
  /** Per-field problems of the last evaluation (HTTP 400), by dotted path. */
  issues: Issue[] = [];
  error = '';
  busy = false;
  /** Time from lever move to result on screen of the last evaluation, for the status line. */
  lastMs = 0;
  /** The scenario the editor started from (a named, saved or base scenario): its name and content. */
  base = { name: this.scenario.name, content: contentKey(this.scenario) };
  /** The region shown in Uurprofiel (set by a click on the map or table). */
  region = 'ES01';

  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: AbortController | null = null;
  private requestedAt = 0;

  private emit() {
    this.dispatchEvent(new Event('change'));
  }

  async init(): Promise<void> {
    try {
      this.datasets = await getDatasets();
      this.dataset = (this.datasets.find((d) => d.default) ?? this.datasets[0])?.id ?? 'nl-res30';
      const [regions, geo] = await Promise.all([getRegions(this.dataset), getGeo().catch(() => null)]);
      this.regions = regions;
      setRegionNames(regions);
      this.geo = geo;
      this.emit();
      await this.evaluateNow();
    } catch (e) {
      this.error = `De server is niet bereikbaar: ${(e as Error).message}`;
      this.emit();
    }
  }

  /** The chosen dataset as `GET /api/datasets` describes it (name, weather years, hours). */
  get datasetInfo(): DatasetInfo | undefined {
    return this.datasets.find((d) => d.id === this.dataset);
  }

  async setDataset(id: string): Promise<void> {
    this.dataset = id;
    this.regions = await getRegions(id);
    setRegionNames(this.regions);
    // A weather year the new dataset does not have would only give an error: back to its reference.
    const year = this.scenario.national.weatherYear;
    if (year != null && !(this.datasetInfo?.weatherYears ?? []).includes(year))
      this.scenario = withWeatherYear(this.scenario, null);
    this.emit();
    this.scheduleEvaluate();
  }

  /** Runs the scenario in another weather year of the dataset (null: the reference profiles). */
  setWeatherYear(year: number | null): void {
    this.setScenario(withWeatherYear(this.scenario, year));
  }

  setRegion(id: string): void {
    this.region = id;
    this.emit();
  }

  /**
   * Replaces the scenario (a new object) and re-evaluates after a short debounce. With `saved` the
   * scenario is a newly loaded one and becomes the base that later changes are measured against.
   */
  setScenario(s: ScenarioJson, saved?: { id: string | null; version: number | null }): void {
    this.scenario = s;
    if (saved) {
      this.savedId = saved.id;
      this.savedVersion = saved.version;
      this.base = { name: s.name, content: contentKey(s) };
    }
    this.emit();
    this.scheduleEvaluate();
  }

  scheduleEvaluate(): void {
    if (this.requestedAt === 0) this.requestedAt = performance.now();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.evaluateNow(), EVALUATE_DEBOUNCE_MS);
  }

  /** Evaluates the current scenario; a newer call aborts an older one still in flight. */
  async evaluateNow(): Promise<void> {
    this.inflight?.abort();
    const ctrl = new AbortController();
    this.inflight = ctrl;
    const started = this.requestedAt || performance.now();
    this.requestedAt = 0;
    this.busy = true;
    this.emit();
    try {
      const res = await evaluate(this.scenario, this.dataset, { signal: ctrl.signal });
      if (ctrl.signal.aborted) return;
      this.result = res;
      this.issues = [];
      this.error = '';
    } catch (e) {
      if (ctrl.signal.aborted || (e as Error).name === 'AbortError') return;
      if (e instanceof ApiError) {
        this.issues = e.issues;
        this.error = e.issues.length ? '' : e.message;
      } else {
        this.error = (e as Error).message;
      }
    } finally {
      if (this.inflight === ctrl) {
        this.inflight = null;
        this.busy = false;
        this.lastMs = performance.now() - started;
        this.emit();
      }
    }
  }

  /** Whether the levers changed since the base scenario was loaded (a new name alone is no change). */
  get changed(): boolean {
    return contentKey(this.scenario) !== this.base.content;
  }

  regionName(id: string): string {
    return this.regions.find((r) => r.id === id)?.name ?? id;
  }
}

export const store = new Store();
