/**
 * The notice above the views after start-up: the scenario came from a shared link or is the
 * working scenario kept from the last visit — with the way back to the base — or a link could
 * not be opened.
 */
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import { BASE_SCENARIOS } from '../base-scenarios.ts';

export class ShareNotice extends StoreElement {
  static properties = { dismissed: { state: true } };
  declare dismissed: boolean;

  constructor() {
    super();
    this.dismissed = false;
  }

  static styles = [
    shared,
    css`
      .bar { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; background: #e8f1fb; border-bottom: 1px solid #b7cde8;
        font-size: 0.85rem; padding: 0.3rem 1rem; color: #14325c; }
      .bar button { font-size: 0.8rem; padding: 0.1rem 0.5rem; }
      .errorbox { margin: 0.5rem 1rem 0; }
    `,
  ];

  /** The bundled base scenario, as "Terug naar basis" starts it; the kept working scenario follows it. */
  private backToBase() {
    store.setScenario(BASE_SCENARIOS[0].scenario(), { id: null, version: null });
    this.dismissed = true;
  }

  private text(): string {
    const name = `“${store.scenario.name}”`;
    switch (store.startedFrom) {
      case 'kept':
        return `Uw werkscenario van de vorige keer is hersteld: ${name}${store.changed ? ` (gewijzigd t.o.v. “${store.base.name}”)` : ''}.`;
      case 'link':
        return `Scenario ${name} geopend via een gedeelde link.`;
      case 'saved-link':
        return `Opgeslagen scenario ${name} geopend via een gedeelde link.`;
      default:
        return '';
    }
  }

  override render() {
    const text = this.dismissed ? '' : this.text();
    return html`${
      store.startProblem && !this.dismissed
        ? html`<div class="errorbox" role="alert" id="share-problem">${store.startProblem} De app opent zonder die link.</div>`
        : ''
    }${
      text
        ? html`<div class="bar" role="status" id="share-notice">
          <span>${text}</span>
          <button id="back-to-base" @click=${this.backToBase}>Terug naar de basis (${BASE_SCENARIOS[0].label})</button>
          <button aria-label="Melding sluiten" @click=${() => (this.dismissed = true)}>×</button>
        </div>`
        : ''
    }`;
  }
}
customElements.define('sh-share-notice', ShareNotice);
