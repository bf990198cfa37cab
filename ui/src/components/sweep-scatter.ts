/**
 * Scatter of the national rows of a sweep: any output against any axis or output, with a Pareto
 * front drawn on top in another colour: the server's (min grid investment, max delivered RES, min
 * land) or, when both axes are outputs, the front over the two outputs shown (pareto-2d.ts).
 * uPlot wants ascending x, so points are sorted by x; lines are switched off (points only).
 * Choosing a Y column fires `y-change` with its name; the front shown fires `pareto-change` with
 * its scenario numbers. Scenarios without a value (nullable outputs) are not drawn; a note says
 * how many and why.
 */
import { LitElement, html, css, type PropertyValues } from 'lit';
import type uPlot from 'uplot';
import type { NationalRows } from '../sweep-table.ts';
import { shared } from '../styles.ts';
import { auto, compact, num } from '../format.ts';
import { columnLabel } from '../region-names.ts';
import { displayUnitOf, displayValueOf } from '../quantity-format.ts';
import { quantityOf } from '../../../engine/labels/index.ts';
import { OUTPUT_NAMES, isNullableOutput } from '../../../engine/model/outputs.ts';
import { betterDirection, paretoFront2d } from '../pareto-2d.ts';
import { nullReason } from '../finance.ts';
import { WEATHER_YEAR_PATH } from '../weather-stress.ts';

/** Which Pareto front the scatter draws: the server's three objectives, or the two outputs shown. */
export type ParetoMode = 'standaard' | 'assen';

const isOutput = (name: string) => (OUTPUT_NAMES as readonly string[]).includes(name);
const ARROW = { lower: '↓', higher: '↑' } as const;
import './u-plot.ts';

/** A value of column `name`, already in display units, for the hover legend: Dutch notation with its unit. */
export function displayText(name: string, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (name === WEATHER_YEAR_PATH) return String(v);
  const unit = displayUnitOf(name);
  const digits = quantityOf(name)?.display.digits;
  const text = digits === undefined ? auto(v) : num(v, digits);
  return unit ? `${text}\u00a0${unit}` : text;
}

/** An axis tick: years as years ("1987", not "1.987"), other values compact ("1,2 mld"). */
const tickText = (name: string, v: number) => (name === WEATHER_YEAR_PATH ? String(v) : compact(v));

export class SweepScatter extends LitElement {
  static properties = {
    rows: { attribute: false },
    pareto: { attribute: false },
    axisNames: { attribute: false },
    x: { state: true },
    y: { state: true },
    mode: { state: true },
  };
  declare rows: NationalRows | null;
  declare pareto: Set<number>;
  declare axisNames: string[];
  declare x: string;
  declare y: string;
  declare mode: ParetoMode;
  /** Scenario numbers on the front drawn now. */
  private shown: Set<number> = new Set();
  private options: Omit<uPlot.Options, 'width' | 'height'> | null = null;
  private data: uPlot.AlignedData | null = null;

  constructor() {
    super();
    this.rows = null;
    this.pareto = new Set();
    this.axisNames = [];
    this.x = '';
    this.y = 'gridCapexEUR';
    this.mode = 'standaard';
  }

