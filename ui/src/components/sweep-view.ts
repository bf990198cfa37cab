/**
 * View 5, "Verkennen": build a sweep around the current scenario, run it on the server with
 * live progress (server-sent events) and a cancel button, then explore the national results:
 * scatter with Pareto front, tornado chart (effect of each axis on an output), sortable table,
 * downloads as Arrow or CSV.
 */
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import {
  ApiError,
  cancelSweep,
  getPareto,
  getSweep,
  startSweep,
  sweepResultUrl,
  type Issue,
  type SweepAxisJson,
  type SweepJob,
} from '../api.ts';
import { isActiveSweepStatus as isActive, type SweepStatus } from '../../../engine/sweep/status.ts';
import { loadNationalRows, type NationalRows } from '../sweep-table.ts';
import { num } from '../format.ts';
import { pathLabel } from '../region-names.ts';
import { dutchError, dutchMessage } from '../messages.ts';
import { NATIONAL_DEFAULTS } from '../../../engine/scenario/parameters.ts';
import { isStressTest, weatherYearAxis } from '../weather-stress.ts';
import { weatherYearLabel } from '../weather-year.ts';
import './weather-stress-view.ts';
import './sweep-builder.ts';
import './sweep-scatter.ts';
import './sweep-tornado.ts';
import { DEFAULT_TABLE_OUTPUTS } from './sweep-results-table.ts';

const STATUS_NL: Record<SweepStatus, string> = {
  queued: 'in de wachtrij',
  running: 'bezig',
  done: 'klaar',
  failed: 'mislukt',
  cancelled: 'geannuleerd',
  interrupted: 'onderbroken',
};

/** "Verkenning rond “Basis”: Zon-aandeel in RES — alle regio’s × Netbewust aansluiten …". */
export function sweepTitle(scenarioName: string, axes: readonly string[]): string {
  const varied = axes.map((a) => pathLabel(a)).join(' × ');
  return `Verkenning rond “${scenarioName}”${varied ? `: ${varied}` : ''}`;
}

/**
 * The sweep view keeps its last sweep in its own reactive state; the app shell keeps one instance,
 * so the sweep survives switching views (following resumes when it is shown again).
 */
