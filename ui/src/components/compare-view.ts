/**
 * View 6, "Vergelijken": saved scenarios, up to four side by side (national KPIs with the
 * difference against the first, and grouped bars), saving the current scenario, and the
 * version history of a saved scenario.
 */
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import {
  dutchFailure,
  evaluate,
  getScenario,
  listScenarios,
  type EvaluateResponse,
  type SavedScenario,
  type SavedScenarioMeta,
} from '../api.ts';
import { NATIONAL_KPIS, STRATEGIES, nationalWoonlasten } from '../kpis.ts';
import { num } from '../format.ts';
import { scenarioWeatherYear, weatherYearLabel } from '../weather-year.ts';
import './save-form.ts';
import './version-history.ts';
import './bar-chart.ts';

const MAX = 4;
const COLOURS = ['#14325c', '#e0a100', '#2e7d32', '#c2185b'];
const when = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'short' });

interface Compared {
  rec: SavedScenario;
  res: EvaluateResponse;
  /** One value per row of ROWS. */
  values: number[];
}

/** One row of the comparison: a national figure of an evaluated scenario. */
interface Row {
  key: string;
  label: string;
  unit: string;
  digits: number;
  value(res: EvaluateResponse, woonlasten: Record<string, number>): number;
}

/**
 * The rows compared: the national KPIs, the battery investment (without it a scenario with
 * billions of batteries looks cheaper), congestion hours (national results have none, so the sum
 * of the regions' feed-in and offtake hours) and the change in housing costs per heat strategy.
 */
const ROWS: readonly Row[] = [
  ...NATIONAL_KPIS.map((k) => ({ ...k, value: (res: EvaluateResponse) => k.value(res.national, 35) })),
  {
    key: 'storageCapex',
    label: 'Investering netbatterijen',
    unit: 'mln €',
    digits: 0,
    value: (res) => res.national.storageCapexEUR / 1e6,
  },
  {
    key: 'congestionHours',
    label: 'Congestie-uren (som van de regio’s)',
    unit: 'uur/jaar',
    digits: 0,
    value: (res) => res.regions.reduce((sum, r) => sum + r.congestionHoursFeedin + r.congestionHoursOfftake, 0),
  },
  ...STRATEGIES.map((s) => ({
    key: s.key,
    label: `Δ woonlasten ${s.label.toLowerCase()}`,
    unit: '€/woning/jaar',
    digits: 0,
    value: (_res: EvaluateResponse, woon: Record<string, number>) => woon[s.key],
  })),
];
const rowIndex = (key: string) => ROWS.findIndex((r) => r.key === key);

/** The charts under the table: one unit per chart, so MW and ha never share an axis. */
const CHARTS: ReadonlyArray<{
  id: string;
  title: string;
  keys: string[];
  unit: string;
  short?: Record<string, string>;
}> = [
  {
    id: 'mw',
    title: 'Netverzwaring',
    keys: ['reinforceMW', 'lvReinforceMW'],
    unit: 'MW',
    short: { reinforceMW: 'Regionaal net', lvReinforceMW: 'Laagspanningsnet' },
  },
  { id: 'ha', title: 'Ruimtegebruik zon + wind', keys: ['landHa'], unit: 'ha' },
  {
    id: 'eur',
    title: 'Investeringen',
    keys: ['gridCapexEUR', 'lvCapexEUR', 'storageCapex', 'homesCapex'],
    unit: 'mln €',
    short: {
      gridCapexEUR: 'Net (totaal)',
      lvCapexEUR: 'waarvan laagspanning',
      storageCapex: 'Netbatterijen',
      homesCapex: 'Woningen',
    },
  },
  { id: 'congestion', title: 'Congestie-uren (som van de regio’s)', keys: ['congestionHours'], unit: 'uur/jaar' },
  {
    id: 'woonlasten',
    title: 'Δ woonlasten',
    keys: STRATEGIES.map((s) => s.key),
    unit: '€/woning/jaar',
    short: Object.fromEntries(STRATEGIES.map((s) => [s.key, s.label])),
  },
];

