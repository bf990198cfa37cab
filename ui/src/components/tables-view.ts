/**
 * View 4, "Tafels in samenhang": each klimaattafel's share in the national grid reinforcement
 * and grid investment, by leave-one-out: evaluate the scenario with that table's levers reset
 * to the base scenario, and take the difference with the full scenario. What remains between
 * the sum of the parts and the whole is the interaction ("samenhang") between the tables
 * (tableInteraction: positive when the tables together load the grid more than apart).
 */
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import { evaluate, type NationalLike } from '../tables-api.ts';
import { TABLES, tableInteraction } from '../tables.ts';
import { emptyScenario, withoutTable } from '../scenario-edit.ts';
import { euros, num } from '../format.ts';
import { withWeatherYear } from '../weather-year.ts';
import type { Column } from './sort-table.ts';
import './bar-chart.ts';
import './sort-table.ts';
import './execution-costs.ts';

interface Contribution {
  id: string;
  label: string;
  colour: string;
  reinforceMW: number;
  /** LV reinforcement (MW): streets, apart from the regional reinforcement above. */
  lvReinforceMW: number;
  capexEUR: number;
  /** The LV part of capexEUR (gridCapexEUR includes lvCapexEUR). */
  lvCapexEUR: number;
  tariff: number;
}

export class TablesView extends StoreElement {
  static properties = { rows: { state: true }, loading: { state: true }, failure: { state: true } };
  declare rows: Contribution[] | null;
  declare loading: boolean;
  declare failure: string;
  private key = '';
  private ctrl: AbortController | null = null;
  private full: NationalLike | null = null;
  private base: NationalLike | null = null;

  constructor() {
    super();
    this.rows = null;
    this.loading = false;
    this.failure = '';
  }

  static styles = [
    shared,
    css`
      /* minmax(0, …): the charts take the column's width (they redraw at their own width), not the other way round. */
      .layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; }
      @media (max-width: 1000px) { .layout { grid-template-columns: minmax(0, 1fr); } }
      .sum { margin-top: 0.75rem; }
      .hint { background: #fff8e1; border-color: #f0d68a; margin-bottom: 0.75rem; }
    `,
  ];

  override updated(): void {
    const key = `${store.dataset}|${JSON.stringify(store.scenario)}`;
    if (key !== this.key && store.regions.length) {
      this.key = key;
      void this.compute();
    }
  }

  /** Seven evaluations (full, base, five without one table) in parallel; ~5 ms each on the server. */
  private async compute() {
    this.ctrl?.abort();
    const ctrl = (this.ctrl = new AbortController());
    this.loading = true;
    const s = store.scenario;
    try {
      const [full, base, ...without] = await Promise.all([
        evaluate(s, store.dataset, ctrl.signal),
        // The base runs in the scenario's weather year: the weather is the setting, not a table's choice.
        evaluate(withWeatherYear(emptyScenario('basis'), s.national.weatherYear ?? null), store.dataset, ctrl.signal),
        ...TABLES.map((t) => evaluate(withoutTable(s, t.id), store.dataset, ctrl.signal)),
      ]);
      if (ctrl.signal.aborted) return;
      this.full = full;
      this.base = base;
      this.rows = TABLES.map((t, i) => ({
        id: t.id,
        label: t.label,
        colour: t.colour,
        reinforceMW: reinforce(full) - reinforce(without[i]),
        lvReinforceMW: full.lvReinforceMW - without[i].lvReinforceMW,
        capexEUR: full.gridCapexEUR - without[i].gridCapexEUR,
        lvCapexEUR: full.lvCapexEUR - without[i].lvCapexEUR,
        tariff: full.tariffEURPerConnection - without[i].tariffEURPerConnection,
      }));
      this.failure = '';
    } catch (e) {
      if (!ctrl.signal.aborted) this.failure = (e as Error).message;
    } finally {
      if (this.ctrl === ctrl) this.loading = false;
    }
  }

