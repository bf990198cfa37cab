/**
 * An ⓘ button that opens a small box with what a lever or KPI means, its default and source, and a
 * link to its row on the "Aannames & bronnen" page. Closes on Escape or a second click.
 */
import { LitElement, html, css } from 'lit';
import { ROWS_BY_PATH } from '../assumptions.ts';

let serial = 0;

export class InfoPopover extends LitElement {
  static properties = { path: {}, open: { state: true } };
  /** Row path on the Aannames page (`national.waccGrid`, `defaults.evCount`, `output.gridCapexEUR`). */
  declare path: string;
  declare open: boolean;
  private readonly uid = `info-${++serial}`;

  constructor() {
    super();
    this.path = '';
    this.open = false;
  }

  static styles = css`
    :host { position: relative; display: inline-block; }
    /* A lettered circle, not the ⓘ glyph: not every font (Debian's default among them) has it. */
    button { border: 1px solid #1565c0; border-radius: 50%; background: #fff; color: #1565c0; cursor: pointer; font: italic 600 0.7rem/1 Georgia, serif;
      width: 1rem; height: 1rem; padding: 0; display: inline-flex; align-items: center; justify-content: center; vertical-align: middle; }
    button:focus-visible { outline: 2px solid #1565c0; outline-offset: 1px; }
    .box { position: absolute; z-index: 20; left: 0; top: 1.3rem; width: 18rem; background: #fff; color: #1d2633; border: 1px solid #b7c3d3;
      border-radius: 4px; box-shadow: 0 2px 8px rgba(20, 50, 92, 0.18); padding: 0.45rem 0.6rem; font-size: 0.78rem; font-weight: 400; line-height: 1.35; text-align: left; }
    .box p { margin: 0 0 0.3rem; }
    .dated { color: #8a4b00; }
    a { color: #1565c0; }
  `;

  override render() {
    const row = ROWS_BY_PATH.get(this.path);
    if (!row) return html``;
    return html`<button aria-label="Uitleg: ${row.q.label}" aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${this.uid}
        @click=${() => (this.open = !this.open)} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && ((this.open = false))}>i</button>
      ${
        this.open
          ? html`<div class="box" id=${this.uid} role="note">
          <p><strong>${row.q.label}</strong>: ${row.q.help}</p>
          ${row.defaultText ? html`<p>Standaard: ${row.defaultText}. Bron: ${row.source}.</p>` : ''}
          ${row.dated ? html`<p class="dated">${row.dated}</p>` : ''}
          <a href="#/aannames/${this.path}" @click=${() => (this.open = false)}>Naar Aannames & bronnen</a>
        </div>`
          : ''
      }`;
  }
}
customElements.define('sh-info', InfoPopover);
