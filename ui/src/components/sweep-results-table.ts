/**
 * The Verkennen results table: one row per scenario with its national figures. It fits the window
 * at 1280 px: a default set of outputs (the ones a netbeheerder asks first), every other output of
 * the sweep behind "Kolommen kiezen", heads that wrap (the axis' area and the unit on a line below)
 * and numbers with fewer decimals as they grow. Choosing columns fires `columns-change` with the
 * output names, so the view can keep the choice across sweeps.
 */
import { LitElement, html, css } from 'lit';
import { shared } from '../styles.ts';
import type { DatasetInfo } from '../api.ts';
import type { NationalRows } from '../sweep-table.ts';
import type { Column } from './sort-table.ts';
import { OUTPUT_LABELS } from '../../../engine/labels/index.ts';
import { OUTPUT_NAMES, isNullableOutput, type OutputName } from '../../../engine/model/outputs.ts';
import { nullReason } from '../finance.ts';
import { pathLabel } from '../region-names.ts';
import { compactQuantity, displayUnitOf } from '../quantity-format.ts';
import { WEATHER_YEAR_PATH } from '../weather-stress.ts';
import { weatherYearLabel } from '../weather-year.ts';
import './sort-table.ts';

/** The outputs shown until the user chooses: delivered RES, both reinforcements, investment, tariff, land. */
export const DEFAULT_TABLE_OUTPUTS: readonly OutputName[] = [
  'resDeliveredTWh',
  'reinforceFeedinMW',
  'reinforceOfftakeMW',
  'gridCapexEUR',
  'tariffEURPerConnection',
  'fieldSolarHa',
];

/** The outputs a sweep's national rows have, in the engine's order (the picker's choices). */
export function tableOutputChoices(rows: NationalRows): OutputName[] {
  return (OUTPUT_NAMES as readonly OutputName[]).filter((o) => rows.columns[o]);
}

/** The head of an axis column: the parameter, with its area and unit on the line below. */
export function axisColumnHead(path: string): { label: string; unit: string } {
  const full = pathLabel(path);
  const cut = full.lastIndexOf(' — ');
  const label = cut > 0 ? full.slice(0, cut) : full;
  const where = cut > 0 ? full.slice(cut + 3) : '';
  return { label, unit: [displayUnitOf(path), where].filter(Boolean).join(' · ') };
}

const missing = (v: unknown) => v === null || v === undefined || Number.isNaN(v);

export class SweepResultsTable extends LitElement {
  static properties = {
    rows: { attribute: false },
    axes: { attribute: false },
    pareto: { attribute: false },
    info: { attribute: false },
    outputs: { attribute: false },
  };
  declare rows: NationalRows | null;
  /** Axis paths of the sweep, shown after the scenario number. */
  declare axes: string[];
  /** Scenario numbers on the Pareto front drawn in the scatter. */
  declare pareto: ReadonlySet<number>;
  declare info: DatasetInfo | undefined;
  /** The outputs chosen for the table. */
  declare outputs: readonly string[];

  constructor() {
    super();
    this.rows = null;
    this.axes = [];
    this.pareto = new Set();
    this.info = undefined;
    this.outputs = DEFAULT_TABLE_OUTPUTS;
  }

  static styles = [
    shared,
    css`
      :host { display: block; margin-top: 0.75rem; }
      sh-sort-table { display: block; --table-max-height: 420px; --table-head-white-space: normal; --table-cell-padding: 0.3rem 0.35rem; }
      details { margin-bottom: 0.4rem; }
      summary { cursor: pointer; color: #0d47a1; width: max-content; }
      .choices { columns: 16rem auto; column-gap: 1.2rem; margin: 0.4rem 0; padding: 0.5rem 0.6rem; border: 1px solid #d8dee8; border-radius: 4px; background: #fff; }
      .choices label { display: flex; gap: 0.35rem; align-items: baseline; break-inside: avoid; font-size: 0.85rem; padding: 0.1rem 0; }
      .choices .unit { color: #5b6779; font-size: 0.75rem; }
    `,
  ];

