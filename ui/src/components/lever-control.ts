/**
 * One lever: a labelled slider with a typed-in value (Dutch notation accepted), its unit, a
 * reset button and the API's error messages for this lever. Works in display units
 * (model value × lever.scale) and emits `lever-change` with the model value (null = reset).
 */
import { LitElement, html, css } from 'lit';
import type { Lever } from '../levers.ts';
import { num, parseNum } from '../format.ts';
import { shared } from '../styles.ts';
import { leverPath } from '../assumptions.ts';
import './info-popover.ts';

let serial = 0;

export class LeverControl extends LitElement {
  static properties = {
    lever: { attribute: false },
    value: { attribute: false },
    isSet: { type: Boolean },
    errors: { attribute: false },
    inherited: {},
  };
  declare lever: Lever;
  declare value: number | null;
  declare isSet: boolean;
  declare errors: string[];
  /** Text shown when the value comes from a lower layer (e.g. "landelijk" for a region). */
  declare inherited: string;
  private readonly uid = `lever-${++serial}`;

  constructor() {
    super();
    this.value = null;
    this.isSet = false;
    this.errors = [];
    this.inherited = '';
  }

  static styles = [
    shared,
    css`
      :host { display: block; padding: 0.3rem 0; }
      /* Label on its own line (full width, no cramped wrapping); slider, value and unit below it. */
      .top { display: flex; align-items: baseline; gap: 0.4rem; }
      .top label { flex: 1; font-size: 0.85rem; }
      .line { display: flex; align-items: center; gap: 0.4rem; }
      input[type='text'] { width: 6.2rem; text-align: right; padding: 0.1rem 0.3rem; }
      .unit { font-size: 0.78rem; color: #4a5668; min-width: 4.8rem; }
      input[type='range'] { flex: 1; min-width: 6rem; margin: 0; accent-color: #1565c0; }
      button.reset { padding: 0 0.35rem; font-size: 0.8rem; line-height: 1.3; }
      .set label { font-weight: 600; }
      .help { font-size: 0.75rem; color: #5b6779; }
      .error { margin-top: 0.1rem; }
      .invalid input { border-color: #b00020; }
    `,
  ];

  private emit(model: number | null) {
    this.dispatchEvent(
      new CustomEvent('lever-change', { detail: { lever: this.lever, value: model }, bubbles: true, composed: true }),
    );
  }

  private onRange(e: Event) {
    this.emit(Number((e.target as HTMLInputElement).value) / this.lever.scale);
  }

  private onText(e: Event) {
    const input = e.target as HTMLInputElement;
    const v = parseNum(input.value);
    // Let the server judge the value (it reports a bound next to this lever); only garbage is refused here.
    if (Number.isFinite(v)) this.emit(v / this.lever.scale);
    else input.value = this.display();
  }

  private display(): string {
    return this.value === null ? '' : num(this.value * this.lever.scale, this.lever.digits);
  }

  override render() {
    const l = this.lever;
    const shown = this.value === null ? l.min : this.value * l.scale;
    const max = Math.max(l.max, shown),
      min = Math.min(l.min, shown);
    const desc = [l.help, this.inherited && !this.isSet ? this.inherited : ''].filter(Boolean).join(' ');
    return html`<div class="${this.isSet ? 'set' : ''} ${this.errors.length ? 'invalid' : ''}">
      <div class="top">
        <label for=${this.uid}>${l.label}</label>
        <sh-info path=${leverPath(l)}></sh-info>
        <button class="reset" ?disabled=${!this.isSet} @click=${() => this.emit(null)} aria-label="${l.label}: terug naar basiswaarde"
          title="Terug naar basiswaarde">↺</button>
      </div>
      <div class="line">
        <input id=${this.uid} type="range" min=${min} max=${max} step=${l.step} .value=${String(shown)}
          aria-describedby="${this.uid}-help" aria-invalid=${this.errors.length ? 'true' : 'false'} @input=${this.onRange} />
        <input type="text" inputmode="decimal" .value=${this.display()} aria-label="${l.label} (${l.unit})"
          @change=${this.onText} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.onText(e)} />
        <span class="unit">${l.unit}</span>
      </div>
      <div id="${this.uid}-help" class="help">${desc}</div>
      ${this.errors.map((m) => html`<div class="error" role="alert">${m}</div>`)}
    </div>`;
  }
}
customElements.define('sh-lever', LeverControl);