export class SweepView extends StoreElement {
  static properties = {
    issues: { state: true },
    failure: { state: true },
    sweep: { state: true },
    axes: { state: true },
    rows: { state: true },
    pareto: { state: true },
    output: { state: true },
    shownPareto: { state: true },
    target: { state: true },
    heading: { state: true },
    tableOutputs: { state: true },
  };
  /** What the sweep varies around which scenario; a job id says nothing to a user. */
  declare heading: string;
  declare issues: Issue[];
  declare failure: string;
  /** Status of the last sweep started here, null before the first. */
  declare sweep: SweepJob | null;
  /** Axis paths of that sweep. */
  declare axes: string[];
  /** Its national rows once it is done. */
  declare rows: NationalRows | null;
  /** Scenario numbers on its Pareto front. */
  declare pareto: ReadonlySet<number>;
  /** Scenario numbers on the front the scatter draws (the server's, or over the two outputs shown). */
  declare shownPareto: ReadonlySet<number>;
  /** Output shown in the scatter and the tornado chart. */
  declare output: string;
  /** The RES target (TWh/jaar) of the scenario the sweep started from. */
  declare target: number;
  /** The outputs the results table shows (the user's choice, kept across sweeps). */
  declare tableOutputs: readonly string[];
  private source: EventSource | null = null;
  private poll: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.issues = [];
    this.failure = '';
    this.heading = '';
    this.sweep = null;
    this.axes = [];
    this.rows = null;
    this.pareto = new Set();
    this.shownPareto = new Set();
    this.output = 'gridCapexEUR';
    this.target = NATIONAL_DEFAULTS.targetTWh;
    this.tableOutputs = DEFAULT_TABLE_OUTPUTS;
  }

  static styles = [
    shared,
    css`
      progress { width: 22rem; height: 1rem; }
      .results { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 1rem; margin-top: 0.75rem; align-items: start; }
      .card + .card { margin-top: 0.75rem; }
      @media (max-width: 1100px) { .results { grid-template-columns: 1fr; } }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.sweep && isActive(this.sweep.status)) this.follow(this.sweep.id);
  }

  override disconnectedCallback(): void {
    this.stopFollowing();
    super.disconnectedCallback();
  }

  private submit(e: CustomEvent<{ axes: SweepAxisJson[]; samples: number; seed: number }>) {
    return this.start(store.scenario.name, e.detail);
  }

  /** The weather-year stress test: the current scenario in every weather year of the dataset, one sweep. */
  stressTest() {
    // One sweep at a time from this view: a running one is followed, not replaced.
    if (this.sweep && isActive(this.sweep.status)) return;
    return this.start(`${store.scenario.name} — stresstest weerjaren`, {
      axes: [weatherYearAxis(store.datasetInfo)],
      samples: 1,
      seed: 1,
    });
  }

  /** Starts a sweep around the current scenario and follows it. */
  private async start(name: string, spec: { axes: SweepAxisJson[]; samples: number; seed: number }) {
    this.issues = [];
    this.failure = '';
    try {
      const { id } = await startSweep({ name, base: store.scenario, ...spec }, store.dataset);
      this.axes = spec.axes.map((a) => a.path);
      this.target = Number(store.scenario.national.targetTWh ?? NATIONAL_DEFAULTS.targetTWh);
      this.heading = sweepTitle(name, this.axes);
      this.rows = null;
      this.pareto = new Set();
      this.sweep = { id, status: 'queued', progress: { done: 0, total: 0 } };
      this.follow(id);
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) this.issues = err.issues;
      else this.failure = dutchError(err);
    }
  }

  /** Follows progress over SSE; polls as a fallback when the event stream breaks. */
  private follow(id: string) {
    this.stopFollowing();
    const es = new EventSource(`/api/sweeps/${encodeURIComponent(id)}/events`);
    this.source = es;
    es.addEventListener('progress', (ev) => {
      const p = JSON.parse((ev as MessageEvent).data) as { done: number; total: number };
      if (this.sweep?.id === id) this.sweep = { ...this.sweep, status: 'running', progress: p };
    });
    for (const name of ['done', 'failed', 'cancelled'] as const) es.addEventListener(name, () => void this.finish(id));
    es.onerror = () => {
      es.close();
      this.source = null;
      // The stream ends after the final event; if the job is not finished, fall back to polling.
      this.poll ??= setInterval(() => void this.refresh(id), 500);
    };
  }

  private stopFollowing() {
    this.source?.close();
    this.source = null;
    clearInterval(this.poll);
    this.poll = undefined;
  }

  private async refresh(id: string) {
    const st = await getSweep(id).catch(() => null);
    if (!st || id !== this.sweep?.id) return;
    this.sweep = st;
    if (!isActive(st.status)) await this.finish(id);
  }

  private async finish(id: string) {
    this.stopFollowing();
    const st = await getSweep(id);
    if (id !== this.sweep?.id) return;
    this.sweep = st;
    if (st.status !== 'done') return;
    try {
      const [rows, pareto] = await Promise.all([loadNationalRows(id), getPareto(id).catch(() => [])]);
      if (id !== this.sweep?.id) return;
      this.rows = rows;
      this.pareto = new Set(pareto.map((p) => p.scenario));
      this.shownPareto = this.pareto;
    } catch (err) {
      this.failure = `Resultaten laden mislukt: ${dutchError(err)}`;
    }
  }

  private async cancel() {
    const id = this.sweep?.id;
    if (!id) return;
    await cancelSweep(id).catch((err: Error) => (this.failure = `Annuleren mislukt: ${dutchError(err)}`));
    await this.refresh(id);
  }

  override render() {
    const st = this.sweep;
    const active = st !== null && isActive(st.status);
    const rows = this.rows;
    return html`
      <h2>Verkennen</h2>
      <p class="lead">Varieer keuzes rond scenario “${store.scenario.name}” en zie welke combinaties het net het minst belasten.
        De resultaten zijn de landelijke rijen (NL) van elk doorgerekend scenario.</p>
      <div class="card" id="stress-card" style="margin-bottom:0.75rem">
        <h3 style="margin-top:0">Stresstest weerjaren</h3>
        <div class="row">
          <span>Reken scenario “${store.scenario.name}” door in alle ${num(weatherYearAxis(store.datasetInfo).values.length)} weerjaren van
            de dataset (${weatherYearAxis(store.datasetInfo)
              .values.map((y) => weatherYearLabel(y, store.datasetInfo))
              .join(', ')}): dezelfde
            geïnstalleerde MW, ander weer. Het zwaarste jaar wordt gemarkeerd.</span>
          <button id="stress-run" ?disabled=${active} @click=${this.stressTest}>Stresstest starten</button>
        </div>
      </div>
      <sh-sweep-builder .issues=${this.issues} .regions=${store.regions} .info=${store.datasetInfo} ?running=${active} @sweep-submit=${this.submit}></sh-sweep-builder>
      ${this.failure ? html`<div class="errorbox" role="alert" style="margin-top:0.5rem">${this.failure}</div>` : ''}
      ${
        st
          ? html`<div class="card" style="margin-top:0.75rem" id="progress-card">
            <div class="row">
              <strong data-sweep-id=${st.id}>${this.heading || 'Verkenning'}</strong>
              <span data-status=${st.status}>${STATUS_NL[st.status]}</span>
              <progress max=${st.progress.total || 1} value=${st.progress.done} aria-label="Voortgang"></progress>
              <span>${num(st.progress.done)} / ${num(st.progress.total)} scenario’s</span>
              <button ?disabled=${!active} @click=${this.cancel}>Annuleren</button>
              ${
                st.status === 'done'
                  ? html`<a href=${sweepResultUrl(st.id, 'arrow')} download="verkenning-${st.id}.arrows">Download Arrow</a>
                    <a href=${sweepResultUrl(st.id, 'csv')} download="verkenning-${st.id}.csv">Download CSV</a>`
                  : ''
              }
            </div>
            ${st.error ? html`<div class="error">${dutchMessage(st.error)}</div>` : ''}
          </div>`
          : ''
      }
      ${
        rows && isStressTest(this.axes)
          ? html`<div class="card" id="stress-result" style="margin-top:0.75rem"><h3 style="margin-top:0">Stresstest weerjaren: resultaat per weerjaar (landelijk)</h3>
            <sh-weather-stress .rows=${rows} .info=${store.datasetInfo} target=${this.target}></sh-weather-stress></div>`
          : ''
      }
      ${
        rows
          ? html`<div class="results">
            <div class="card"><h3 style="margin-top:0">Spreiding (landelijk)</h3>
              <sh-sweep-scatter .rows=${rows} .pareto=${this.pareto} .axisNames=${this.axes}
                @y-change=${(e: CustomEvent<string>) => {
                  this.output = e.detail;
                }}
                @pareto-change=${(e: CustomEvent<Set<number>>) => {
                  this.shownPareto = e.detail;
                }}></sh-sweep-scatter>
            </div>
            <div>
              <div class="card" id="tornado-card"><h3 style="margin-top:0">Gevoeligheid per as</h3>
                <sh-sweep-tornado .sweepId=${st?.id ?? ''} .output=${this.output} .regions=${store.regions}></sh-sweep-tornado>
              </div>
            </div>
          </div>
          <sh-sweep-results-table .rows=${rows} .axes=${this.axes} .pareto=${this.shownPareto} .info=${store.datasetInfo}
            .outputs=${this.tableOutputs} @columns-change=${(e: CustomEvent<string[]>) => {
              this.tableOutputs = e.detail;
            }}></sh-sweep-results-table>`
          : ''
      }
    `;
  }
}
customElements.define('sh-sweep-view', SweepView);
