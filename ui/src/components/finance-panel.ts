/**
 * The Financiering panel of the Scenario view (docs/model.md §11): the same grid and battery
 * investment paid for three ways side by side — through tariffs, with state equity, or out of the
 * energy tax — nationally on top and region by region in a table: what a connection pays per year,
 * what the state puts in or pays yearly, and the difference against tariffs.
 */
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import { euros, num, withUnit } from '../format.ts';
import { NULL_REASONS, financeRegionRows, financeRoutes, shareOrReason, type RouteFigures } from '../finance.ts';
import { NATIONAL_DEFAULTS } from '../../../engine/scenario/parameters.ts';
import type { Column } from './sort-table.ts';
import './sort-table.ts';

/** Region table columns, in display units; short heads so that all eight fit next to each other. */
const COLUMNS: Column[] = [
  { key: 'name', label: 'RES-regio' },
  { key: 'tariff', label: 'Tarieven', unit: '€/aansl./jaar' },
  { key: 'equity', label: 'Deelneming', unit: '€/aansl./jaar' },
  { key: 'equityDiff', label: 'Δ deelneming', unit: '€/aansl./jaar', digits: 1, signed: true },
  { key: 'equityStateMln', label: 'Kapitaal staat', unit: 'mln €', digits: 1 },
  { key: 'subsidyStateMlnPerYear', label: 'Subsidie staat', unit: 'mln €/jaar', digits: 1 },
  { key: 'subsidyDiff', label: 'Δ subsidie', unit: '€/aansl./jaar', digits: 1, signed: true },
  { key: 'ownTariff', label: 'Eigen tarief', unit: '€/aansl./jaar' },
];

export class FinancePanel extends StoreElement {
  static styles = [
    shared,
    css`
      .routes { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.6rem; margin: 0.5rem 0 0.75rem; }
      .route { border: 1px solid #d8dee8; border-radius: 6px; padding: 0.5rem 0.65rem; background: #fafbfd; }
      .route h4 { margin: 0 0 0.2rem; font-size: 0.95rem; }
      .route .v { font-size: 1.25rem; font-weight: 650; font-variant-numeric: tabular-nums; }
      .route .k { font-size: 0.75rem; color: #4a5668; }
      .route dl { display: grid; grid-template-columns: auto auto; gap: 0.1rem 0.6rem; margin: 0.35rem 0 0; font-size: 0.82rem; }
      .route dt { color: #4a5668; }
      .route dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
      .who { font-size: 0.78rem; color: #4a5668; margin-top: 0.3rem; }
      .cheaper { color: #1b5e20; }
      .dearer { color: #b00020; }
      sh-sort-table { --table-max-height: 420px; --table-head-white-space: normal; --table-cell-padding: 0.3rem 0.35rem; display: block; }
      .stale { opacity: 0.6; }
      @media (max-width: 900px) { .routes { grid-template-columns: 1fr; } }
    `,
  ];

  private renderRoute(r: RouteFigures, subsidyShare: number | null) {
    const diffClass = r.diffVsTariffEUR < -0.5 ? 'cheaper' : r.diffVsTariffEUR > 0.5 ? 'dearer' : '';
    return html`<section class="route" data-route=${r.key} data-per-connection=${r.perConnectionEUR}>
      <h4>${r.label}</h4>
      <div class="v">${withUnit(r.perConnectionEUR, '€', 0)}</div>
      <div class="k">per aansluiting per jaar</div>
      <dl>
        <dt>Verschil met tarieven</dt>
        <dd class=${diffClass} data-field="diff" data-value=${r.diffVsTariffEUR}>${withUnit(r.diffVsTariffEUR, '€', 1, true)}</dd>
        ${r.key === 'deelneming' ? html`<dt>Kapitaal van de staat</dt><dd data-field="state" data-value=${r.stateCapitalEUR}>${euros(r.stateCapitalEUR)}</dd>` : ''}
        ${
          r.key === 'subsidie'
            ? html`<dt>Staat betaalt per jaar</dt><dd data-field="state" data-value=${r.stateYearlyEUR}>${euros(r.stateYearlyEUR)}</dd>
              <dt>Aandeel EB-opbrengst</dt><dd data-field="eb-share" data-value=${subsidyShare ?? ''}>${shareOrReason(subsidyShare, NULL_REASONS.financeSubsidyEBShare)}</dd>`
            : ''
        }
      </dl>
      <div class="who">${r.payer}</div>
    </section>`;
  }

  override render() {
    const res = store.result;
    if (!res) return html`<div class="card muted">Nog geen resultaat…</div>`;
    const n = res.national;
    const waccGrid = store.scenario.national.waccGrid ?? NATIONAL_DEFAULTS.waccGrid;
    const waccState = store.scenario.national.waccState ?? NATIONAL_DEFAULTS.waccState;
    const equityShare = store.scenario.national.equityShare ?? NATIONAL_DEFAULTS.equityShare;
    const rows = financeRegionRows(res.regions, (id) => store.regionName(id));
    return html`<div class="card ${store.issues.length ? 'stale' : ''}" id="finance-panel">
      <h3 style="margin-top:0">Financiering: wie betaalt de netinvestering?</h3>
      <p class="muted" style="margin:0">
        Dezelfde investering in net, laagspanning en netbatterijen (${euros(n.gridCapexEUR + n.storageCapexEUR)}; annuïteit
        ${euros(n.gridAnnuityEUR)} per jaar) op drie manieren betaald. Landelijk: som van de annuïteiten gedeeld door alle
        aansluitingen. Het eigen nettarief van het scenario, na EB-herinvestering, is ${withUnit(n.tariffEURPerConnection, '€', 0)}
        per aansluiting per jaar.
      </p>
      <div class="routes">${financeRoutes(n).map((r) => this.renderRoute(r, n.financeSubsidyEBShare))}</div>
      <p class="muted" id="equity-note">
        Staatsdeelneming: de staat legt ${num(equityShare * 100, 0)}% van het kapitaal in tegen ${num(waccState * 100, 1)}%;
        de netbeheerder rekent ${num(waccGrid * 100, 1)}%.
        ${
          waccState < waccGrid
            ? 'Het tarief is lager omdat de staat een lager rendement accepteert dan de netbeheerder; het risico daarvan telt het model niet.'
            : 'Het rendement van de staat ligt niet onder de WACC netbeheer: deze route maakt het tarief niet lager.'
        }
        Alle routes leggen de hele annuïteit op de kleinverbruikersaansluitingen: een indicator om routes te vergelijken, geen
        tariefvoorstel.
      </p>
      <h4 style="margin:0.5rem 0 0.25rem">Per RES-regio</h4>
      <sh-sort-table id="finance-regions" .columns=${COLUMNS} .rows=${rows as unknown as Array<Record<string, unknown>>}
        caption="Tarieven, Deelneming: wat een aansluiting per jaar betaalt in die route; Δ: verschil met de tariefroute; Kapitaal staat: wat de staat inlegt (deelneming); Subsidie staat: wat de staat per jaar betaalt (subsidieroute); Eigen tarief: het nettarief van het scenario na EB-herinvestering. Klik op een kolomkop om te sorteren."></sh-sort-table>
    </div>`;
  }
}
customElements.define('sh-finance-panel', FinancePanel);
