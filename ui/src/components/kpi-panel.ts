/**
 * The live KPI panel of the Scenario view: RES gauge with Route 35 status, grid investment,
 * the low-voltage (LV) grid, tariff, land use, CO2 and the change in housing costs per heat strategy.
 */
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import { euros, num, withUnit } from '../format.ts';
import { STRATEGIES, nationalWoonlasten } from '../kpis.ts';
import { scenarioWeatherYear, weatherYearLabel } from '../weather-year.ts';
import './res-gauge.ts';
import './info-popover.ts';

export class KpiPanel extends StoreElement {
  static styles = [
    shared,
    css`
      .tiles { display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem; margin-top: 0.5rem; }
      .tile { border: 1px solid #e0e5ec; border-radius: 4px; padding: 0.35rem 0.5rem; background: #fafbfd; }
      .tile .k { font-size: 0.75rem; color: #4a5668; }
      .tile .v { font-size: 1.1rem; font-weight: 650; font-variant-numeric: tabular-nums; }
      .tile .s { font-size: 0.72rem; color: #5b6779; }
      table { margin-top: 0.25rem; }
      .stale { opacity: 0.6; }
    `,
  ];

  override render() {
    const res = store.result;
    if (!res) return html`<div class="card muted">Nog geen resultaat…</div>`;
    const n = res.national;
    const target = Number(store.scenario.national.targetTWh ?? 35);
    const homes = new Map(store.regions.map((r) => [r.id, r.homes]));
    const woon = nationalWoonlasten(res.regions, homes);
    const ha = n.fieldSolarHa + n.windHa;
    return html`<div class="card ${store.issues.length ? 'stale' : ''}" aria-live="polite">
      <h3 style="margin-top:0">Resultaat (landelijk, weerjaar ${weatherYearLabel(scenarioWeatherYear(store.scenario, store.datasetInfo), store.datasetInfo)})</h3>
      ${store.issues.length ? html`<div class="error">Invoer ongeldig: resultaat hoort bij de laatste geldige invoer.</div>` : ''}
      <div class="k" style="font-size:0.75rem;color:#4a5668">RES-productie <sh-info path="output.resNominalTWh"></sh-info></div>
      <sh-res-gauge .value=${n.resNominalTWh} .target=${target} .triggered=${n.route35Triggered} .gap=${n.targetGapTWh}></sh-res-gauge>
      <div class="tiles">
        <div class="tile" data-kpi="gridCapexEUR" data-value=${n.gridCapexEUR}><div class="k">Netinvestering <sh-info path="output.gridCapexEUR"></sh-info></div><div class="v">${euros(n.gridCapexEUR)}</div>
          <div class="s" data-kpi="reinforceMW" data-value=${n.reinforceFeedinMW + n.reinforceOfftakeMW}>verzwaring ${withUnit(n.reinforceFeedinMW + n.reinforceOfftakeMW, 'MW')} regionaal</div>
          <div class="s">waarvan laagspanning ${euros(n.lvCapexEUR)}</div></div>
        <div class="tile" data-kpi="lvCapexEUR" data-value=${n.lvCapexEUR}><div class="k">Laagspanningsnet <sh-info path="output.lvCapexEUR"></sh-info></div><div class="v">${euros(n.lvCapexEUR)}</div>
          <div class="s" data-kpi="lvReinforceMW" data-value=${n.lvReinforceMW}>verzwaring ${withUnit(n.lvReinforceMW, 'MW')}</div>
          <div class="s" data-kpi="lvOverloadedHomesShare" data-value=${n.lvOverloadedHomesShare}>${withUnit(100 * n.lvOverloadedHomesShare, '%', 1)} van de woningen op overbelaste straten</div></div>
        <div class="tile" data-kpi="tariff" data-value=${n.tariffEURPerConnection}><div class="k">Extra nettarief <sh-info path="output.tariffEURPerConnection"></sh-info></div><div class="v">${withUnit(n.tariffEURPerConnection, '€', 0)}</div>
          <div class="s">per aansluiting per jaar, na EB-herinvestering</div></div>
        <div class="tile" data-kpi="land" data-value=${ha}><div class="k">Ruimte zon + wind <sh-info path="output.fieldSolarHa"></sh-info></div><div class="v">${withUnit(ha, 'ha')}</div>
          <div class="s">${withUnit(n.windTurbines, 'windturbines')}</div></div>
        <div class="tile" data-kpi="co2" data-value=${n.co2AvoidedT}><div class="k">CO₂ vermeden <sh-info path="output.co2AvoidedT"></sh-info></div><div class="v">${withUnit(n.co2AvoidedT / 1e6, 'Mton', 2)}</div>
          <div class="s">per jaar (warmte)</div></div>
        <div class="tile"><div class="k">Opslag <sh-info path="output.storageCapexEUR"></sh-info></div><div class="v">${euros(n.storageCapexEUR)}</div>
          <div class="s">investering netbatterijen</div></div>
        <div class="tile"><div class="k">EB naar net / warmte <sh-info path="output.ebToGridEUR"></sh-info></div><div class="v">${euros(n.ebToGridEUR)}</div>
          <div class="s">${euros(n.ebToHeatEUR)} naar woningen, per jaar</div></div>
      </div>
      <button id="stress-shortcut" style="margin-top:0.5rem" title="Rekent dit scenario door in elk weerjaar van de dataset (in Verkennen)"
        @click=${() => this.dispatchEvent(new CustomEvent('stress-test', { bubbles: true, composed: true }))}>Stresstest: alle weerjaren doorrekenen</button>
      <h3>Δ woonlasten t.o.v. cv-ketel</h3>
      <table aria-label="Verandering woonlasten per strategie">
        <thead><tr><th>Strategie</th><th>€/woning/jaar</th></tr></thead>
        <tbody>${STRATEGIES.map((s) => {
          const v = woon[s.key];
          return html`<tr><td>${s.label}</td><td class=${v > 0 ? 'pos' : 'neg'}>${num(v, 0, true)} €</td></tr>`;
        })}</tbody>
      </table>
      <div class="muted">Gemiddeld over alle woningen (gewogen per regio). ≤ 0 € = woonlastenneutraal.</div>
    </div>`;
  }
}
customElements.define('sh-kpi-panel', KpiPanel);
