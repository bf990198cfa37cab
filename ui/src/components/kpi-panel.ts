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
  static properties = { regionId: {}, national: { state: true } };
  /** '' = the national KPIs; a region id = that region's KPIs (with a switch back to the national ones). */
  declare regionId: string;
  /** With a region chosen: whether the user switched to the national figures. */
  declare national: boolean;

  constructor() {
    super();
    this.regionId = '';
    this.national = false;
  }

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
      .scope { display: flex; gap: 0; margin: 0 0 0.4rem; }
      .scope button { font-size: 0.8rem; padding: 0.15rem 0.6rem; border-radius: 0; }
      .scope button:first-child { border-radius: 4px 0 0 4px; }
      .scope button:last-child { border-radius: 0 4px 4px 0; border-left: none; }
      .scope button[aria-pressed='true'] { background: #14325c; color: #fff; border-color: #14325c; }
    `,
  ];

  /** A newly chosen region opens on its own figures. */
  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('regionId')) this.national = false;
  }

  /** The switch between the chosen region's figures and the national ones. */
  private renderScope(name: string) {
    return html`<div class="scope" role="group" aria-label="Resultaten voor">
      <button id="kpi-region" aria-pressed=${String(!this.national)} @click=${() => (this.national = false)}>${name}</button>
      <button id="kpi-national" aria-pressed=${String(this.national)} @click=${() => (this.national = true)}>Nederland</button>
    </div>`;
  }

  /** The RES production of one region: no gauge (the 35 TWh target is national), its share of the target instead. */
  private renderRegionRes(twh: number, target: number) {
    return html`<div class="tile" data-kpi="resNominalTWh" data-value=${twh} style="margin-top:0.25rem">
      <div class="k">RES-productie <sh-info path="output.resNominalTWh"></sh-info></div>
      <div class="v">${withUnit(twh, 'TWh', 2)}</div>
      <div class="s">${withUnit((100 * twh) / target, '%', 1)} van het landelijke doel van ${withUnit(target, 'TWh')}</div>
    </div>`;
  }

  override render() {
    const res = store.result;
    if (!res) return html`<div class="card muted">Nog geen resultaat…</div>`;
    const target = Number(store.scenario.national.targetTWh ?? 35);
    const region = this.regionId ? res.regions.find((r) => r.id === this.regionId) : undefined;
    const row = region && !this.national ? region : undefined;
    const n = row ?? res.national;
    const homes = new Map(store.regions.map((r) => [r.id, r.homes]));
    const woon: Record<string, number> = row
      ? Object.fromEntries(STRATEGIES.map((s) => [s.key, Number(row[s.key])]))
      : nationalWoonlasten(res.regions, homes);
    const ha = n.fieldSolarHa + n.windHa;
    const name = region ? store.regionName(region.id) : '';
    const year = weatherYearLabel(scenarioWeatherYear(store.scenario, store.datasetInfo), store.datasetInfo);
    return html`<div class="card ${store.issues.length ? 'stale' : ''}" aria-live="polite" data-scope=${row ? row.id : 'NL'}>
      ${region ? this.renderScope(name) : ''}
      <h3 style="margin-top:0">Resultaat (${row ? name : 'landelijk'}, weerjaar ${year})</h3>
      ${store.issues.length ? html`<div class="error">Invoer ongeldig: resultaat hoort bij de laatste geldige invoer.</div>` : ''}
      ${
        row
          ? this.renderRegionRes(row.resNominalTWh, target)
          : html`<div class="k" style="font-size:0.75rem;color:#4a5668">RES-productie <sh-info path="output.resNominalTWh"></sh-info></div>
      <sh-res-gauge .value=${res.national.resNominalTWh} .target=${target} .triggered=${res.national.route35Triggered} .gap=${res.national.targetGapTWh}></sh-res-gauge>`
      }
      <div class="tiles">
        <div class="tile" data-kpi="gridCapexEUR" data-value=${n.gridCapexEUR}><div class="k">Netinvestering <sh-info path="output.gridCapexEUR"></sh-info></div><div class="v">${euros(n.gridCapexEUR)}</div>
          <div class="s" data-kpi="reinforceMW" data-value=${n.reinforceFeedinMW + n.reinforceOfftakeMW}>verzwaring ${withUnit(n.reinforceFeedinMW + n.reinforceOfftakeMW, 'MW')}${row ? '' : ' regionaal'}</div>
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
      <div class="muted">${row ? `Voor een woning in ${name}.` : 'Gemiddeld over alle woningen (gewogen per regio).'} ≤ 0 € = woonlastenneutraal.</div>
    </div>`;
  }
}
customElements.define('sh-kpi-panel', KpiPanel);
