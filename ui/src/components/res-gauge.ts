/**
 * Half-circle gauge of national RES production against the 35 TWh target of the Klimaatakkoord,
 * with the Route 35 status (MODEL.md §4: triggered when the regions together stay below target).
 */
import { LitElement, html, css, svg } from 'lit';
import { num } from '../format.ts';

export class ResGauge extends LitElement {
  static properties = {
    value: { type: Number },
    target: { type: Number },
    triggered: { type: Boolean },
    gap: { type: Number },
  };
  declare value: number;
  declare target: number;
  declare triggered: boolean;
  declare gap: number;

  constructor() {
    super();
    this.value = 0;
    this.target = 35;
    this.triggered = false;
    this.gap = 0;
  }

  static styles = css`
    :host { display: block; text-align: center; }
    svg { width: 100%; max-width: 260px; height: auto; }
    .status { font-size: 0.85rem; padding: 0.2rem 0.5rem; border-radius: 4px; display: inline-block; }
    .ok { background: #e6f4ea; color: #1b5e20; border: 1px solid #81c784; }
    .warn { background: #fdecee; color: #8a0018; border: 1px solid #e57373; }
  `;

  override render() {
    // Scale to 2× target so that "far above" still shows, and the target sits at the top.
    const full = Math.max(this.target * 2, this.value * 1.05, 1);
    const angle = (v: number) => Math.PI * (1 - Math.min(v, full) / full);
    const pt = (a: number, r: number) => [100 + r * Math.cos(a), 100 - r * Math.sin(a)];
    const arc = (v0: number, v1: number, r: number) => {
      const [x0, y0] = pt(angle(v0), r),
        [x1, y1] = pt(angle(v1), r);
      return `M${x0},${y0} A${r},${r} 0 0 1 ${x1},${y1}`;
    };
    const [tx0, ty0] = pt(angle(this.target), 62),
      [tx1, ty1] = pt(angle(this.target), 96);
    const colour = this.triggered ? '#d32f2f' : '#2e7d32';
    return html`
      <svg viewBox="0 0 200 115" role="img" aria-label="RES-productie ${num(this.value, 1)} TWh van ${num(this.target, 0)} TWh doel">
        ${svg`<path d=${arc(0, full, 80)} stroke="#e3e8ef" stroke-width="22" fill="none" />
        <path d=${arc(0, Math.max(this.value, full * 0.002), 80)} stroke=${colour} stroke-width="22" fill="none" />
        <line x1=${tx0} y1=${ty0} x2=${tx1} y2=${ty1} stroke="#14325c" stroke-width="2.5" />
        <text x="100" y="88" text-anchor="middle" font-size="24" font-weight="700" fill="#1d2633">${num(this.value, 1)}</text>
        <text x="100" y="106" text-anchor="middle" font-size="11" fill="#4a5668">TWh/jaar · doel ${num(this.target, 0)} TWh</text>`}
      </svg>
      <div class="status ${this.triggered ? 'warn' : 'ok'}" role="status">
        ${
          this.triggered
            ? html`Route 35 in werking: ${num(this.gap, 1)} TWh tekort`
            : html`Doel ${num(this.target, 0)} TWh gehaald — Route 35 niet nodig`
        }
      </div>
    `;
  }
}
customElements.define('sh-res-gauge', ResGauge);
