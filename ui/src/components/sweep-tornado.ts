/**
 * Tornado chart of a finished sweep (`GET /api/sweeps/:id/sensitivity`): per axis a horizontal bar
 * from the mean output at the axis' lowest values to the mean at its highest values, biggest effect
 * on top. The output follows the scatter's Y-axis (property `output`) and has its own selector, as
 * does the area (Nederland or one region). Plain SVG: a handful of bars needs no chart library.
 */
import { LitElement, html, css, svg, unsafeCSS, type PropertyValues } from 'lit';
import { getSensitivity, type AxisSensitivity } from '../api.ts';
import { shared } from '../styles.ts';
import { compact } from '../format.ts';
import { OUTPUT_LABELS } from '../../../engine/labels/index.ts';
import { pathLabel } from '../region-names.ts';
import { dutchError } from '../messages.ts';
import { displayUnitOf, displayValueOf, formatQuantity } from '../quantity-format.ts';
import { OUTPUTS, isNullableOutput, type OutputName } from '../../../engine/model/outputs.ts';
import { nullReason } from '../finance.ts';
import { WEATHER_YEAR_PATH } from '../weather-stress.ts';
import { svgPng } from '../export-png.ts';
import { PNG_BUTTON_CSS, pngButton } from './export-png-button.ts';

const UP = '#d84315';
const DOWN = '#1565c0';

/** Outputs a tornado can show on national rows (`NL`) or on a region's rows; Route 35 (ja/nee) is left out. */
export function tornadoOutputs(region: string): OutputName[] {
  const scopes = region === 'NL' ? ['both', 'national'] : ['both', 'region'];
  return OUTPUTS.filter((o) => scopes.includes(o.scope) && o.name !== 'route35Triggered').map((o) => o.name);
}

const axisFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3 });

/** An axis value in the display unit the builder takes it in: "20 %", "614 €/kW", "1987". */
export function axisValue(path: string, v: number): string {
  if (path === WEATHER_YEAR_PATH) return String(v);
  const shown = displayValueOf(path, v);
  const unit = displayUnitOf(path);
  const text = Math.abs(shown) >= 1e6 ? compact(shown) : axisFormat.format(shown);
  return unit ? `${text}\u00a0${unit}` : text;
}

export class SweepTornado extends LitElement {
  static properties = {
    sweepId: { attribute: false },
    output: { attribute: false },
    regions: { attribute: false },
    chosen: { state: true },
    region: { state: true },
    bars: { state: true },
    message: { state: true },
    loading: { state: true },
  };
  declare sweepId: string;
  /** The output picked elsewhere (the scatter's Y-axis); adopted when it is an output this area has. */
  declare output: string;
  declare regions: ReadonlyArray<{ id: string; name: string }>;
  declare chosen: OutputName;
  declare region: string;
  declare bars: AxisSensitivity[] | null;
  declare message: string;
  declare loading: boolean;
  private abort: AbortController | null = null;

  constructor() {
    super();
    this.sweepId = '';
    this.output = 'gridCapexEUR';
    this.regions = [];
    this.chosen = 'gridCapexEUR';
    this.region = 'NL';
    this.bars = null;
    this.message = '';
    this.loading = false;
  }

