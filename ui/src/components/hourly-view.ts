/**
 * View 3, "Uurprofiel": a region's hourly generation, load, net load before and after storage,
 * with the feed-in and offtake capacity as horizontal lines; zoom from year to week; the LV load
 * per home in transition neighbourhoods against today's LV capacity per home; and the
 * load-duration curve (net load sorted from highest feed-in to highest offtake) below it.
 */
import { html, css } from 'lit';
import type uPlot from 'uplot';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import { dutchFailure, evaluate, ApiError, type HourlySeries, type ScenarioJson } from '../api.ts';
import { euros, num, withUnit } from '../format.ts';
import type { RegionResult } from '../kpis.ts';
import { NATIONAL_DEFAULTS } from '../../../engine/scenario/parameters.ts';
import { runYear, scenarioWeatherYear, weatherYearLabel } from '../weather-year.ts';
import { hourlyTable } from '../export-table.ts';
import { toDutchCsv } from '../export-csv.ts';
import { downloadText, exportFileName } from '../export-download.ts';
import './u-plot.ts';

const DAY_MS = 86_400_000;
const dateFmt = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Hour index → "12 jan" in the weather year (hour 0 = 1 January 00:00). */
function hourLabel(h: number, year: number): string {
  return dateFmt.format(new Date(Date.UTC(year, 0, 1) + Math.floor(h / 24) * DAY_MS));
}

/** Tick steps of the hour axis, in hours: whole hours up to a day, then days, weeks and months. */
export const HOUR_TICK_STEPS = [1, 2, 3, 6, 12, 24, 48, 24 * 7, 24 * 14, 24 * 30, 24 * 61, 24 * 91];

/**
 * Tick labels of the hour axis: the date, and below it the time of day when ticks are less than a
 * day apart (a week view has ticks every 6 or 12 hours, which must not all read "12 jan").
 */
export function hourTicks(hours: readonly number[], stepHours: number, year: number): string[] {
  if (stepHours >= 24) return hours.map((h) => hourLabel(h, year));
  return hours.map((h) => `${hourLabel(h, year)}\n${String(((h % 24) + 24) % 24).padStart(2, '0')}:00`);
}

/** Chart height as a share of the window, so both charts fit at 1280×800 and grow on big screens. */
const chartHeight = (share: number, min: number, max: number) =>
  Math.round(Math.max(min, Math.min(max, innerHeight * share)));

const mwAxis = (label: string): uPlot.Axis => ({
  label,
  size: 70,
  values: (_u, vals) => vals.map((v) => num(v, 0)),
});

export class HourlyView extends StoreElement {
  static properties = { series: { state: true }, loading: { state: true }, failure: { state: true } };
  declare series: HourlySeries | null;
  declare loading: boolean;
  declare failure: string;
  private key = '';
  private ctrl: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chart: uPlot | null = null;
  /** The LV chart (load per home against capacity); it follows the hourly chart's zoom. */
  private lvChart: uPlot | null = null;
  private cached: { key: string; opts: object; duration: object; lv: object } | null = null;

  constructor() {
    super();
    this.series = null;
    this.loading = false;
    this.failure = '';
  }

  static styles = [
    shared,
    css`
      .toolbar { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; margin-bottom: 0.5rem; }
      .zoom button[aria-pressed='true'] { background: #14325c; color: #fff; border-color: #14325c; }
      .stats { display: flex; gap: 1.25rem; flex-wrap: wrap; font-size: 0.85rem; margin: 0.25rem 0 0.5rem; }
      .stats b { font-variant-numeric: tabular-nums; }
      .card + .card { margin-top: 0.75rem; }
    `,
  ];

  /** The calendar year of the run's weather (the scenario's weather year or the dataset's reference). */
  private get year(): number {
    return runYear(store.scenario, store.datasetInfo);
  }

  private get hours(): number {
    return store.datasets.find((d) => d.id === store.dataset)?.hours ?? 8760;
  }

  /** Whether the region asked for (by link or choice) is one of the dataset's regions. */
  private get regionKnown(): boolean {
    return store.regions.some((r) => r.id === store.region);
  }

