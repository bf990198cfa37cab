/**
 * A uPlot chart inside a lit component. uPlot's stylesheet is imported as a string and adopted
 * into the shadow root (a normal CSS import would land in document.head and not reach it).
 * Width follows the element (ResizeObserver); height is a property.
 */
import { LitElement, html, css, unsafeCSS, type PropertyValues } from 'lit';
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import { canvasPng, type LegendEntry } from '../export-png.ts';
import { PNG_BUTTON_CSS, pngButton } from './export-png-button.ts';

/** The legend of a plot's series for its PNG (the x series left out). */
function legendOf(u: uPlot): LegendEntry[] {
  return u.series.slice(1).flatMap((s, i) => {
    const colour = typeof s.stroke === 'function' ? s.stroke(u, i + 1) : s.stroke;
    return s.show === false || !s.label
      ? []
      : [{ label: String(s.label), colour: String(colour ?? '#37474f'), dashed: !!s.dash?.length }];
  });
}

export class UPlotChart extends LitElement {
  static properties = {
    options: { attribute: false },
    data: { attribute: false },
    height: { type: Number },
    pngTitle: {},
    pngSubtitle: {},
  };
  /** uPlot options without width and height (set from the element's size). */
  declare options: Omit<uPlot.Options, 'width' | 'height'> | null;
  declare data: uPlot.AlignedData | null;
  declare height: number;
  /** With a title the chart offers a PNG download of itself, headed by this title (and subtitle). */
  declare pngTitle: string;
  declare pngSubtitle: string;
  plot: uPlot | null = null;
  private observer: ResizeObserver | null = null;

  constructor() {
    super();
    this.options = null;
    this.data = null;
    this.height = 300;
    this.pngTitle = '';
    this.pngSubtitle = '';
  }

  static styles = [
    unsafeCSS(uplotCss),
    css`
      :host { display: block; min-width: 0; position: relative; }
      #plot { width: 100%; }
      .u-legend { font-size: 0.8rem; }
      ${unsafeCSS(PNG_BUTTON_CSS)}
    `,
  ];

  override render() {
    return html`${this.pngTitle ? pngButton(this.pngTitle, () => this.png()) : ''}<div id="plot"></div>`;
  }

  /** The chart as a PNG: the plot's canvas (axes and series) with the title above and the legend below. */
  png(): Promise<Blob> {
    const u = this.plot;
    if (!u) return Promise.reject(new Error('no plot'));
    const frame = { title: this.pngTitle, subtitle: this.pngSubtitle || undefined, legend: legendOf(u) };
    return canvasPng(u.ctx.canvas, frame, uPlot.pxRatio);
  }

  private get container(): HTMLElement {
    return this.renderRoot.querySelector('#plot') as HTMLElement;
  }

  override firstUpdated(): void {
    this.observer = new ResizeObserver(() => {
      const w = this.container.clientWidth;
      if (this.plot && w > 0 && Math.abs(this.plot.width - w) > 1) this.plot.setSize({ width: w, height: this.height });
    });
    this.observer.observe(this);
  }

  override updated(changed: PropertyValues<this>): void {
    if (!this.options || !this.data) return;
    if (!this.plot || changed.has('options') || changed.has('height')) {
      this.plot?.destroy();
      const width = this.container.clientWidth || 800;
      this.plot = new uPlot({ ...this.options, width, height: this.height }, this.data, this.container);
      this.dispatchEvent(new CustomEvent('plot-ready', { detail: this.plot }));
    } else if (changed.has('data')) {
      // Keep the current zoom when only the numbers change (a lever moved).
      const { min, max } = this.plot.scales.x;
      this.plot.setData(this.data);
      if (min !== undefined && max !== undefined) this.plot.setScale('x', { min, max });
    }
  }

  override disconnectedCallback(): void {
    this.observer?.disconnect();
    this.plot?.destroy();
    this.plot = null;
    super.disconnectedCallback();
  }
}
customElements.define('sh-uplot', UPlotChart);