  static styles = [
    shared,
    css`
      .pick { display: grid; grid-template-columns: auto minmax(0, 1fr) auto minmax(0, 12rem); gap: 0.3rem 0.5rem; align-items: center; margin-bottom: 0.4rem; }
      select { width: 100%; }
      /* Capped, so that in one column (narrow windows) the labels do not grow past the text around them. */
      svg { width: 100%; max-width: 42rem; height: auto; display: block; font-family: inherit; }
      .legend { display: flex; gap: 0.9rem; flex-wrap: wrap; font-size: 0.78rem; color: #4a5668; margin-top: 0.3rem; }
      .legend i { display: inline-block; width: 12px; height: 8px; margin-right: 4px; border-radius: 2px; vertical-align: middle; }
      .explain { margin: 0 0 0.4rem; }
      ${unsafeCSS(PNG_BUTTON_CSS)}
      .legend .png { position: static; margin-left: auto; }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>): void {
    const outputs = tornadoOutputs(this.region);
    if (changed.has('output') && outputs.includes(this.output as OutputName)) this.chosen = this.output as OutputName;
    if (!outputs.includes(this.chosen)) this.chosen = outputs.includes('gridCapexEUR') ? 'gridCapexEUR' : outputs[0];
    if (changed.has('sweepId') || changed.has('chosen') || changed.has('region')) void this.load();
  }

  override disconnectedCallback(): void {
    this.abort?.abort();
    super.disconnectedCallback();
  }

  private async load() {
    this.abort?.abort();
    if (!this.sweepId) return;
    const abort = (this.abort = new AbortController());
    this.loading = true;
    this.message = '';
    try {
      const { axes, axesWithoutBar } = await getSensitivity(this.sweepId, this.chosen, this.region, abort.signal);
      if (abort.signal.aborted) return;
      // An axis whose rows with an output leave one axis value (e.g. the EB revenue 0 gives no EB
      // share) has nothing to compare: the API gives it no bar, and the note says why.
      const nullable = isNullableOutput(this.chosen);
      const oneSided = axesWithoutBar.filter((a) => a.reason === 'oneAxisValue');
      this.bars = axes;
      const reason = nullReason(this.chosen, this.region);
      if (axes.length === 0)
        this.message = nullable
          ? `Geen waarden voor deze uitkomst in dit gebied: — (${reason}).`
          : 'Geen waarden voor deze uitkomst in dit gebied.';
      else if (oneSided.length)
        this.message = nullable
          ? `Geen balk voor ${oneSided.map((b) => pathLabel(b.path)).join(', ')}: alleen bij één waarde van de as heeft de uitkomst een waarde, bij de andere — (${reason}).`
          : `Geen balk voor ${oneSided.map((b) => pathLabel(b.path)).join(', ')}: de as heeft maar één waarde.`;
    } catch (err) {
      if (abort.signal.aborted) return;
      this.bars = null;
      this.message = `Gevoeligheid laden mislukt: ${dutchError(err)}`;
    } finally {
      if (!abort.signal.aborted) this.loading = false;
    }
  }

  private areaName(): string {
    return this.region === 'NL' ? 'Nederland' : (this.regions.find((r) => r.id === this.region)?.name ?? this.region);
  }

  private chart(bars: AxisSensitivity[], unit: string) {
    const W = 560,
      pad = 70 + 5 * unit.length,
      rowH = 40,
      top = 4;
    const H = top + bars.length * rowH + 4;
    const ends = bars.flatMap((b) => [b.outputAtLow, b.outputAtHigh]);
    let lo = Math.min(...ends),
      hi = Math.max(...ends);
    if (hi - lo < 1e-9 * Math.max(1, Math.abs(hi))) {
      lo -= Math.max(1, Math.abs(lo) * 0.01);
      hi += Math.max(1, Math.abs(hi) * 0.01);
    }
    const x = (v: number) => pad + ((v - lo) / (hi - lo)) * (W - 2 * pad);
    const label = `Tornadodiagram: effect van ${bars.length} assen op ${OUTPUT_LABELS[this.chosen].label} in ${this.areaName()}`;
    return svg`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${label}>
      ${bars.map((b, i) => {
        const y = top + i * rowH;
        const a = x(Math.min(b.outputAtLow, b.outputAtHigh)),
          c = x(Math.max(b.outputAtLow, b.outputAtHigh));
        const colour = b.swing > 0 ? UP : b.swing < 0 ? DOWN : '#8a97ab';
        const xLow = x(b.outputAtLow),
          xHigh = x(b.outputAtHigh);
        const lowLeft = b.outputAtLow <= b.outputAtHigh;
        const detail = `${pathLabel(b.path)}: bij ${axisValue(b.path, b.lowValue)} gemiddeld ${formatQuantity(this.chosen, b.outputAtLow)}, bij ${axisValue(b.path, b.highValue)} ${formatQuantity(this.chosen, b.outputAtHigh)}`;
        return svg`<g data-bar=${b.path}>
          <text x="0" y=${y + 11} font-size="11" fill="#1d2633">${pathLabel(b.path)}
            <tspan fill="#5b6779"> (${axisValue(b.path, b.lowValue)} → ${axisValue(b.path, b.highValue)})</tspan></text>
          <rect class="bar" x=${a} y=${y + 17} width=${Math.max(2, c - a)} height="14" rx="2" fill=${colour} fill-opacity="0.8"><title>${detail}</title></rect>
          <circle cx=${xLow} cy=${y + 24} r="4" fill="#fff" stroke="#1d2633" stroke-width="1.2" />
          <circle cx=${xHigh} cy=${y + 24} r="4" fill="#1d2633" />
          ${
            b.swing === 0
              ? svg`<text x=${c + 8} y=${y + 28} font-size="10" fill="#37474f">${formatQuantity(this.chosen, b.outputAtLow)} (geen effect)</text>`
              : svg`<text x=${(lowLeft ? xLow : xHigh) - 8} y=${y + 28} font-size="10" fill="#37474f" text-anchor="end">${formatQuantity(this.chosen, lowLeft ? b.outputAtLow : b.outputAtHigh)}</text>
                <text x=${(lowLeft ? xHigh : xLow) + 8} y=${y + 28} font-size="10" fill="#37474f">${formatQuantity(this.chosen, lowLeft ? b.outputAtHigh : b.outputAtLow)}</text>`
          }
        </g>`;
      })}
    </svg>`;
  }

  override render() {
    const { label, display } = OUTPUT_LABELS[this.chosen];
    const unit = display.unit;
    const regions = [...this.regions].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    return html`
      <div class="pick">
        <label for="tornado-output">Uitkomst</label>
        <select id="tornado-output" @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value as OutputName)}>
          ${tornadoOutputs(this.region).map((n) => html`<option value=${n} ?selected=${n === this.chosen}>${OUTPUT_LABELS[n].label} (${OUTPUT_LABELS[n].display.unit})</option>`)}
        </select>
        <label for="tornado-region">Gebied</label>
        <select id="tornado-region" @change=${(e: Event) => (this.region = (e.target as HTMLSelectElement).value)}>
          <option value="NL" ?selected=${this.region === 'NL'}>Nederland</option>
          ${regions.map((r) => html`<option value=${r.id} ?selected=${r.id === this.region}>${r.name}</option>`)}
        </select>
      </div>
      <p class="muted explain" id="tornado-explain">Effect van elke as op ${label} (${unit}) in ${this.areaName()}: gemiddelde bij laagste vs hoogste waarde.${
        isNullableOutput(this.chosen) ? ' Scenario’s zonder waarde (—) tellen niet mee.' : ''
      }</p>
      ${this.message ? html`<div class="muted" role="status">${this.message}</div>` : ''}
      ${
        this.bars?.length
          ? html`<div aria-busy=${this.loading ? 'true' : 'false'} style=${this.loading ? 'opacity:0.5' : ''}>${this.chart(this.bars, unit)}</div>
            <div class="legend">
              <span>○ laagste waarde van de as</span><span>● hoogste waarde</span>
              <span><i style="background:${UP}"></i>uitkomst stijgt</span><span><i style="background:${DOWN}"></i>uitkomst daalt</span>
              ${pngButton(`Tornado: ${label} (${unit}) in ${this.areaName()}`, () => this.png(label, unit))}
            </div>`
          : ''
      }
    `;
  }

  /** The chart as a PNG, titled with the output and area, the bar colours and axis-value dots as legend. */
  png(label: string, unit: string): Promise<Blob> {
    const chart = this.renderRoot.querySelector('svg');
    if (!chart) return Promise.reject(new Error('no chart'));
    const legend = [
      { label: 'uitkomst stijgt', colour: UP, fill: true },
      { label: 'uitkomst daalt', colour: DOWN, fill: true },
    ];
    const title = `Effect van elke as op ${label} (${unit}) in ${this.areaName()}`;
    return svgPng(chart, { title, subtitle: '○ laagste waarde van de as, ● hoogste waarde', legend });
  }
}
customElements.define('sh-sweep-tornado', SweepTornado);
