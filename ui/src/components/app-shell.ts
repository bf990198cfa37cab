/**
 * The application frame: title bar with the weather year (and dataset, if there are several) and status, the top navigation and the
 * active view. Routing is by URL hash (#/kaart …) so that every view has a link, the browser's
 * back button works and the screenshot script can open a view directly.
 */
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import { num } from '../format.ts';
import { accountsBlock, roleLabel } from '../permissions.ts';
import { session } from '../session.ts';
import { scenarioWeatherYear, weatherYearOptions } from '../weather-year.ts';
import './sign-in.ts';
import './map-view.ts';
import './scenario-view.ts';
import './hourly-view.ts';
import './tables-view.ts';
import './ruimte-view.ts';
import type { SweepView } from './sweep-view.ts';
import './sweep-view.ts';
import './compare-view.ts';
import './intekenboek-view.ts';
import './accounts-view.ts';
import './assumptions-view.ts';
import './share-notice.ts';

export const VIEWS = [
  { id: 'kaart', label: 'Kaart & regio’s' },
  { id: 'scenario', label: 'Scenario' },
  { id: 'uurprofiel', label: 'Uurprofiel' },
  { id: 'tafels', label: 'Tafels in samenhang' },
  { id: 'ruimte', label: 'Ruimte' },
  { id: 'verkennen', label: 'Verkennen' },
  { id: 'vergelijken', label: 'Vergelijken' },
  { id: 'intekenboek', label: 'Intekenboek' },
  { id: 'aannames', label: 'Aannames & bronnen' },
] as const;
/** Shown in the navigation to beheerders only (shared servers). */
const ACCOUNTS_VIEW = { id: 'gebruikers', label: 'Gebruikers' } as const;
type ViewId = (typeof VIEWS)[number]['id'] | typeof ACCOUNTS_VIEW.id;