  /** The chosen outputs this sweep has, in the engine's order. */
  private shownOutputs(rows: NationalRows): OutputName[] {
    return tableOutputChoices(rows).filter((o) => this.outputs.includes(o));
  }

  private choose(outputs: readonly string[]) {
    this.dispatchEvent(new CustomEvent('columns-change', { detail: [...outputs], bubbles: true, composed: true }));
  }

  private toggle(name: string, on: boolean) {
    this.choose(on ? [...this.outputs, name] : this.outputs.filter((o) => o !== name));
  }

  private columns(outputs: readonly OutputName[]): Column[] {
    return [
      { key: 'scenario', label: 'Scenario', format: (v) => String(v) },
      { key: 'pareto', label: 'Pareto' },
      ...this.axes.map((a) => ({
        key: a,
        ...axisColumnHead(a),
        format: (v: unknown) =>
          a === WEATHER_YEAR_PATH
            ? weatherYearLabel(missing(v) ? null : (v as number), this.info)
            : compactQuantity(a, v as number),
      })),
      ...outputs.map((o) => ({
        key: o,
        label: OUTPUT_LABELS[o].label,
        unit: OUTPUT_LABELS[o].display.unit,
        // A nullable output without a value is "—"; the caption says why.
        format: (v: unknown) =>
          missing(v) ? '—' : o === 'route35Triggered' ? (v ? 'ja' : 'nee') : compactQuantity(o, v as number),
      })),
    ];
  }

  private tableRows(rows: NationalRows, outputs: readonly OutputName[]) {
    const sc = rows.columns.scenario;
    const out: Array<Record<string, unknown>> = [];
    for (let i = 0; i < rows.length; i++) {
      const r: Record<string, unknown> = {
        id: String(sc?.[i] ?? i),
        pareto: this.pareto.has(sc?.[i] ?? i) ? 'ja' : '',
      };
      for (const n of ['scenario', ...this.axes, ...outputs]) if (rows.columns[n]) r[n] = rows.columns[n][i];
      out.push(r);
    }
    return out;
  }

  private caption(outputs: readonly OutputName[]): string {
    const reasons = outputs.filter(isNullableOutput).map((o) => `${OUTPUT_LABELS[o].label}: ${nullReason(o)}`);
    return `Landelijke resultaten per scenario. Pareto: op de front in de spreidingsgrafiek.${
      reasons.length ? ` — = geen waarde: ${reasons.join('; ')}.` : ''
    } Alle uitkomsten staan in de download (CSV of Arrow).`;
  }

  override render() {
    const rows = this.rows;
    if (!rows) return html``;
    const choices = tableOutputChoices(rows);
    const outputs = this.shownOutputs(rows);
    return html`
      <details id="column-picker">
        <summary>Kolommen kiezen (${outputs.length} van ${choices.length} uitkomsten)</summary>
        <div class="choices" role="group" aria-label="Uitkomsten in de tabel">
          ${choices.map(
            (
              o,
            ) => html`<label title=${OUTPUT_LABELS[o].help}><input type="checkbox" data-output=${o} .checked=${outputs.includes(o)}
              @change=${(e: Event) => this.toggle(o, (e.target as HTMLInputElement).checked)} />
              <span>${OUTPUT_LABELS[o].label} <span class="unit">${OUTPUT_LABELS[o].display.unit}</span></span></label>`,
          )}
        </div>
        <button id="columns-default" @click=${() => this.choose(DEFAULT_TABLE_OUTPUTS)}>Standaardkolommen</button>
      </details>
      <sh-sort-table id="results-table" .columns=${this.columns(outputs)} .rows=${this.tableRows(rows, outputs)} .limit=${500}
        caption=${this.caption(outputs)}></sh-sort-table>
    `;
  }
}
customElements.define('sh-sweep-results-table', SweepResultsTable);
