/**
 * View "Ruimte" (docs/model.md §13, "wonen gaat voor"): the land that solar fields, wind and the
 * homes still to be built claim, against each region's agricultural land. A map coloured by the
 * ruimtedruk (or one of the land claims), the national figures and a table of every region.
 */
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import { num, withUnit } from '../format.ts';
import { NULL_REASONS, landRows, shareOrReason, type LandRow } from '../finance.ts';
import { NATIONAL_DEFAULTS } from '../../../engine/scenario/parameters.ts';
import type { Column } from './sort-table.ts';
import './region-map.ts';
import './sort-table.ts';

/** What the map can be coloured by: a column of the land table. */
interface LandMeasure {
  key: keyof LandRow & ('pressurePct' | 'landClaimHa' | 'fieldSolarHa' | 'windHa' | 'housingHa');
  label: string;
  unit: string;
  digits: number;
}

export const LAND_MEASURES: readonly LandMeasure[] = [
  { key: 'pressurePct', label: 'Ruimtedruk', unit: '% landbouwgrond', digits: 1 },
  { key: 'landClaimHa', label: 'Ruimteclaim zon, wind en wonen', unit: 'ha', digits: 0 },
  { key: 'fieldSolarHa', label: 'Zonnevelden', unit: 'ha', digits: 0 },
  { key: 'windHa', label: 'Windturbines (voetafdruk)', unit: 'ha', digits: 0 },
  { key: 'housingHa', label: 'Woningbouw', unit: 'ha', digits: 0 },
];

const COLUMNS: Column[] = [
  { key: 'name', label: 'RES-regio' },
  { key: 'fieldSolarHa', label: 'Zonnevelden', unit: 'ha' },
  { key: 'windHa', label: 'Wind', unit: 'ha' },
  { key: 'housingHa', label: 'Wonen', unit: 'ha' },
  { key: 'housingNeedHomes', label: 'Opgave', unit: 'woningen' },
  { key: 'landClaimHa', label: 'Claim', unit: 'ha' },
  {
    key: 'arableLandHa',
    label: 'Landbouw',
    unit: 'ha',
    format: (v) => (v === null || v === undefined ? '— (onbekend)' : num(v as number, 0)),
  },
  {
    key: 'pressurePct',
    label: 'Ruimtedruk',
    unit: '% landbouw',
    format: (v) => (v === null || v === undefined ? `— (${NULL_REASONS.landClaimShareOfArable})` : num(v as number, 1)),
  },
];

export class RuimteView extends StoreElement {
  static properties = { measure: { state: true } };
  declare measure: LandMeasure['key'];

  constructor() {
    super();
    this.measure = 'pressurePct';
  }

  static styles = [
    shared,
    css`
      .layout { display: grid; grid-template-columns: minmax(260px, 0.6fr) minmax(560px, 1.4fr); gap: 1rem; align-items: start; }
      sh-sort-table { --table-max-height: calc(100vh - 330px); display: block; }
      .tiles { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0 0.75rem; }
      .tile { border: 1px solid #e0e5ec; border-radius: 4px; padding: 0.35rem 0.6rem; background: #fafbfd; min-width: 9rem; }
      .tile .k { font-size: 0.75rem; color: #4a5668; }
      .tile .v { font-size: 1.1rem; font-weight: 650; font-variant-numeric: tabular-nums; }
      .note { font-size: 0.82rem; color: #4a5668; }
      /* Below 1100 px the table's columns no longer fit beside the map: the map goes above it. */
      @media (max-width: 1100px) { .layout { grid-template-columns: minmax(0, 1fr); } }
    `,
  ];

  private open(id: string) {
    store.setRegion(id);
    location.hash = `#/uurprofiel/${id}`;
  }

  /** How the housing need is set: from the region data where it has one, else the national share. */
  private housingNote() {
    const share = store.scenario.national.housingGrowthShare ?? NATIONAL_DEFAULTS.housingGrowthShare;
    const perHa = store.scenario.national.homesPerHa ?? NATIONAL_DEFAULTS.homesPerHa;
    const fromData = store.regions.filter(
      (r) => r.housingNeedHomes !== undefined && r.housingNeedHomes !== null,
    ).length;
    return html`<p class="note" id="housing-note">
      <strong>Woningbouwopgave.</strong>
      ${
        fromData === store.regions.length
          ? html`De regiogegevens geven de woningbouwopgave tot 2030 voor elke regio.`
          : html`${fromData ? `${num(fromData)} regio’s hebben een eigen opgave in de regiogegevens; voor de andere` : 'De regiogegevens hebben geen opgave per regio; daarom'}
            is de opgave ${num(share * 100, Number.isInteger(share * 100) ? 0 : 1)}% van de woningvoorraad van de regio (standaard 11%: de Nationale Woon- en
            Bouwagenda (2022) vraagt 900.000 woningen tot 2030, ca. 11% van de voorraad).`
      }
      De grond daarvoor is de opgave gedeeld door ${withUnit(perHa, 'woningen per ha', 0)} (standaard 30: 25–35 per ha op
      uitleglocaties, een zwakke bron). Beide stelt u in bij Scenario (Gebouwde omgeving).
    </p>`;
  }

