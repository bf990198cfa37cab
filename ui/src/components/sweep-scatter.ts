/**
 * Scatter of the national rows of a sweep: any output against any axis or output, with the
 * Pareto front (min grid investment, max delivered RES, min land) drawn on top in another colour.
 * uPlot wants ascending x, so points are sorted by x; lines are switched off (points only).
 * Choosing a Y column fires `y-change` with its name.
 */
import { LitElement, html, css, type PropertyValues } from 'lit';
import type uPlot from 'uplot';
import type { NationalRows } from '../sweep-table.ts';
import { shared } from '../styles.ts';
import { auto, compact } from '../format.ts';
import { columnLabel } from '../region-names.ts';
import { displayValueOf } from '../quantity-format.ts';
import './u-plot.ts';

export class SweepScatter extends LitElement {
  static properties = {
    rows: { attribute: false },
    pareto: { attribute: false },
    axisNames: { attribute: false },
    x: { state: true },
    y: { state: true },
  };
  declare rows: NationalRows | null;
  declare pareto: Set<number>;
  declare axisNames: string[];
  declare x: string;
  declare y: string;
  private options: Omit<uPlot.Options, 'width' | 'height'> | null = null;
  private data: uPlot.AlignedData | null = null;

  constructor() {
    super();
    this.rows = null;
    this.pareto = new Set();
    this.axisNames = [];
    this.x = '';
    this.y = 'gridCapexEUR';
  }

  static styles = [
    shared,
    css`
      .pick { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0.3rem 0.5rem; align-items: center; margin-bottom: 0.4rem; }
      select { width: 100%; }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>): void {
    const rows = this.rows;
    if (!rows) return;
    if (!this.x || !rows.columns[this.x]) this.x = this.axisNames[0] ?? 'resNominalTWh';
    if (!rows.columns[this.y]) this.y = rows.names.find((n) => n !== this.x && n !== 'scenario') ?? this.x;
    if (!(changed.has('rows') || changed.has('x') || changed.has('y') || changed.has('pareto'))) return;
    const xs = rows.columns[this.x],
      ys = rows.columns[this.y],
      sc = rows.columns.scenario;
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
      P.push(this.pareto.has(sc ? sc[i] : i) ? y : null);
    });
    this.data = [X, Y, P] as unknown as uPlot.AlignedData;
    const none = () => null;
    this.options = {
      mode: 1,
      scales: { x: { time: false } },
      cursor: { drag: { x: true, y: true } },
      legend: { show: true },
      series: [
        { label: columnLabel(this.x), value: (_u, v) => auto(v) },
        {
          label: 'Scenario',
          stroke: '#5c7cab',
          fill: '#5c7cab',
          paths: none,
          points: { show: true, size: 6, stroke: '#5c7cab', fill: 'rgba(92,124,171,0.45)' },
          value: (_u, v) => auto(v),
        },
        {
          label: 'Pareto-front',
          stroke: '#d84315',
          paths: none,
          points: { show: true, size: 9, stroke: '#d84315', fill: '#ff7043' },
          value: (_u, v) => auto(v),
        },
      ],
      axes: [
        { label: columnLabel(this.x), values: (_u, vals) => vals.map((v) => compact(v)) },
        { label: columnLabel(this.y), size: 70, values: (_u, vals) => vals.map((v) => compact(v)) },
      ],
    };
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
      </div>
      <sh-uplot id="scatter" .options=${this.options} .data=${this.data} .height=${300}></sh-uplot>
    `;
  }
}
customElements.define('sh-sweep-scatter', SweepScatter);