  /** Fetches the hourly series when region, dataset or scenario changed (debounced like the KPIs). */
  private maybeFetch() {
    // An unknown region (a link such as #/uurprofiel/ES99) is not asked for: the view says so instead.
    if (!store.regions.length || !this.regionKnown) return;
    const key = `${store.dataset}|${store.region}|${JSON.stringify(store.scenario)}`;
    if (key === this.key) return;
    this.key = key;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fetchSeries(store.scenario), 25);
  }

  private async fetchSeries(scenario: ScenarioJson) {
    this.ctrl?.abort();
    const ctrl = (this.ctrl = new AbortController());
    this.loading = true;
    try {
      const res = await evaluate(scenario, store.dataset, {
        hourly: { region: store.region, from: 0, to: this.hours },
        signal: ctrl.signal,
      });
      if (ctrl.signal.aborted) return;
      this.series = res.hourly ?? null;
      this.failure = res.hourly ? '' : 'De server gaf geen uurwaarden terug.';
    } catch (e) {
      if (ctrl.signal.aborted) return;
      this.series = null;
      this.failure =
        e instanceof ApiError && e.status === 400
          ? 'De uurwaarden van dit scenario konden niet worden berekend: de invoer is ongeldig. Zie de meldingen in “Scenario”.'
          : dutchFailure(e, 'de uurwaarden');
    } finally {
      if (this.ctrl === ctrl) this.loading = false;
    }
  }

  override updated(): void {
    this.maybeFetch();
  }

  private zoom(hours: number | null) {
    const u = this.chart;
    if (!u || !this.series) return;
    const n = this.series.genMW.length;
    if (hours === null || hours >= n) {
      u.setScale('x', { min: 0, max: n - 1 });
      return;
    }
    // Keep the left edge of the current view so zooming in stays where the user was looking.
    const start = Math.max(0, Math.min(n - hours, Math.floor(u.scales.x.min ?? 0)));
    u.setScale('x', { min: start, max: start + hours - 1 });
  }

  /** Gives the other time chart the same hours as `u` (zoom, drag or ◀ ▶ on either one). */
  private readonly syncX = (u: uPlot, key: string) => {
    if (key !== 'x') return;
    const other = u === this.chart ? this.lvChart : u === this.lvChart ? this.chart : null;
    const { min, max } = u.scales.x;
    if (!other || min === undefined || max === undefined) return;
    if (other.scales.x.min === min && other.scales.x.max === max) return;
    other.setScale('x', { min, max });
  };

  private shift(dir: -1 | 1) {
    const u = this.chart;
    if (!u || !this.series) return;
    const n = this.series.genMW.length;
    const min = u.scales.x.min ?? 0,
      max = u.scales.x.max ?? n - 1,
      w = max - min;
    const start = Math.max(0, Math.min(n - 1 - w, min + dir * w));
    u.setScale('x', { min: start, max: start + w });
  }

  private builtFor: {
    s: HourlySeries;
    data: uPlot.AlignedData;
    duration: uPlot.AlignedData;
    lv: uPlot.AlignedData;
  } | null = null;

  /** Chart data, rebuilt only when a new series arrives (render also runs on unrelated store changes). */
  private build(s: HourlySeries) {
    if (this.builtFor?.s === s) return this.builtFor;
    const key = `${s.region}|${this.year}|${s.genMW.length}`;
    const n = s.genMW.length;
    const x = Float64Array.from({ length: n }, (_, i) => s.from + i);
    const feed = new Float64Array(n).fill(s.feedinLimitMW);
    const off = new Float64Array(n).fill(-s.offtakeLimitMW);
    const data = [x, s.genMW, s.loadMW, s.netMW, s.netAfterStorageMW, feed, off] as unknown as uPlot.AlignedData;
    const sortedNet = Float64Array.from(s.netMW).sort().reverse();
    const sortedAfter = Float64Array.from(s.netAfterStorageMW).sort().reverse();
    const rank = Float64Array.from({ length: n }, (_, i) => i);
    const duration = [rank, sortedNet, sortedAfter, feed, off] as unknown as uPlot.AlignedData;
    // LV: the transition class's load per home against today's capacity per home, both ways.
    const lvCap = new Float64Array(n).fill(s.lvCapacityKWPerHome);
    const lvFeedCap = new Float64Array(n).fill(-s.lvCapacityKWPerHome);
    const lv = [x, s.lvTransitionKWPerHome, lvCap, lvFeedCap] as unknown as uPlot.AlignedData;
    // Options only change with the region/year, so the zoom survives lever moves.
    if (!this.cached || this.cached.key !== key) {
      const year = this.year;
      const hourSeries: uPlot.Series = {
        label: 'uur',
        value: (_u, v) => (v == null ? '–' : `${hourLabel(v, year)} ${String(v % 24).padStart(2, '0')}:00`),
      };
      const opts: Omit<uPlot.Options, 'width' | 'height'> = {
        scales: { x: { time: false } },
        cursor: { drag: { x: true, y: false } },
        hooks: { setScale: [this.syncX] },
        series: [
          hourSeries,
          { label: 'Opwek', stroke: '#e0a100', width: 1, value: (_u, v) => withUnit(v, 'MW') },
          { label: 'Vraag', stroke: '#1976d2', width: 1, value: (_u, v) => withUnit(v, 'MW') },
          { label: 'Netto (opwek − vraag)', stroke: '#9e9e9e', width: 1, value: (_u, v) => withUnit(v, 'MW') },
          { label: 'Netto na opslag', stroke: '#2e7d32', width: 1.2, value: (_u, v) => withUnit(v, 'MW') },
          {
            label: 'Capaciteit invoeding',
            stroke: '#d32f2f',
            width: 1.5,
            dash: [6, 4],
            value: (_u, v) => withUnit(v, 'MW'),
          },
          {
            label: 'Capaciteit afname',
            stroke: '#7b1fa2',
            width: 1.5,
            dash: [6, 4],
            value: (_u, v) => withUnit(v, 'MW'),
          },
        ],
        axes: [
          {
            incrs: HOUR_TICK_STEPS,
            space: 70,
            values: (u, vals, _axis, _space, step) => {
              const labels = hourTicks(vals, step, year);
              // For the browser test and screen readers' benefit: the ticks drawn on the canvas.
              u.root.dataset.xTicks = labels.join('|');
              return labels;
            },
          },
          mwAxis('MW'),
        ],
      };
      const dur: Omit<uPlot.Options, 'width' | 'height'> = {
        scales: { x: { time: false } },
        // Same colours as above and named in the heading: a second legend would only cost height.
        legend: { show: false },
        series: [
          { label: 'uren', value: (_u, v) => withUnit(v, 'uur') },
          { label: 'Netto', stroke: '#9e9e9e', width: 1.2, value: (_u, v) => withUnit(v, 'MW') },
          { label: 'Netto na opslag', stroke: '#2e7d32', width: 1.5, value: (_u, v) => withUnit(v, 'MW') },
          { label: 'Capaciteit invoeding', stroke: '#d32f2f', dash: [6, 4], value: (_u, v) => withUnit(v, 'MW') },
          { label: 'Capaciteit afname', stroke: '#7b1fa2', dash: [6, 4], value: (_u, v) => withUnit(v, 'MW') },
        ],
        axes: [{ label: 'uren per jaar (gesorteerd)', values: (_u, vals) => vals.map((v) => num(v, 0)) }, mwAxis('MW')],
      };
      const kwAxis: uPlot.Axis = { label: 'kW per woning', size: 70, values: (_u, vals) => vals.map((v) => num(v, 1)) };
      const lvOpts: Omit<uPlot.Options, 'width' | 'height'> = {
        scales: { x: { time: false } },
        cursor: { drag: { x: true, y: false } },
        hooks: { setScale: [this.syncX] },
        series: [
          hourSeries,
          {
            label: 'Belasting per woning in transitiewijk',
            stroke: '#c2185b',
            width: 1,
            value: (_u, v) => withUnit(v, 'kW', 2),
          },
          {
            label: 'Capaciteit per woning (afname)',
            stroke: '#7b1fa2',
            width: 1.5,
            dash: [6, 4],
            value: (_u, v) => withUnit(v, 'kW', 2),
          },
          {
            label: 'Capaciteit per woning (teruglevering)',
            stroke: '#d32f2f',
            width: 1.5,
            dash: [6, 4],
            value: (_u, v) => withUnit(v, 'kW', 2),
          },
        ],
        axes: [
          { incrs: HOUR_TICK_STEPS, space: 70, values: (_u, vals, _axis, _space, step) => hourTicks(vals, step, year) },
          kwAxis,
        ],
      };
      this.cached = { key, opts, duration: dur, lv: lvOpts };
    }
    this.builtFor = { s, data, duration, lv };
    return this.builtFor;
  }

  /** The shown series as Dutch CSV: one row per hour, dated in the run's weather year. */
  private downloadCsv(s: HourlySeries) {
    const name = exportFileName(store.scenario.name, `uurwaarden ${store.regionName(s.region)}`, 'csv');
    downloadText(toDutchCsv(hourlyTable(s, this.year)), name, 'text/csv');
  }

  /** The line under a chart's title in its PNG: which scenario and weather. */
  private get pngSubtitle(): string {
    const info = store.datasetInfo;
    return `Scenario “${store.scenario.name}”, weerjaar ${weatherYearLabel(scenarioWeatherYear(store.scenario, info), info)}`;
  }

  /** The region's LV outputs (model.md §9) above the LV chart, each with its unit. */
  private renderLvStats(row: RegionResult) {
    return html`<div class="stats" id="lv-stats">
      <span>Capaciteit per woning <b data-lv="capacity" data-value=${row.lvCapacityKWPerHome}>${withUnit(row.lvCapacityKWPerHome, 'kW', 2)}</b></span>
      <span>Piek per woning in transitiewijk, met spreidingsmarge <b data-lv="peak" data-value=${row.lvPeakKWPerHome}>${withUnit(row.lvPeakKWPerHome, 'kW', 2)}</b></span>
      <span>Woningen in transitiewijken <b>${withUnit(100 * row.lvTransitionHomesShare, '%', 1)}</b></span>
      <span>Op overbelaste straten <b>${withUnit(100 * Number(row.lvOverloadedHomesShare), '%', 1)}</b></span>
      <span>Verzwaring laagspanning <b data-lv="reinforce" data-value=${row.lvReinforceMW}>${withUnit(row.lvReinforceMW, 'MW')}</b></span>
      <span>Investering laagspanning <b>${euros(row.lvCapexEUR)}</b></span>
    </div>`;
  }

  override render() {
    const known = this.regionKnown;
    // A series of another region (before an unknown one was asked for) is not shown under its name.
    const s = known && this.series?.region === store.region ? this.series : null;
    const row = store.result?.regions.find((r) => r.id === store.region);
    const built = s ? this.build(s) : null;
    const unknown =
      store.regions.length && !known
        ? `Regio “${store.region}” bestaat niet in deze dataset. Kies hieronder een RES-regio.`
        : '';
    const failure = unknown || this.failure;
    return html`
      <div class="toolbar">
        <h2 style="margin:0">Uurprofiel</h2>
        <label for="region">Regio</label>
        <select id="region" @change=${(e: Event) => {
          store.setRegion((e.target as HTMLSelectElement).value);
          history.replaceState(null, '', `#/uurprofiel/${store.region}`);
        }}>
          ${known ? '' : html`<option value="" selected disabled>Kies een regio…</option>`}
          ${store.regions.map((r) => html`<option value=${r.id} ?selected=${r.id === store.region}>${r.name}</option>`)}
        </select>
        <div class="zoom row" role="group" aria-label="Zoom">
          <button @click=${() => this.zoom(null)}>Jaar</button>
          <button @click=${() => this.zoom(24 * 30)}>Maand</button>
          <button @click=${() => this.zoom(24 * 7)}>Week</button>
          <button @click=${() => this.shift(-1)} aria-label="Eerder">◀</button>
          <button @click=${() => this.shift(1)} aria-label="Later">▶</button>
        </div>
        <button id="hourly-csv" ?disabled=${!s} title="Alle uurwaarden van deze regio als CSV (puntkomma, decimale komma)"
          @click=${() => s && this.downloadCsv(s)}>Uurwaarden (CSV)</button>
        <span class="muted">${this.loading && known ? 'Laden…' : 'Sleep in de grafiek om in te zoomen; dubbelklik = heel jaar.'}</span>
      </div>
      ${failure ? html`<div class="errorbox" role="alert">${failure}</div>` : ''}
      ${
        row
          ? html`<div class="stats">
            <span>Piek invoeding <b>${withUnit(row.peakFeedinMW, 'MW')}</b></span>
            <span>Piek afname <b>${withUnit(row.peakOfftakeMW, 'MW')}</b></span>
            <span>Congestie-uren invoeding <b>${num(row.congestionHoursFeedin)}</b> · afname <b>${num(row.congestionHoursOfftake)}</b></span>
            <span>Verzwaring <b>${withUnit(row.reinforceFeedinMW + row.reinforceOfftakeMW, 'MW')}</b></span>
            <span>Afgekapt <b>${withUnit(row.clipCurtailedTWh * 1000, 'GWh', 1)}</b></span>
          </div>`
          : ''
      }
      <div class="card">
        <h3 style="margin-top:0">${known ? store.regionName(store.region) : 'Geen regio gekozen'}: uurwaarden (MW; positief = netto invoeding)</h3>
        ${
          built && this.cached
            ? html`<sh-uplot id="hourly" .options=${this.cached.opts} .data=${built.data} .height=${chartHeight(0.33, 220, 460)}
              .pngTitle="${store.regionName(store.region)}: uurwaarden (MW; positief = netto invoeding)" .pngSubtitle=${this.pngSubtitle}
              @plot-ready=${(e: CustomEvent<uPlot>) => {
                this.chart = e.detail;
                if (this.lvChart) this.syncX(this.chart, 'x');
              }}></sh-uplot>`
            : failure
              ? html`<div class="muted">Geen uurwaarden.</div>`
              : html`<div class="muted">Uurwaarden laden…</div>`
        }
      </div>
      <div class="card" id="lv-card">
        <h3 style="margin-top:0">Laagspanningsnet: belasting per woning in transitiewijken tegen de capaciteit (kW per woning)</h3>
        ${row ? this.renderLvStats(row) : ''}
        ${
          built && this.cached
            ? html`<sh-uplot id="lv" .options=${this.cached.lv} .data=${built.lv} .height=${chartHeight(0.2, 150, 300)}
              .pngTitle="${store.regionName(store.region)}: laagspanningsnet, belasting per woning in transitiewijken (kW per woning)"
              .pngSubtitle=${this.pngSubtitle}
              @plot-ready=${(e: CustomEvent<uPlot>) => {
                this.lvChart = e.detail;
                if (this.chart) this.syncX(this.chart, 'x');
              }}></sh-uplot>
              <div class="muted">Gemiddelde uurbelasting per woning in een straat met warmtepompen (transitiewijk), zonder de
                spreidingsmarge; negatief = teruglevering van kleine daken. De piek per woning telt de spreidingsmarge van een groep
                van ${num(store.scenario.national.lvHomesPerGroup ?? NATIONAL_DEFAULTS.lvHomesPerGroup)} woningen erbij.</div>`
            : ''
        }
      </div>
      <div class="card">
        <h3 style="margin-top:0">Belastingduurkromme <span class="muted">netto belasting gesorteerd: grijs vóór, groen na opslag; rood/paars: capaciteit invoeding/afname</span></h3>
        ${
          built && this.cached
            ? html`<sh-uplot id="duration" .options=${this.cached.duration} .data=${built.duration} .height=${chartHeight(0.2, 140, 280)}
              .pngTitle="${store.regionName(store.region)}: belastingduurkromme (MW)" .pngSubtitle=${this.pngSubtitle}></sh-uplot>`
            : ''
        }
      </div>
    `;
  }
}
customElements.define('sh-hourly-view', HourlyView);