function viewFromHash(): ViewId {
  const id = location.hash.replace(/^#\/?/, '').split('/')[0];
  if (id === ACCOUNTS_VIEW.id) return id;
  return (VIEWS.find((v) => v.id === id)?.id ?? 'kaart') as ViewId;
}

export class AppShell extends StoreElement {
  static properties = { view: { state: true } };
  declare view: ViewId;
  /** One sweep view for the whole session: it holds the last sweep, which must survive switching views. */
  private readonly sweepView = document.createElement('sh-sweep-view') as SweepView;

  constructor() {
    super();
    this.view = viewFromHash();
  }

  private readonly onHash = () => {
    this.view = viewFromHash();
    // A region in the hash (#/uurprofiel/ES07) selects it, so links can be shared.
    const parts = location.hash.replace(/^#\/?/, '').split('/');
    if (parts[0] === 'uurprofiel' && parts[1]) store.setRegion(parts[1]);
  };

  private readonly onSession = () => this.requestUpdate();

  /** "Stresstest" from the KPI panel: Verkennen runs the weather-year stress test of the current scenario. */
  private readonly onStressTest = () => {
    location.hash = '#/verkennen';
    void this.sweepView.stressTest();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHash);
    session.addEventListener('change', this.onSession);
    this.addEventListener('stress-test', this.onStressTest);
    this.onHash();
  }

  override disconnectedCallback(): void {
    removeEventListener('hashchange', this.onHash);
    session.removeEventListener('change', this.onSession);
    this.removeEventListener('stress-test', this.onStressTest);
    super.disconnectedCallback();
  }

  static styles = [
    shared,
    css`
      :host { display: flex; flex-direction: column; min-height: 100vh; }
      header { background: #14325c; color: #fff; padding: 0.4rem 1rem; display: flex; align-items: center; gap: 1rem; flex-wrap: wrap; }
      header h1 { font-size: 1.15rem; margin: 0; font-weight: 650; letter-spacing: 0.01em; }
      header .sub { font-size: 0.8rem; opacity: 0.85; }
      header .spacer { flex: 1; }
      header label { color: #dfe7f3; }
      header select { padding: 0.15rem 0.3rem; }
      .status { font-size: 0.8rem; min-width: 11rem; margin-left: auto; text-align: right; color: #dfe7f3; }
      nav { background: #1f4a85; display: flex; gap: 0; padding: 0 0.5rem; flex-wrap: wrap; }
      nav a { color: #e8eef7; text-decoration: none; padding: 0.55rem 0.9rem; font-size: 0.92rem; border-bottom: 3px solid transparent; }
      nav a:hover { background: #2a5a9c; }
      nav a[aria-current='page'] { border-bottom-color: #ffc940; color: #fff; font-weight: 600; }
      nav a:focus-visible { outline: 2px solid #ffc940; outline-offset: -2px; }
      main { flex: 1; padding: 0.75rem 1rem 1rem; }
      footer { font-size: 0.75rem; color: #4a5668; padding: 0.4rem 1rem; border-top: 1px solid #e0e5ec; background: #f7f9fc; }
      footer a { color: #1565c0; }
      .who { font-size: 0.8rem; color: #dfe7f3; display: flex; align-items: center; gap: 0.4rem; }
      .who button { font-size: 0.8rem; padding: 0.1rem 0.5rem; }
      .notice { background: #fff8e1; border-bottom: 1px solid #f0d68a; font-size: 0.8rem; padding: 0.25rem 1rem; color: #5c4300; }
    `,
  ];

  /** A notice in Dutch for each warning about the chosen dataset (profiles that are not a full year). */
  private renderDatasetWarnings() {
    const warnings = store.datasets.find((d) => d.id === store.dataset)?.warnings ?? [];
    return warnings.map((w) =>
      w.code === 'profilesNotAFullYear'
        ? html`<div class="errorbox" role="status" style="margin:0.5rem 1rem 0">
            Let op: de uurprofielen van deze dataset beslaan ${num(w.hours)} uur, geen volledig jaar (${num(8760)} of
            ${num(8784)} uur). Jaartotalen en alle resultaten gelden alleen voor die uren.
          </div>`
        : '',
    );
  }

  private renderView() {
    switch (this.view) {
      case 'kaart':
        return html`<sh-map-view></sh-map-view>`;
      case 'scenario':
        return html`<sh-scenario-view></sh-scenario-view>`;
      case 'uurprofiel':
        return html`<sh-hourly-view></sh-hourly-view>`;
      case 'tafels':
        return html`<sh-tables-view></sh-tables-view>`;
      case 'ruimte':
        return html`<sh-ruimte-view></sh-ruimte-view>`;
      case 'verkennen':
        return this.sweepView;
      case 'vergelijken':
        return html`<sh-compare-view></sh-compare-view>`;
      case 'intekenboek':
        return html`<sh-intekenboek-view></sh-intekenboek-view>`;
      case 'gebruikers':
        return html`<sh-accounts-view></sh-accounts-view>`;
      case 'aannames':
        return html`<sh-assumptions-view></sh-assumptions-view>`;
    }
  }

  /** A dataset choice only when the server has more than one (the bundled data is one dataset). */
  private renderDatasetChoice() {
    if (store.datasets.length < 2) return '';
    return html`<label for="dataset">Dataset</label>
      <select id="dataset" @change=${(e: Event) => void store.setDataset((e.target as HTMLSelectElement).value)}>
        ${store.datasets.map((d) => html`<option value=${d.id} ?selected=${d.id === store.dataset}>${d.name}${d.default ? ' (standaard)' : ''}</option>`)}
      </select>`;
  }

  /** Who am I and sign-out (shared servers only). */
  private renderWho() {
    const user = session.user;
    if (session.mode !== 'accounts' || !user) return '';
    return html`<span class="who" id="who-am-i">
      Aangemeld als <strong>${user.username}</strong>
      <span title="Uw rollen">(${user.roles.map(roleLabel).join(', ')})</span>
      <button id="sign-out" @click=${() => void session.signOut()}>Afmelden</button>
    </span>`;
  }

  override render() {
    if (session.mode === 'unknown') return html`<main role="status">Laden…</main>`;
    if (!session.ready) return html`<sh-sign-in></sh-sign-in>`;
    const info = store.datasetInfo;
    const year = scenarioWeatherYear(store.scenario, info);
    const status = store.busy ? 'Rekent…' : store.result ? `Berekend in ${num(store.lastMs, 0)} ms` : '';
    return html`
      <header>
        <div>
          <h1>Samenhang</h1>
          <div class="sub">Scenario’s voor de energietransitie per RES-regio</div>
        </div>
        <div class="spacer"></div>
        <span class="sub" title="Naam van het scenario dat u bewerkt">Scenario: <strong>${store.scenario.name}</strong>${
          store.changed ? html` <span id="changed" data-changed>(gewijzigd t.o.v. “${store.base.name}”)</span>` : ''
        }</span>
        ${this.renderDatasetChoice()}
        <label for="weather-year">Weerjaar</label>
        <select id="weather-year" title="Het weer waarin het scenario wordt doorgerekend; de geïnstalleerde MW blijven gelijk"
          @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            store.setWeatherYear(v === '' ? null : Number(v));
          }}>
          ${weatherYearOptions(info).map(
            (o) => html`<option value=${o.value ?? ''} ?selected=${o.value === year}>${o.label}</option>`,
          )}
        </select>
        <span class="status" role="status" aria-live="polite">${status}</span>
        ${this.renderWho()}
      </header>
      <nav aria-label="Weergaven">
        ${[...VIEWS, ...(accountsBlock(session) ? [] : [ACCOUNTS_VIEW])].map(
          (v) => html`<a href="#/${v.id}" aria-current=${v.id === this.view ? 'page' : 'false'}>${v.label}</a>`,
        )}
      </nav>
      <div class="notice">
        De 2030-productie per regio is <strong>RES 1.0 indicatief</strong>: een indicatieve verdeling, niet de officiële
        biedingen van de regio’s. Alle aannames zijn aan te passen.
      </div>
      <sh-share-notice></sh-share-notice>
      ${this.renderDatasetWarnings()}
      ${store.error ? html`<div class="errorbox" role="alert" style="margin:0.5rem 1rem 0">${store.error}</div>` : ''}
      <main>${this.renderView()}</main>
      <footer id="attribution">
        Kaart: © Kadaster / CBS, 2023 (CC BY 4.0) · Regiogegevens en profielen: Energietransitiemodel / Quintel Intelligence (MIT),
        op basis van Klimaatmonitor, CBS, NEDU, KNMI en ENTSO-E · <a href="#/aannames">Aannames & bronnen</a>
      </footer>
    `;
  }
}
customElements.define('sh-app', AppShell);
