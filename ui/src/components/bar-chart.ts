/**
 * Horizontal grouped bar chart in plain SVG (a few bars do not need a chart library). Handles
 * negative values with a zero line; each series has its own colour, or each bar (per-category
 * colours) when there is a single series. The drawing is laid out at the element's own width
 * (one SVG unit = one pixel), so its 12 px labels stay 12 px in a narrow card instead of being
 * scaled down with a fixed viewBox.
 */
import { LitElement, html, css, svg, unsafeCSS } from 'lit';
import { num, withUnit } from '../format.ts';
import { svgPng } from '../export-png.ts';
import { PNG_BUTTON_CSS, pngButton } from './export-png-button.ts';

export interface BarSeries {
  label: string;
  colour: string;
  values: number[];
}

export class BarChart extends LitElement {
  static properties = {
    categories: { attribute: false },
    series: { attribute: false },
    colours: { attribute: false },
    unit: {},
    digits: { type: Number },
    label: {},
    width: { state: true },
  };
  declare categories: string[];
  declare series: BarSeries[];
  /** Per-category colours, used when there is one series. */
  declare colours: string[];
  declare unit: string;
  declare digits: number;
  declare label: string;
  /** The element's width in CSS pixels (ResizeObserver); the layout width of the drawing. */
  declare width: number;
  private observer: ResizeObserver | null = null;

  constructor() {
    super();
    this.categories = [];
    this.series = [];
    this.colours = [];
    this.unit = '';
    this.digits = 0;
    this.label = '';
    this.width = 560;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer = new ResizeObserver(() => {
      const w = Math.round(this.clientWidth);
      if (w > 0 && Math.abs(w - this.width) > 1) this.width = w;
    });
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    this.observer?.disconnect();
    super.disconnectedCallback();
  }

  static styles = css`
    :host { display: block; position: relative; }
    ${unsafeCSS(PNG_BUTTON_CSS)}
    svg { display: block; font-family: inherit; }
    .legend { display: flex; gap: 0.75rem; flex-wrap: wrap; font-size: 0.78rem; margin-top: 0.25rem; }
    .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; }
  `;

  override render() {
    const W = Math.max(280, this.width),
      labelW = Math.round(Math.min(190, W * 0.34)),
      valueW = 64 + 7 * this.unit.length,
      barH = 18,
      gap = 10;
    const per = this.series.length;
    const groupH = per * barH + gap;
    const H = this.categories.length * groupH + 6;
    const all = this.series.flatMap((s) => s.values).filter(Number.isFinite);
    const lo = Math.min(0, ...all),
      hi = Math.max(0, ...all);
    const span = hi - lo || 1;
    // Room for value labels left of negative bars and right of positive ones, never over the category labels.
    const left = lo < 0 ? valueW : 24,
      right = hi > 0 ? valueW : 24;
    const plotW = W - labelW - left - right;
    const x = (v: number) => labelW + left + ((v - lo) / span) * plotW;
    return html`
      ${this.label ? pngButton(this.label, () => this.png()) : ''}
      <svg width=${W} height=${H} viewBox="0 0 ${W} ${H}" role="img" aria-label=${this.label}>
        ${this.categories.map((c, i) => {
          const y0 = i * groupH + 3;
          return svg`<text x=${labelW - 6} y=${y0 + (per * barH) / 2 + 4} text-anchor="end" font-size="12" fill="#1d2633">${c}</text>
            ${this.series.map((s, j) => {
              const v = s.values[i] ?? 0;
              const a = x(Math.min(0, v)),
                b = x(Math.max(0, v));
              const colour = per === 1 && this.colours[i] ? this.colours[i] : s.colour;
              return svg`<rect x=${a} y=${y0 + j * barH} width=${Math.max(0.5, b - a)} height=${barH - 2} fill=${colour} rx="1.5">
                  <title>${s.label}: ${c} ${num(v, this.digits)} ${this.unit}</title></rect>
                <text x=${v >= 0 ? b + 4 : a - 4} y=${y0 + j * barH + barH - 5} font-size="12" fill="#37474f"
                  text-anchor=${v >= 0 ? 'start' : 'end'}>${this.unit ? withUnit(v, this.unit, this.digits) : num(v, this.digits)}</text>`;
            })}`;
        })}
        <line x1=${x(0)} x2=${x(0)} y1="0" y2=${H} stroke="#37474f" stroke-width="1" />
      </svg>
      ${
        per > 1
          ? html`<div class="legend">${this.series.map((s) => html`<span><i style="background:${s.colour}"></i>${s.label}</span>`)}</div>`
          : ''
      }
    `;
  }

  /** The chart as a PNG: its label as title, the bars, and the series legend when there are several series. */
  png(): Promise<Blob> {
    const chart = this.renderRoot.querySelector('svg');
    if (!chart) return Promise.reject(new Error('no chart'));
    const legend = this.series.length > 1 ? this.series.map((s) => ({ label: s.label, colour: s.colour })) : [];
    return svgPng(chart, { title: this.label, legend });
  }
}
customElements.define('sh-bar-chart', BarChart);
