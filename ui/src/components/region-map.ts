/**
 * SVG map of the RES regions coloured by one KPI, with a legend. Emits `region-select` with the
 * region id on click or Enter/Space (each region is a focusable button for keyboard users). The
 * region under the pointer or with keyboard focus gets a label on the map: its name and value.
 */
import { LitElement, html, css, svg, unsafeCSS } from 'lit';
import type { GeoJSON } from '../api.ts';
import { projectMap, rampColour, rampColours } from '../geo.ts';
import { num } from '../format.ts';
import { svgPng } from '../export-png.ts';
import { PNG_BUTTON_CSS, pngButton } from './export-png-button.ts';

/** The region borders of the map's stylesheet, for its PNG (the selected region is not marked there). */
const MAP_PNG_CSS = 'path { stroke: #fff; stroke-width: 0.8; } .region-label { display: none; }';

export class RegionMap extends LitElement {
  static properties = {
    geo: { attribute: false },
    values: { attribute: false },
    names: { attribute: false },
    label: {},
    unit: {},
    digits: { type: Number },
    ramp: {},
    selected: {},
    hovered: { state: true },
  };
  declare geo: GeoJSON | null;
  declare values: Map<string, number>;
  declare names: Map<string, string>;
  declare label: string;
  declare unit: string;
  declare digits: number;
  declare ramp: 'bad' | 'good';
  declare selected: string;
  /** The region under the pointer or with focus ('' for none): it gets a label on the map. */
  declare hovered: string;

  constructor() {
    super();
    this.geo = null;
    this.values = new Map();
    this.names = new Map();
    this.label = '';
    this.unit = '';
    this.digits = 0;
    this.ramp = 'bad';
    this.selected = '';
    this.hovered = '';
  }

  static styles = css`
    :host { display: block; }
    ${unsafeCSS(PNG_BUTTON_CSS)}
    .legend .png { position: static; margin-left: auto; }
    svg { width: 100%; height: auto; max-height: calc(100vh - 210px); display: block; }
    path { stroke: #fff; stroke-width: 0.8; cursor: pointer; }
    path:hover { stroke: #14325c; stroke-width: 1.5; }
    path:focus { outline: none; stroke: #1565c0; stroke-width: 2.5; }
    path.selected { stroke: #14325c; stroke-width: 2.5; }
    .legend { display: flex; align-items: center; gap: 0.5rem; font-size: 0.8rem; margin-top: 0.25rem; flex-wrap: wrap; }
    .bar { display: flex; }
    .bar span { width: 28px; height: 12px; display: inline-block; }
    .ticks { display: flex; justify-content: space-between; width: 196px; font-size: 0.75rem; color: #4a5668; }
    .empty { color: #5b6779; padding: 2rem; }
    .region-label { pointer-events: none; }
    .region-label rect { fill: #fff; stroke: #14325c; stroke-width: 0.8; opacity: 0.95; }
    .region-label text { font-size: 13px; fill: #14325c; }
  `;

  private select(id: string) {
    this.dispatchEvent(new CustomEvent('region-select', { detail: id, bubbles: true, composed: true }));
  }

  /** The label of the hovered or focused region at its centre, kept inside the map. */
  private renderLabel(regions: ReturnType<typeof projectMap>['regions'], width: number, fmt: (v: number) => string) {
    const r = regions.find((x) => x.id === this.hovered);
    if (!r) return '';
    const v = this.values.get(r.id);
    const name = this.names.get(r.id) ?? r.name;
    const value = v === undefined ? '–' : `${fmt(v)}\u00a0${this.unit}`;
    // About 7 px per character at 13 px; wide enough for the longer of the two lines.
    const w = Math.max(name.length, value.length) * 7.2 + 12;
    const x = Math.min(Math.max(r.cx - w / 2, 2), width - w - 2);
    const y = Math.max(r.cy - 40, 2);
    return svg`<g class="region-label" data-label=${r.id} aria-hidden="true">
      <rect x=${x} y=${y} width=${w} height="36" rx="3"></rect>
      <text x=${x + 6} y=${y + 15} font-weight="600">${name}</text>
      <text x=${x + 6} y=${y + 30}>${value}</text>
    </g>`;
  }

  override render() {
    if (!this.geo) return html`<div class="empty">Kaart wordt geladen…</div>`;
    const map = projectMap(this.geo);
    const vals = [...this.values.values()].filter(Number.isFinite);
    const lo = Math.min(0, ...vals),
      hi = Math.max(...vals, lo + 1e-9);
    const t = (v: number) => (v - lo) / (hi - lo || 1);
    const fmt = (v: number) => num(v, this.digits);
    return html`
      <svg viewBox="0 0 ${map.width.toFixed(0)} ${map.height.toFixed(0)}" role="group" aria-label="Kaart van de RES-regio’s: ${this.label}">
        ${map.regions.map((r) => {
          const v = this.values.get(r.id);
          const fill = v === undefined ? '#ccc' : rampColour(t(v), this.ramp);
          const name = this.names.get(r.id) ?? r.name;
          const text = `${name}: ${v === undefined ? '–' : fmt(v)} ${this.unit}`;
          return svg`<path d=${r.d} fill=${fill} class=${r.id === this.selected ? 'selected' : ''} data-region=${r.id}
            tabindex="0" role="button" aria-label=${text}
            @click=${() => this.select(r.id)}
            @mouseenter=${() => (this.hovered = r.id)} @focus=${() => (this.hovered = r.id)}
            @mouseleave=${() => this.hovered === r.id && ((this.hovered = ''))}
            @blur=${() => this.hovered === r.id && ((this.hovered = ''))}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                this.select(r.id);
              }
            }}
          ><title>${text}</title></path>`;
        })}
        ${this.renderLabel(map.regions, map.width, fmt)}
      </svg>
      <div class="legend" aria-label="Legenda">
        <strong>${this.label} (${this.unit})</strong>
        ${pngButton(`Kaart: ${this.label} (${this.unit})`, () => this.png(lo, hi))}
        <div>
          <div class="bar">${rampColours(this.ramp).map((c) => html`<span style="background:${c}"></span>`)}</div>
          <div class="ticks"><span>${fmt(lo)}</span><span>${fmt((lo + hi) / 2)}</span><span>${fmt(hi)}</span></div>
        </div>
        <span style="display:inline-flex;align-items:center;gap:4px"><span style="width:14px;height:12px;background:#ccc;display:inline-block"></span>geen gegevens</span>
      </div>
    `;
  }

  /** The map as a PNG: the regions in their colours (white borders), titled, with the colour bins as legend. */
  png(lo: number, hi: number): Promise<Blob> {
    const map = this.renderRoot.querySelector('svg');
    if (!map) return Promise.reject(new Error('no map'));
    const colours = rampColours(this.ramp);
    const step = (hi - lo) / colours.length;
    const fmt = (v: number) => num(v, this.digits);
    const legend = colours.map((colour, i) => ({
      label: `${fmt(lo + i * step)} – ${fmt(lo + (i + 1) * step)}`,
      colour,
      fill: true,
    }));
    legend.push({ label: 'geen gegevens', colour: '#ccc', fill: true });
    return svgPng(map, { title: `${this.label} (${this.unit})`, legend }, MAP_PNG_CSS);
  }
}
customElements.define('sh-region-map', RegionMap);