/** Selection survives navigation between views. */
const picked: string[] = [];

export class CompareView extends StoreElement {
  static properties = {
    list: { state: true },
    compared: { state: true },
    historyId: { state: true },
    failure: { state: true },
  };
  declare list: SavedScenarioMeta[];
  declare compared: Compared[];
  declare historyId: string;
  declare failure: string;

  constructor() {
    super();
    this.list = [];
    this.compared = [];
    this.historyId = '';
    this.failure = '';
  }

  static styles = [
    shared,
    css`
      .layout { display: grid; grid-template-columns: minmax(0, 1fr) 360px; gap: 1rem; align-items: start; }
      .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 0.75rem; margin-top: 0.75rem; }
      .card + .card { margin-top: 0.75rem; }
      .d { color: #4a5668; font-size: 0.8rem; }
      .list td:first-child { width: 2rem; }
      @media (max-width: 1000px) { .layout { grid-template-columns: 1fr; } }
    `,
  ];

  private get history() {
    return this.renderRoot.querySelector('sh-version-history') as (HTMLElement & { load(): Promise<void> }) | null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  async refresh() {
    try {
      this.list = await listScenarios();
      for (let i = picked.length - 1; i >= 0; i--) if (!this.list.some((s) => s.id === picked[i])) picked.splice(i, 1);
      await this.compare();
    } catch (e) {
      this.failure = dutchFailure(e, 'de opgeslagen scenario’s');
    }
  }

  private async toggle(id: string, on: boolean) {
    const i = picked.indexOf(id);
    if (on && i < 0 && picked.length < MAX) picked.push(id);
    if (!on && i >= 0) picked.splice(i, 1);
    await this.compare();
  }

  /**
   * Counts comparisons started: picks, saves and refreshes start overlapping ones, and a slower,
   * older answer (one scenario) must not replace a newer one (two scenarios).
   */
  private comparisonsStarted = 0;

  /** Loads and evaluates the picked scenarios (latest versions) in parallel; the latest start wins. */
  private async compare() {
    const started = ++this.comparisonsStarted;
    const homes = new Map(store.regions.map((r) => [r.id, r.homes]));
    const ids = [...picked];
    try {
      const out = await Promise.all(
        ids.map(async (id) => {
          const rec = await getScenario(id);
          const res = await evaluate(rec.scenario, store.dataset);
          const woon = nationalWoonlasten(res.regions, homes);
          return { rec, res, values: ROWS.map((r) => r.value(res, woon)) };
        }),
      );
      if (started !== this.comparisonsStarted) return;
      this.compared = out;
      this.failure = '';
    } catch (e) {
      if (started !== this.comparisonsStarted) return;
      this.failure = dutchFailure(e, 'de gekozen scenario’s');
    }
  }

  private async load(id: string) {
    const rec = await getScenario(id);
    store.setScenario({ ...rec.scenario, name: rec.name }, { id: rec.id, version: rec.version });
    location.hash = '#/scenario';
  }

  private renderTable() {
    const c = this.compared;
    if (!c.length) return html`<p class="muted">Kies hierboven één tot vier scenario’s om te vergelijken.</p>`;
    const rows = ROWS;
    return html`<table id="compare-table">
      <thead><tr><th>Indicator</th>${c.map((x, j) => html`<th style="border-top:3px solid ${COLOURS[j]}">${x.rec.name} <span class="muted">v${x.rec.version}</span></th>`)}</tr></thead>
      <tbody><tr><td>Weerjaar</td>${c.map((x) => html`<td>${weatherYearLabel(scenarioWeatherYear(x.rec.scenario, store.datasetInfo), store.datasetInfo)}</td>`)}</tr>
      ${rows.map(
        (r, i) => html`<tr data-row=${r.key}>
        <td>${r.label} <span class="muted">(${r.unit})</span></td>
        ${c.map((x, j) => {
          const d = x.values[i] - c[0].values[i];
          return html`<td>${num(x.values[i], r.digits)}${j > 0 ? html` <span class="d" title="Verschil met ${c[0].rec.name}">(Δ ${num(d, r.digits, true)})</span>` : ''}</td>`;
        })}
      </tr>`,
      )}</tbody>
    </table>
    <div class="muted">Δ: verschil met het eerste scenario (“${c[0].rec.name}”).</div>`;
  }

  private renderCharts() {
    const c = this.compared;
    if (c.length < 1) return '';
    return html`<div class="charts">${CHARTS.map((g) => {
      const rows = g.keys.map(rowIndex);
      const digits = Math.max(...rows.map((i) => ROWS[i].digits));
      return html`<div class="card"><h3 style="margin-top:0">${g.title} <span class="muted">(${g.unit})</span></h3>
      <sh-bar-chart id="chart-${g.id}" .categories=${g.keys.map((k, j) => g.short?.[k] ?? ROWS[rows[j]].label)} unit=${g.unit}
        digits=${digits} label="${g.title} in ${g.unit}"
        .series=${c.map((x, j) => ({ label: x.rec.name, colour: COLOURS[j], values: rows.map((i) => x.values[i]) }))}></sh-bar-chart></div>`;
    })}</div>`;
  }

  override render() {
    return html`
      <h2>Vergelijken</h2>
      <p class="lead">Sla scenario’s op met auteur en toelichting, en zet er tot vier naast elkaar. Elk scenario wordt opnieuw
        doorgerekend, in het weerjaar dat erbij is opgeslagen.</p>
      ${this.failure ? html`<div class="errorbox" role="alert">${this.failure}</div>` : ''}
      <div class="layout">
        <div>
          <div class="card">
            <h3 style="margin-top:0">Opgeslagen scenario’s <span class="muted">(${picked.length}/${MAX} gekozen)</span></h3>
            ${
              this.list.length
                ? html`<table class="list"><thead><tr><th><span class="muted">kies</span></th><th style="text-align:left">Naam</th><th>Versie</th><th>Auteur</th><th>Gewijzigd</th><th></th></tr></thead>
                <tbody>${this.list.map(
                  (s) => html`<tr data-id=${s.id}>
                  <td><input type="checkbox" id="pick-${s.id}" aria-label="Vergelijk ${s.name}" .checked=${picked.includes(s.id)}
                    ?disabled=${!picked.includes(s.id) && picked.length >= MAX}
                    @change=${(e: Event) => void this.toggle(s.id, (e.target as HTMLInputElement).checked)} /></td>
                  <td style="text-align:left"><label for="pick-${s.id}">${s.name}</label></td>
                  <td>v${s.version}</td><td>${s.author || '–'}</td><td>${when.format(new Date(s.updatedAt))}</td>
                  <td><button @click=${() => void this.load(s.id)} aria-label="${s.name} laden in Scenario">Laden</button>
                    <button @click=${() => (this.historyId = s.id)} aria-label="Versies van ${s.name}">Versies</button></td>
                </tr>`,
                )}</tbody></table>`
                : html`<p class="muted">Nog geen opgeslagen scenario’s. Sla rechts het huidige scenario op.</p>`
            }
          </div>
          <div class="card">${this.renderTable()}</div>
          ${this.renderCharts()}
        </div>
        <aside>
          <div class="card"><h3 style="margin-top:0">Huidig scenario opslaan</h3>
            <sh-save-form @saved=${(e: CustomEvent<{ id: string }>) => {
              // A new id reloads the history by itself (version-history watches scenarioId); the same
              // id needs an explicit reload for the new version. Never ask for the versions of ''.
              if (this.historyId === e.detail.id) void this.history?.load();
              else this.historyId = e.detail.id;
              void this.refresh();
            }}></sh-save-form></div>
          <div class="card"><h3 style="margin-top:0">Versiegeschiedenis${this.historyId ? `: ${this.list.find((s) => s.id === this.historyId)?.name ?? ''}` : ''}</h3>
            <sh-version-history scenarioId=${this.historyId}></sh-version-history></div>
        </aside>
      </div>
    `;
  }
}
customElements.define('sh-compare-view', CompareView);
