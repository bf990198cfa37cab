/**
 * The result of a weather-year stress test: one row per weather year of the dataset with delivered
 * RES electricity against the target, peak offtake, regional and LV reinforcement and their cost,
 * the worst year marked, and the reinforcements per year as bars.
 */
import { LitElement, html, css } from 'lit';
import type { DatasetInfo } from '../api.ts';
import { num } from '../format.ts';
import type { NationalRows } from '../sweep-table.ts';
import { shared } from '../styles.ts';
import { STRESS_MEASURES, stressTable } from '../weather-stress.ts';
import './bar-chart.ts';

export class WeatherStress extends LitElement {
  static properties = {
    rows: { attribute: false },
    info: { attribute: false },
    target: { type: Number },
  };
  declare rows: NationalRows | null;
  declare info: DatasetInfo | undefined;
  /** The RES target (TWh/jaar) the delivered electricity is held against. */
  declare target: number;

  constructor() {
    super();
    this.rows = null;
    this.info = undefined;
    this.target = 35;
  }

  static styles = [
    shared,
    css`
      :host { display: block; }
      table { width: 100%; }
      td, th { text-align: right; }
      td:first-child, th:first-child { text-align: left; }
      tr.worst td { background: #fdecea; }
      td.worst-cell { font-weight: 700; color: #b71c1c; }
      .badge-worst { background: #b71c1c; color: #fff; border-radius: 3px; font-size: 0.72rem; padding: 0 0.3rem; margin-left: 0.3rem; }
      .unit { font-weight: 400; color: #5b6779; font-size: 0.75rem; display: block; }
      .gap { color: #5b6779; font-size: 0.8rem; }
      .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 0.75rem; margin-top: 0.75rem; }
      @media (max-width: 1000px) { .charts { grid-template-columns: 1fr; } }
    `,
  ];

  override render() {
    if (!this.rows) return '';
    const t = stressTable(this.rows, this.info);
    const worst = t.years[t.worst];
    const labels = t.years.map((y) => y.label);
    return html`
      <p class="lead" id="stress-summary">
        Hetzelfde scenario met dezelfde geïnstalleerde MW in ${num(t.years.length)} weerjaren.
        ${worst ? html`Zwaarste weerjaar (hoogste netinvestering): <strong>${worst.label}</strong>.` : ''}
        Vet en rood: het zwaarste jaar per kolom.
      </p>
      <table id="stress-table" aria-label="Stresstest weerjaren: resultaten per weerjaar">
        <thead><tr><th scope="col">Weerjaar</th>${STRESS_MEASURES.map(
          (m) => html`<th scope="col">${m.label}<span class="unit">${m.unit}</span></th>`,
        )}</tr></thead>
        <tbody>${t.years.map(
          (y, i) => html`<tr data-year=${y.year ?? 'referentie'} class=${i === t.worst ? 'worst' : ''}>
            <th scope="row">${y.label}${i === t.worst ? html`<span class="badge-worst">zwaarste jaar</span>` : ''}</th>
            ${STRESS_MEASURES.map((m) => {
              const v = y.values[m.key];
              const worstCell = t.worstPerMeasure[m.key] === i && t.years.length > 1;
              return html`<td data-measure=${m.key} data-value=${v} class=${worstCell ? 'worst-cell' : ''}>${num(v, m.digits)}${
                m.key === 'resDeliveredTWh'
                  ? html` <span class="gap" title="Verschil met het doel van ${num(this.target)} TWh/jaar">(${num(v - this.target, 1, true)} t.o.v. doel)</span>`
                  : ''
              }</td>`;
            })}
          </tr>`,
        )}</tbody>
      </table>
      <div class="charts">
        <div><h4 style="margin:0.25rem 0">Verzwaring per weerjaar (MW)</h4>
          <sh-bar-chart id="stress-mw" .categories=${labels} unit="MW" label="Netverzwaring regionaal en laagspanning per weerjaar in MW"
            .series=${[
              { label: 'Netverzwaring regionaal', colour: '#1565c0', values: t.years.map((y) => y.values.reinforceMW) },
              {
                label: 'Verzwaring laagspanningsnet',
                colour: '#c2185b',
                values: t.years.map((y) => y.values.lvReinforceMW),
              },
            ]}></sh-bar-chart></div>
        <div><h4 style="margin:0.25rem 0">RES-productie geleverd per weerjaar (TWh/jaar; doel ${num(this.target)})</h4>
          <sh-bar-chart id="stress-twh" .categories=${labels} unit="TWh/jaar" digits="1" label="Geleverde RES-productie per weerjaar in TWh per jaar"
            .series=${[{ label: 'RES-productie geleverd', colour: '#e0a100', values: t.years.map((y) => y.values.resDeliveredTWh) }]}></sh-bar-chart></div>
      </div>
    `;
  }
}
customElements.define('sh-weather-stress', WeatherStress);
