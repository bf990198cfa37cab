/**
 * "Aannames & bronnen": every default with its value in display units and its source, the dated
 * defaults with current values where a public source gives them, every output explained, and the
 * data licences. `#/aannames/<path>` scrolls to and marks one row (the info popovers link there).
 */
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import {
  type AssumptionRow,
  CURRENT_TAX,
  NATIONAL_ROWS,
  OUTPUT_ROWS,
  REGIONAL_ROWS,
  withCurrentTax,
} from '../assumptions.ts';

/** The row path in the hash (`#/aannames/national.waccGrid`), or ''. */
function hashPath(): string {
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  return parts[0] === 'aannames' ? decodeURIComponent(parts[1] ?? '') : '';
}

export class AssumptionsView extends StoreElement {
  static properties = { marked: { state: true }, applied: { state: true } };
  declare marked: string;
  declare applied: boolean;

  constructor() {
    super();
    this.marked = hashPath();
    this.applied = false;
  }

  private readonly onHash = () => {
    this.marked = hashPath();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHash);
  }

  override disconnectedCallback(): void {
    removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  override updated(): void {
    if (!this.marked) return;
    const row = this.renderRoot.querySelector(`tr[data-path="${CSS.escape(this.marked)}"]`);
    row?.scrollIntoView({ block: 'center' });
  }

  static styles = [
    shared,
    css`
      table { width: 100%; border-collapse: collapse; font-size: 0.85rem; }
      /* Explanations and sources wrap (the shared table style keeps cells on one line): the page fits the window. */
      th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #e6eaf0; white-space: normal; }
      th { background: #f3f6fa; position: sticky; top: 0; }
      td.value { white-space: nowrap; text-align: right; font-variant-numeric: tabular-nums; }
      tr.marked td { background: #fff6d5; }
      tr.dated td.value { color: #8a4b00; }
      .dated-note { color: #8a4b00; font-size: 0.78rem; margin-top: 0.15rem; }
      .card { margin: 0.75rem 0; }
      .card h3 { margin-top: 0; }
      section { margin-bottom: 1.25rem; }
    `,
  ];

  private table(rows: readonly AssumptionRow[], caption: string, withDefaults = true) {
    return html`<table aria-label=${caption}>
      <thead><tr><th>${withDefaults ? 'Parameter' : 'Uitkomst'}</th>${withDefaults ? html`<th>Standaard</th>` : html`<th>Eenheid</th>`}<th>Wat het is</th>${withDefaults ? html`<th>Bron</th>` : ''}</tr></thead>
      <tbody>${rows.map(
        (r) => html`<tr data-path=${r.path} class="${r.path === this.marked ? 'marked' : ''} ${r.dated ? 'dated' : ''}">
          <td>${r.q.label}</td>
          <td class="value">${withDefaults ? r.defaultText : r.q.display.unit}</td>
          <td>${r.q.help}${r.dated ? html`<div class="dated-note">Verouderd: ${r.dated}</div>` : ''}</td>
          ${withDefaults ? html`<td>${r.source}</td>` : ''}
        </tr>`,
      )}</tbody>
    </table>`;
  }

  private applyCurrentTax() {
    store.setScenario(withCurrentTax(store.scenario));
    this.applied = true;
  }

  override render() {
    const dated = NATIONAL_ROWS.filter((r) => r.dated);
    return html`
      <h2>Aannames & bronnen</h2>
      <p class="lead">Elke standaardwaarde hieronder is een aanname die u in een scenario kunt veranderen, geen feit over 2030.
        Waarden staan in de eenheden van de Scenario-weergave; de bron zegt waar het getal vandaan komt.</p>

      <div class="card" id="dated">
        <h3>Verouderde standaardwaarden</h3>
        <p>Deze standaardwaarden komen uit 2019–2020: ${dated.map((r) => r.q.label).join(', ')}.
          De energiebelasting en ODE zijn de tarieven van 2020; de ODE bestaat sinds 2023 niet meer; de energieprijzen
          komen uit de KEV 2019, van vóór de energiecrisis.</p>
        <p><strong>Actuele tarieven.</strong> ${CURRENT_TAX.sources.join(' ')} Voor de energieprijzen zonder belastingen
          hebben wij geen recentere openbare bron; verander ze zelf in een scenario als u een actuelere prijs wilt gebruiken.</p>
        <button id="apply-current-tax" @click=${() => this.applyCurrentTax()}>Gebruik actuele tarieven in het huidige scenario</button>
        ${this.applied ? html`<span role="status" class="muted"> Ingesteld: energiebelasting 2023, ODE 0, opbrengst 2021.</span>` : ''}
        <p class="muted">Het scenario “${CURRENT_TAX.name}” in de bibliotheek (Vergelijken) heeft dezelfde waarden.</p>
      </div>

      <section><h3>Landelijke parameters</h3>${this.table(NATIONAL_ROWS, 'Landelijke parameters')}</section>
      <section><h3>Regionale parameters</h3>
        <p class="muted">Per regio aan te passen, of voor alle regio’s tegelijk. Landelijke totalen in de Scenario-weergave
          (elektrische auto’s, netbatterijen, industrie) worden naar woningen, RES-productie of stroomvraag over de regio’s verdeeld.</p>
        ${this.table(REGIONAL_ROWS, 'Regionale parameters')}</section>
      <section><h3>Uitkomsten</h3>${this.table(OUTPUT_ROWS, 'Uitkomsten', false)}</section>

      <section class="card" id="licences">
        <h3>Gegevens en licenties</h3>
        <ul>
          <li>Regiogegevens en uurprofielen: Energietransitiemodel / Quintel Intelligence (etsource, etlocal; MIT-licentie),
            op basis van Klimaatmonitor, CBS, NEDU, KNMI en Open Power System Data / ENTSO-E.</li>
          <li>Regiokaart: © Kadaster / Centraal Bureau voor de Statistiek (CBS), 2023, CC BY 4.0 (vereenvoudigd door cartomap/nl).</li>
          <li>Netkosten per spanningsniveau en warmtepomprendement: Energietransitiemodel (MIT); batterijkosten: PyPSA
            technology-data; woningmaatregelen en huisaansluitingen: Vesta MAIS (PBL); uitvoeringskosten: ROB (2021).</li>
        </ul>
      </section>
    `;
  }
}
customElements.define('sh-assumptions-view', AssumptionsView);
