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
import { chooseStart, type StartChoice, type StartOrigin } from './share-start.ts';
import { forgetWorkingState, keepWorkingState } from './share-storage.ts';
import { withoutShare } from './share-url.ts';
import { session } from './session.ts';

/** Whose working scenario the browser keeps: the signed-in user on a shared server, '' otherwise. */
const keeper = () => session.user?.username ?? '';

/** The scenario's settings as a key that ignores key order and the name. */
export function contentKey(s: ScenarioJson): string {
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

/** The content of the bundled base scenario (no lever set). */
const BUNDLED_BASE = contentKey(emptyScenario());

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
  /** Where the scenario came from at start-up (a link, the last visit), until the user goes back to the base. */
  startedFrom: StartOrigin | null = null;
  /** Why a shared link could not be opened (Dutch), shown once at start-up. */
  startProblem = '';

  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: AbortController | null = null;
  private requestedAt = 0;

  private emit() {
    this.dispatchEvent(new Event('change'));
  }

  async init(): Promise<void> {
    try {
      this.datasets = await getDatasets();
      const { choice, problem } = await chooseStart(location.search, this.datasets, keeper());
      this.startProblem = problem;
      this.dataset = choice?.dataset ?? (this.datasets.find((d) => d.default) ?? this.datasets[0])?.id ?? 'nl-res30';
      const [regions, geo] = await Promise.all([getRegions(this.dataset), getGeo().catch(() => null)]);
      this.regions = regions;
      setRegionNames(regions);
      this.geo = geo;
      if (choice) this.start(choice);
      this.addEventListener('change', () => this.keep());
      this.emit();
      await this.evaluateNow();
    } catch (e) {
      this.error = `De server is niet bereikbaar: ${(e as Error).message}`;
      this.emit();
    }
  }

  /** Opens the start scenario; the address loses its link, so a reload opens the kept working scenario. */
  private start(choice: StartChoice): void {
    this.scenario = choice.scenario;
    this.savedId = choice.saved.id;
    this.savedVersion = choice.saved.version;
    this.base = choice.base ?? { name: choice.scenario.name, content: contentKey(choice.scenario) };
    this.startedFrom = choice.origin;
    if (choice.origin !== 'kept')
      history.replaceState(null, '', `${location.pathname}${withoutShare(location.search)}${location.hash}`);
  }

  private kept: { scenario: ScenarioJson; dataset: string } | null = null;

  /** Keeps the working scenario for the next visit whenever it (or the dataset) changed. */
  private keep(): void {
    if (this.kept?.scenario === this.scenario && this.kept.dataset === this.dataset) return;
    this.kept = { scenario: this.scenario, dataset: this.dataset };
    const { dataset, scenario, savedId, savedVersion, base } = this;
    // The untouched bundled base needs no keeping: a reload then starts without a "restored" notice.
    const pristine = !savedId && base.content === BUNDLED_BASE && !this.changed;
    if (pristine) forgetWorkingState(keeper());
    else keepWorkingState({ dataset, scenario, savedId, savedVersion, base }, keeper());
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