  override render() {
    const res = store.result;
    const measure = LAND_MEASURES.find((m) => m.key === this.measure)!;
    const rows = res ? landRows(res.regions, store.regions) : [];
    const values = new Map<string, number>();
    for (const r of rows) {
      const v = r[measure.key];
      if (v !== null && Number.isFinite(v)) values.set(r.id, v);
    }
    const n = res?.national;
    return html`
      <div class="row" style="justify-content:space-between;margin-bottom:0.25rem">
        <div>
          <h2>Ruimte: energie en wonen</h2>
          <span class="muted">Scenario “${store.scenario.name}”. Zonnevelden en windturbines vragen grond die ook nodig is
            voor de woningen die gebouwd moeten worden (“wonen gaat voor”).</span>
        </div>
        <div class="row">
          <label for="land-measure">Kleur de kaart naar</label>
          <select id="land-measure" @change=${(e: Event) => (this.measure = (e.target as HTMLSelectElement).value as LandMeasure['key'])}>
            ${LAND_MEASURES.map((m) => html`<option value=${m.key} ?selected=${m.key === this.measure}>${m.label} (${m.unit})</option>`)}
          </select>
        </div>
      </div>
      ${
        n
          ? html`<div class="tiles" id="land-national">
            <div class="tile" data-kpi="landClaimHa" data-value=${n.landClaimHa}><div class="k">Ruimteclaim (NL)</div><div class="v">${withUnit(n.landClaimHa, 'ha')}</div></div>
            <div class="tile" data-kpi="pressure" data-value=${n.landClaimShareOfArable ?? ''}><div class="k">Ruimtedruk (NL)</div>
              <div class="v">${shareOrReason(n.landClaimShareOfArable, NULL_REASONS.nationalLandClaimShareOfArable)}</div></div>
            <div class="tile" data-kpi="fieldSolarHa" data-value=${n.fieldSolarHa}><div class="k">Zonnevelden</div><div class="v">${withUnit(n.fieldSolarHa, 'ha')}</div></div>
            <div class="tile" data-kpi="windHa" data-value=${n.windHa}><div class="k">Wind</div><div class="v">${withUnit(n.windHa, 'ha')}</div></div>
            <div class="tile" data-kpi="housingHa" data-value=${n.housingHa}><div class="k">Woningbouw</div><div class="v">${withUnit(n.housingHa, 'ha')}</div>
              <div class="k">${withUnit(n.housingNeedHomes, 'woningen')}</div></div>
          </div>`
          : html`<div class="muted">Berekenen…</div>`
      }
      <div class="layout">
        <div class="card">
          <sh-region-map .geo=${store.geo} .values=${values} .names=${new Map(store.regions.map((r) => [r.id, r.name]))}
            label=${measure.label} unit=${measure.unit} digits=${measure.digits} ramp="bad" selected=${store.region}
            @region-select=${(e: CustomEvent<string>) => this.open(e.detail)}></sh-region-map>
        </div>
        <div>
          <sh-sort-table id="land-regions" .columns=${COLUMNS} .rows=${rows as unknown as Array<Record<string, unknown>>}
            highlight=${this.measure} selected=${store.region} selectable
            caption="Per RES-regio. Wonen: grond voor de woningbouwopgave (Opgave, woningen); Claim: zonnevelden + wind + wonen; Landbouw: landbouwgrond; Ruimtedruk = claim ÷ landbouwgrond. Klik op een naam voor het uurprofiel."></sh-sort-table>
          ${this.housingNote()}
          <p class="note">
            <strong>Wat deze cijfers niet zeggen.</strong> De claim is een bovengrens voor wonen op open grond: veel wordt binnen
            de stad gebouwd. Wind telt alleen de voetafdruk van de turbines (0,5 ha per turbine), niet de afstandszones.
            Zonnevelden tellen 1 MWp per ha, bestaande velden inbegrepen; daken kosten geen grond. Niet alle landbouwgrond is
            beschikbaar, en natuur, water en infrastructuur tellen niet mee. Landbouwgrond: ETM-regiodatasets.
          </p>
        </div>
      </div>
    `;
  }
}
customElements.define('sh-ruimte-view', RuimteView);
