/**
 * Uitvoeringskosten of the decentrale overheden (docs/model.md §12) in the Tafels view: the
 * programme to 2030 a scenario asks of municipalities, regions and provinces, per klimaattafel
 * (warmte → Gebouwde omgeving, RES → Elektriciteit) nationally and per region, with the ROB
 * figures the defaults are calibrated to.
 */
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import { euros, withUnit } from '../format.ts';
import { executionRow } from '../finance.ts';
import { tableById } from '../tables.ts';
import { NATIONAL_DEFAULTS } from '../../../engine/scenario/parameters.ts';
import type { Column } from './sort-table.ts';
import './bar-chart.ts';
import './sort-table.ts';

const COLUMNS: Column[] = [
  { key: 'name', label: 'RES-regio' },
  { key: 'gebouwdMln', label: 'Gebouwde omgeving', unit: 'mln € tot 2030', digits: 1 },
  { key: 'elektriciteitMln', label: 'Elektriciteit', unit: 'mln € tot 2030', digits: 1 },
  { key: 'totalMln', label: 'Totaal', unit: 'mln € tot 2030', digits: 1 },
];

export class ExecutionCosts extends StoreElement {
  static styles = [
    shared,
    css`
      .layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; align-items: center; margin-bottom: 0.75rem; }
      @media (max-width: 1000px) { .layout { grid-template-columns: minmax(0, 1fr); } }
      /* The basis text wraps: on one line the table grew past its column, under the chart beside it. */
      .layout td { white-space: normal; }
      .layout td.v { white-space: nowrap; }
      sh-sort-table { --table-max-height: 360px; display: block; }
      .note { font-size: 0.82rem; color: #4a5668; }
      td.v { text-align: right; font-variant-numeric: tabular-nums; }
    `,
  ];

  override render() {
    const res = store.result;
    if (!res) return html`<div class="muted">Berekenen…</div>`;
    const n = res.national;
    const national = executionRow('NL', 'Nederland', n);
    const rows = res.regions.map((r) => executionRow(r.id, store.regionName(r.id), r));
    const perHome = store.scenario.national.uitvoeringWarmteEURPerHome ?? NATIONAL_DEFAULTS.uitvoeringWarmteEURPerHome;
    const perTWh = store.scenario.national.uitvoeringRESEURPerTWh ?? NATIONAL_DEFAULTS.uitvoeringRESEURPerTWh;
    const gebouwd = tableById('gebouwd'),
      elek = tableById('elektriciteit');
    return html`<div class="card" id="execution-costs">
      <h3 style="margin-top:0">Uitvoeringskosten decentrale overheden</h3>
      <p class="muted" style="margin-top:0">
        Wat het scenario tot 2030 vraagt van gemeenten, regio’s en provincies om de plannen uit te voeren (mensen en
        middelen: wijkaanpak, vergunningen, participatie), per klimaattafel. Mobiliteit, Industrie en Financiering hebben in
        het model geen uitvoeringskosten.
      </p>
      <div class="layout">
        <div>
          <table aria-label="Uitvoeringskosten per klimaattafel, landelijk">
            <thead><tr><th>Klimaattafel</th><th>Grondslag</th><th>Tot 2030</th></tr></thead>
            <tbody>
              <tr data-table="gebouwd" data-value=${n.uitvoeringWarmteEUR}>
                <td><i style="display:inline-block;width:10px;height:10px;background:${gebouwd.colour}"></i> ${gebouwd.label}</td>
                <td>${withUnit(perHome, '€', 0)} per woning die overstapt</td>
                <td class="v">${euros(n.uitvoeringWarmteEUR)}</td>
              </tr>
              <tr data-table="elektriciteit" data-value=${n.uitvoeringRESEUR}>
                <td><i style="display:inline-block;width:10px;height:10px;background:${elek.colour}"></i> ${elek.label}</td>
                <td>${withUnit(perTWh / 1e6, 'mln €', 0)} per TWh nieuwe RES-productie</td>
                <td class="v">${euros(n.uitvoeringRESEUR)}</td>
              </tr>
              <tr data-table="totaal" data-value=${n.uitvoeringWarmteEUR + n.uitvoeringRESEUR}>
                <td><strong>Totaal</strong></td><td></td><td class="v"><strong>${euros(n.uitvoeringWarmteEUR + n.uitvoeringRESEUR)}</strong></td>
              </tr>
            </tbody>
          </table>
        </div>
        <div>
          <sh-bar-chart id="execution" .categories=${[gebouwd.label, elek.label]} .colours=${[gebouwd.colour, elek.colour]} unit="mln €"
            label="Uitvoeringskosten per klimaattafel in miljoen euro"
            .series=${[{ label: 'Uitvoeringskosten', colour: '#2e7d32', values: [national.gebouwdMln, national.elektriciteitMln] }]}></sh-bar-chart>
        </div>
      </div>
      <sh-sort-table id="execution-regions" .columns=${COLUMNS} .rows=${rows as unknown as Array<Record<string, unknown>>}
          caption="Per RES-regio, programmakosten tot 2030. Klik op een kolomkop om te sorteren."></sh-sort-table>
      <p class="note" id="rob-note">
        <strong>Bron:</strong> de bedragen zijn geijkt op de <abbr title="Raad voor het Openbaar Bestuur">ROB</abbr>,
        “Van Parijs naar praktijk” (2021, onderzoek AEF 2020). Gemeenten hebben in 2024 599 mln € nodig, 60% daarvan voor de
        gebouwde omgeving: ca. 359 mln € per jaar over 9 jaar voor 1,5 mln woningen, ofwel ${withUnit(NATIONAL_DEFAULTS.uitvoeringWarmteEURPerHome, '€', 0)}
        per woning die overstapt. 15% is voor elektriciteit; met de 37,5 mln € van de provincies is dat ca. 128 mln € per jaar over
        9 jaar voor ca. 23 TWh, ofwel ${withUnit(NATIONAL_DEFAULTS.uitvoeringRESEURPerTWh / 1e6, 'mln €', 0)} per TWh nieuwe RES-productie.
        Nieuwe productie is de RES-productie boven wat de regio al opwekte. De bedragen schalen lineair (geen schaalvoordeel,
        geen loon- of prijsontwikkeling na 2024) en zijn alleen de kosten van de decentrale overheden, niet de investeringen van
        woningeigenaren, netbeheerders of ontwikkelaars. De bedragen per woning en per TWh stelt u in bij Scenario.
      </p>
    </div>`;
  }
}
customElements.define('sh-execution-costs', ExecutionCosts);