  override render() {
    const rows = this.rows;
    const cats = rows?.map((r) => r.label) ?? [];
    const colours = rows?.map((r) => r.colour) ?? [];
    const columns: Column[] = [
      { key: 'label', label: 'Klimaattafel' },
      { key: 'reinforceMW', label: 'Δ netverzwaring', unit: 'MW', format: (v) => num(v as number, 0, true) },
      {
        key: 'lvReinforceMW',
        label: 'Δ verzwaring laagspanning',
        unit: 'MW',
        format: (v) => num(v as number, 0, true),
      },
      { key: 'capexEUR', label: 'Δ netinvestering', unit: '€', format: (v) => euros(v as number, true) },
      { key: 'lvCapexEUR', label: 'waarvan laagspanning', unit: '€', format: (v) => euros(v as number, true) },
      { key: 'tariff', label: 'Δ nettarief', unit: '€/aansluiting/jaar', format: (v) => num(v as number, 1, true) },
    ];
    const full = this.full,
      base = this.base;
    const sumParts = rows?.reduce((a, r) => a + r.reinforceMW, 0) ?? 0;
    // On the base scenario (or one whose changes move nothing) every bar is 0: say why, and what to do.
    const allZero = !!rows && rows.every((r) => Math.abs(r.reinforceMW) < 0.5 && Math.abs(r.capexEUR) < 0.5e6);
    const sumCapex = rows?.reduce((a, r) => a + r.capexEUR, 0) ?? 0;
    const sumLv = rows?.reduce((a, r) => a + r.lvReinforceMW, 0) ?? 0;
    return html`
      <h2>Tafels in samenhang</h2>
      <p class="lead">
        Bijdrage van elke klimaattafel aan de landelijke netverzwaring (regionaal en in de straat, laagspanning) en netinvestering in scenario “${store.scenario.name}”:
        het verschil tussen het hele scenario en hetzelfde scenario zonder de keuzes van die tafel (terug naar de basis,
        RES 1.0 indicatief). ${this.loading ? html`<span class="muted">Rekent…</span>` : ''}
      </p>
      ${this.failure ? html`<div class="errorbox" role="alert">${this.failure}</div>` : ''}
      ${
        allZero && !this.loading
          ? html`<div class="card hint" id="base-hint" role="status">
            <strong>Alle tafels dragen hier 0 bij.</strong> ${
              isBase(store.scenario)
                ? 'Dit is het basisscenario: er is nog niets veranderd ten opzichte van RES 1.0 indicatief.'
                : 'De keuzes in dit scenario veranderen de netverzwaring en netinvestering niet.'
            }
            Verander eerst hendels in <a href="#/scenario">Scenario</a> (bijvoorbeeld meer warmtepompen of elektrische
            auto’s), of laad een opgeslagen scenario in <a href="#/vergelijken">Vergelijken</a>; dan toont deze pagina wat
            elke klimaattafel bijdraagt.
          </div>`
          : ''
      }
      ${
        rows
          ? html`<div class="layout">
            <div class="card"><h3 style="margin-top:0">Netverzwaring (MW)</h3>
              <sh-bar-chart id="mw" .categories=${cats} unit="MW" label="Bijdrage aan netverzwaring per tafel in MW, regionaal en laagspanning"
                .series=${[
                  { label: 'Δ netverzwaring regionaal', colour: '#1565c0', values: rows.map((r) => r.reinforceMW) },
                  { label: 'Δ verzwaring laagspanning', colour: '#c2185b', values: rows.map((r) => r.lvReinforceMW) },
                ]}></sh-bar-chart></div>
            <div class="card"><h3 style="margin-top:0">Netinvestering (mln €)</h3>
              <sh-bar-chart id="capex" .categories=${cats} .colours=${colours} unit="mln €" label="Bijdrage aan netinvestering per tafel in miljoen euro"
                .series=${[{ label: 'Δ netinvestering', colour: '#1565c0', values: rows.map((r) => r.capexEUR / 1e6) }]}></sh-bar-chart></div>
          </div>
          <div class="sum">
            <sh-sort-table .columns=${columns} .rows=${rows as unknown as Array<Record<string, unknown>>}></sh-sort-table>
            ${
              full && base
                ? html`<p class="muted">
                  Hele scenario: ${num(reinforce(full), 0)} MW verzwaring, ${euros(full.gridCapexEUR)}; basis: ${num(reinforce(base), 0)} MW,
                  ${euros(base.gridCapexEUR)}. Som van de tafelbijdragen: ${num(sumParts, 0, true)} MW, ${euros(sumCapex, true)}.
                  Samenhang (som van de delen min het effect van het geheel):
                  <span id="interaction">${num(
                    tableInteraction(
                      reinforce(full),
                      reinforce(base),
                      rows.map((r) => r.reinforceMW),
                    ),
                    0,
                    true,
                  )}</span> MW,
                  ${euros(
                    tableInteraction(
                      full.gridCapexEUR,
                      base.gridCapexEUR,
                      rows.map((r) => r.capexEUR),
                    ),
                    true,
                  )}.
                  Laagspanning: hele scenario ${num(full.lvReinforceMW, 0)} MW (${euros(full.lvCapexEUR)}), basis ${num(base.lvReinforceMW, 0)} MW,
                  som van de tafelbijdragen ${num(sumLv, 0, true)} MW, samenhang
                  <span id="lv-interaction">${num(
                    tableInteraction(
                      full.lvReinforceMW,
                      base.lvReinforceMW,
                      rows.map((r) => r.lvReinforceMW),
                    ),
                    0,
                    true,
                  )}</span> MW. Positief: tafels versterken elkaars netbelasting
                  (samen meer dan apart, bijv. warmtepompen en elektrische auto’s in dezelfde straat); negatief: ze vangen elkaar op
                  (bijv. zon overdag en laden overdag).
                </p>`
                : ''
            }
          </div>`
          : html`<div class="muted">Berekenen…</div>`
      }
      <sh-execution-costs style="display:block;margin-top:1rem"></sh-execution-costs>
    `;
  }
}

/** Whether a scenario changes nothing (no national, all-region or regional setting). */
const isBase = (s: { national: object; defaults: object; regions: object }) =>
  Object.keys(s.national).length + Object.keys(s.defaults).length + Object.keys(s.regions).length === 0;

const reinforce = (n: NationalLike) => n.reinforceFeedinMW + n.reinforceOfftakeMW;
customElements.define('sh-tables-view', TablesView);