  static styles = [
    shared,
    css`
      .pick { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0.3rem 0.5rem; align-items: center; margin-bottom: 0.4rem; }
      select { width: 100%; }
      .note { font-size: 0.8rem; color: #4a5668; margin-top: 0.3rem; }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>): void {
    const rows = this.rows;
    if (!rows) return;
    if (!this.x || !rows.columns[this.x]) this.x = this.axisNames[0] ?? 'resNominalTWh';
    if (!rows.columns[this.y]) this.y = rows.names.find((n) => n !== this.x && n !== 'scenario') ?? this.x;
    if (this.mode === 'assen' && !this.axesArePareto()) this.mode = 'standaard';
    if (!(changed.has('rows') || changed.has('x') || changed.has('y') || changed.has('pareto') || changed.has('mode')))
      return;
    const xs = rows.columns[this.x],
      ys = rows.columns[this.y],
      sc = rows.columns.scenario;
    const front = this.frontScenarios(rows);
    if (!sameSet(front, this.shown)) {
      this.shown = front;
      this.dispatchEvent(new CustomEvent('pareto-change', { detail: front, bubbles: true, composed: true }));
    }
    const order = Array.from({ length: rows.length }, (_, i) => i).sort((a, b) => xs[a] - xs[b]);
    const X = new Float64Array(order.length),
      Y: (number | null)[] = [],
      P: (number | null)[] = [];
    // Plotted in display units (%, mln €, €/kW), as the axis labels say.
    const sx = displayValueOf(this.x, 1),
      sy = displayValueOf(this.y, 1);
    order.forEach((i, k) => {
      X[k] = xs[i] * sx;
      const y = Number.isNaN(ys[i]) ? null : ys[i] * sy;
      Y.push(y);
      P.push(this.shown.has(sc ? sc[i] : i) ? y : null);
    });
    this.data = [X, Y, P] as unknown as uPlot.AlignedData;
    const none = () => null;
    this.options = {
      mode: 1,
      scales: { x: { time: false } },
      cursor: { drag: { x: true, y: true } },
      legend: { show: true },
      series: [
        // The hover legend names what each number is: the x column, then the y column of a
        // scenario (and again when that scenario is on the Pareto front), with units.
        { label: columnLabel(this.x), value: (_u, v) => displayText(this.x, v) },
        {
          label: columnLabel(this.y),
          stroke: '#5c7cab',
          fill: '#5c7cab',
          paths: none,
          points: { show: true, size: 6, stroke: '#5c7cab', fill: 'rgba(92,124,171,0.45)' },
          value: (_u, v) => displayText(this.y, v),
        },
        {
          label: `${columnLabel(this.y)}, Pareto-front`,
          stroke: '#d84315',
          paths: none,
          points: { show: true, size: 9, stroke: '#d84315', fill: '#ff7043' },
          value: (_u, v) => displayText(this.y, v),
        },
      ],
      axes: [
        { label: columnLabel(this.x), values: (_u, vals) => vals.map((v) => tickText(this.x, v)) },
        { label: columnLabel(this.y), size: 70, values: (_u, vals) => vals.map((v) => tickText(this.y, v)) },
      ],
    };
  }

  /** Whether the two columns shown are outputs, so that a front over them has a meaning. */
  private axesArePareto(): boolean {
    return isOutput(this.x) && isOutput(this.y) && this.x !== this.y;
  }

  /** Scenario numbers of the front to draw: the server's, or the one over the two outputs shown. */
  private frontScenarios(rows: NationalRows): Set<number> {
    if (this.mode !== 'assen') return new Set(this.pareto);
    const sc = rows.columns.scenario;
    const rowsOnFront = paretoFront2d(
      rows.columns[this.x],
      rows.columns[this.y],
      betterDirection(this.x),
      betterDirection(this.y),
    );
    return new Set([...rowsOnFront].map((i) => (sc ? sc[i] : i)));
  }

  /** "3 van 12 scenario’s hebben geen waarde voor Ruimtedruk: — (…)": missing points are said, not hidden. */
  private missingNote(rows: NationalRows) {
    const notes = [];
    for (const name of new Set([this.x, this.y])) {
      if (!isNullableOutput(name)) continue;
      const missing = rows.columns[name].reduce((count, v) => count + (Number.isNaN(v) ? 1 : 0), 0);
      if (missing > 0)
        notes.push(
          html`<div class="note" data-missing=${name}>${missing} van ${rows.length} scenario’s hebben geen waarde voor
            ${columnLabel(name)}: — (${nullReason(name)}); die zijn niet getekend.</div>`,
        );
    }
    return notes;
  }

  private paretoText() {
    if (this.mode === 'assen')
      return `Oranje: Pareto-front over de getoonde uitkomsten (${columnLabel(this.x)} ${ARROW[betterDirection(this.x)]}, ${columnLabel(this.y)} ${ARROW[betterDirection(this.y)]}; ↓ lager is beter, ↑ hoger is beter).`;
    return 'Oranje: Pareto-front (laagste netinvestering, meeste geleverde RES-stroom, minste ruimte).';
  }

  /** A new Y column; `y-change` tells the view (the tornado chart follows the scatter's output). */
  private pickY(name: string) {
    this.y = name;
    this.dispatchEvent(new CustomEvent('y-change', { detail: name, bubbles: true, composed: true }));
  }

  override render() {
    const rows = this.rows;
    if (!rows) return html``;
    const xChoices = [...this.axisNames, ...rows.names.filter((n) => n !== 'scenario' && !this.axisNames.includes(n))];
    return html`
      <div class="pick">
        <label for="x">X-as</label>
        <select id="x" @change=${(e: Event) => (this.x = (e.target as HTMLSelectElement).value)}>
          ${xChoices.map((n) => html`<option value=${n} ?selected=${n === this.x}>${columnLabel(n)}</option>`)}
        </select>
        <label for="y">Y-as</label>
        <select id="y" @change=${(e: Event) => this.pickY((e.target as HTMLSelectElement).value)}>
          ${xChoices.map((n) => html`<option value=${n} ?selected=${n === this.y}>${columnLabel(n)}</option>`)}
        </select>
        <label for="pareto-mode">Pareto-front</label>
        <select id="pareto-mode" @change=${(e: Event) => (this.mode = (e.target as HTMLSelectElement).value as ParetoMode)}>
          <option value="standaard" ?selected=${this.mode === 'standaard'}>Netinvestering, geleverde RES-stroom en ruimte</option>
          <option value="assen" ?selected=${this.mode === 'assen'} ?disabled=${!this.axesArePareto()}>De twee getoonde uitkomsten${
            this.axesArePareto() ? '' : ' (kies op beide assen een uitkomst)'
          }</option>
        </select>
      </div>
      <sh-uplot id="scatter" .options=${this.options} .data=${this.data} .height=${300}
        .pngTitle=${`Verkenning: ${columnLabel(this.y)} tegen ${columnLabel(this.x)}`}></sh-uplot>
      <div class="note" id="pareto-text">${this.paretoText()} Sleep om in te zoomen.</div>
      ${this.missingNote(rows)}
    `;
  }
}
customElements.define('sh-sweep-scatter', SweepScatter);

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  return a.size === b.size && [...a].every((v) => b.has(v));
}
