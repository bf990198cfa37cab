/**
 * View 1, "Kaart & regio's": the map coloured by a chosen KPI next to a sortable table of all
 * regions. Choosing a region (map or table) opens it in Uurprofiel.
 */
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import { MAP_KPIS } from '../kpis.ts';
import type { Column } from './sort-table.ts';
import './region-map.ts';
import './sort-table.ts';
import './export-results.ts';

export class MapView extends StoreElement {
  static properties = { kpi: { state: true } };
  declare kpi: string;

  constructor() {
    super();
    this.kpi = 'reinforceMW';
  }

  static styles = [
    shared,
    css`
      .layout { display: grid; grid-template-columns: minmax(280px, 0.72fr) minmax(460px, 1.28fr); gap: 1rem; align-items: start; }
      /* The table shows all 30 regions and scrolls with the page, not in a box of its own. */
      sh-sort-table { --table-max-height: none; --table-head-white-space: normal; --table-cell-padding: 0.3rem 0.25rem; }
      /* Below 1100 px the table's columns no longer fit beside the map: the map goes above it. */
      @media (max-width: 1100px) { .layout { grid-template-columns: minmax(0, 1fr); } }
    `,
  ];

  private open(id: string) {
    store.setRegion(id);
    location.hash = `#/uurprofiel/${id}`;
  }

  override render() {
    const res = store.result;
    const target = Number(store.scenario.national.targetTWh ?? 35);
    const kpi = MAP_KPIS.find((k) => k.key === this.kpi)!;
    const values = new Map<string, number>();
    const rows = (res?.regions ?? []).map((r) => {
      const row: Record<string, unknown> = { id: r.id, name: store.regionName(r.id) };
      for (const k of MAP_KPIS) row[k.key] = k.value(r, target);
      values.set(r.id, kpi.value(r, target));
      return row;
    });
    const columns: Column[] = [
      { key: 'name', label: 'RES-regio' },
      ...MAP_KPIS.map((k) => ({
        key: k.key,
        label: k.label,
        unit: k.shortUnit ?? k.unit,
        digits: k.digits,
      })),
    ];
    return html`
      <div class="row" style="justify-content:space-between;margin-bottom:0.5rem">
        <div>
          <h2>Kaart &amp; regio’s</h2>
          <span class="muted">Scenario “${store.scenario.name}”. Klik op een regio (kaart of tabel) voor het uurprofiel.</span>
        </div>
        <div class="row">
          <sh-export-results></sh-export-results>
          <label for="kpi">Kleur de kaart naar</label>
          <select id="kpi" @change=${(e: Event) => (this.kpi = (e.target as HTMLSelectElement).value)}>
            ${MAP_KPIS.map((k) => html`<option value=${k.key} ?selected=${k.key === this.kpi}>${k.long ?? k.label} (${k.unit})</option>`)}
          </select>
        </div>
      </div>
      <div class="layout">
        <div class="card">
          <sh-region-map .geo=${store.geo} .values=${values} .names=${new Map(store.regions.map((r) => [r.id, r.name]))}
            label=${kpi.long ?? kpi.label} unit=${kpi.unit} digits=${kpi.digits} ramp=${kpi.higherIsWorse ? 'bad' : 'good'} selected=${store.region}
            @region-select=${(e: CustomEvent<string>) => this.open(e.detail)}></sh-region-map>
        </div>
        <sh-sort-table .columns=${columns} .rows=${rows} highlight=${this.kpi} selected=${store.region} selectable
          caption="Per RES-regio. Klik op een kolomkop om te sorteren, op een naam voor het uurprofiel."
          @row-select=${(e: CustomEvent<string>) => this.open(e.detail)}></sh-sort-table>
      </div>
    `;
  }
}
customElements.define('sh-map-view', MapView);
