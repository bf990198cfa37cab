/**
 * View 2, "Scenario": the levers grouped by klimaattafel, nationally or as overrides for one
 * region, next to the live KPI panel. Every lever move re-evaluates (debounced in the store).
 */
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import { LEVERS, REGION_LEVERS, type Lever } from '../levers.ts';
import { TABLES } from '../tables.ts';
import { distinct, dutchIssue } from '../messages.ts';
import { BASE_SCENARIOS } from '../base-scenarios.ts';
import { issuesForLever, leverIsSet, leverValue, setLever, unclaimedIssues } from '../scenario-edit.ts';
import { withWeatherYear } from '../weather-year.ts';
import './lever-control.ts';
import './kpi-panel.ts';
import './finance-panel.ts';
import './export-scenario.ts';
import './share-link.ts';

export class ScenarioView extends StoreElement {
  static properties = { regionId: { state: true } };
  /** '' = national levers; otherwise the region whose overrides are edited. */
  declare regionId: string;

  constructor() {
    super();
    this.regionId = '';
  }

  static styles = [
    shared,
    css`
      .layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 1rem; align-items: start; }
      .groups { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 0.75rem; align-items: start; }
      fieldset { border: 1px solid #d8dee8; border-radius: 6px; background: #fff; margin: 0; padding: 0.25rem 0.75rem 0.5rem; }
      legend { font-weight: 650; padding: 0 0.3rem; display: flex; align-items: center; gap: 0.4rem; }
      legend i { width: 10px; height: 10px; border-radius: 2px; display: inline-block; }
      aside { position: sticky; top: 0.5rem; }
      .toolbar { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; margin-bottom: 0.75rem; }
      input#name { width: 16rem; }
      .files { display: flex; gap: 0.75rem; align-items: start; flex-wrap: wrap; margin-bottom: 0.75rem; }
      .files sh-share-link { flex: 1; min-width: 20rem; }
      @media (max-width: 1000px) { .layout { grid-template-columns: 1fr; } aside { position: static; } }
    `,
  ];

  private change(e: CustomEvent<{ lever: Lever; value: number | null }>) {
    const { lever, value } = e.detail;
    store.setScenario(setLever(lever, store.scenario, store.regions, value, this.regionId || undefined));
  }

  private renderLevers(levers: readonly Lever[]) {
    const s = store.scenario,
      rid = this.regionId || undefined;
    return TABLES.map((t) => {
      const ls = levers.filter((l) => l.table === t.id);
      if (!ls.length) return '';
      return html`<fieldset data-table=${t.id}>
        <legend><i style="background:${t.colour}"></i>${t.label}</legend>
        ${ls.map(
          (
            l,
          ) => html`<sh-lever data-lever=${l.key} .lever=${l} .value=${leverValue(l, s, store.regions, rid)} ?isSet=${leverIsSet(l, s, rid)}
          .errors=${issuesForLever(l, store.issues, rid)} inherited=${rid ? 'Nu: landelijke waarde of regiogegevens.' : ''}></sh-lever>`,
        )}
      </fieldset>`;
    });
  }

  /** Starts again from one of the base scenarios (the bundled base, the reference 2030, current tax rates); the weather year stays. */
  private startFrom(id: string) {
    const base = BASE_SCENARIOS.find((b) => b.id === id) ?? BASE_SCENARIOS[0];
    store.setScenario(withWeatherYear(base.scenario(), store.scenario.national.weatherYear ?? null), {
      id: null,
      version: null,
    });
  }

  override render() {
    const rid = this.regionId;
    const levers = rid ? REGION_LEVERS : LEVERS;
    const stray = unclaimedIssues(levers, store.issues, rid || undefined);
    const overridden = Object.keys(store.scenario.regions);
    return html`
      <div class="toolbar">
        <h2 style="margin:0">Scenario</h2>
        <label for="name">Naam</label>
        <input id="name" type="text" .value=${store.scenario.name}
          @change=${(e: Event) => store.setScenario({ ...store.scenario, name: (e.target as HTMLInputElement).value })} />
        <label for="scope">Instellen voor</label>
        <select id="scope" @change=${(e: Event) => (this.regionId = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!rid}>Heel Nederland (alle regio’s)</option>
          ${store.regions.map((r) => html`<option value=${r.id} ?selected=${r.id === rid}>${r.name}${overridden.includes(r.id) ? ' •' : ''}</option>`)}
        </select>
        <label for="base">Basis</label>
        <select id="base" title="Het scenario waarvan u uitgaat; kiezen vervangt het huidige scenario (het weerjaar blijft)"
          @change=${(e: Event) => this.startFrom((e.target as HTMLSelectElement).value)}>
          ${BASE_SCENARIOS.map((b) => html`<option value=${b.id} ?selected=${b.label === store.base.name}>${b.label}</option>`)}
        </select>
        <button title="Alle keuzes terug naar de basis; het weerjaar blijft"
          @click=${() => this.startFrom(BASE_SCENARIOS.find((b) => b.label === store.base.name)?.id ?? 'res1')}>Terug naar basis</button>
      </div>
      <div class="files">
        <sh-export-scenario></sh-export-scenario>
        <sh-share-link></sh-share-link>
      </div>
      <p class="lead">
        ${
          rid
            ? html`Instellingen voor <strong>${store.regionName(rid)}</strong> gaan vóór de landelijke waarden. ↺ haalt de regio-instelling weg.`
            : html`Landelijke keuzes per klimaattafel. De basis is de 2030-productie <span class="badge">RES 1.0 indicatief</span>
            (geen officiële biedingen). Regio’s met eigen instellingen zijn gemarkeerd met • in de keuzelijst.`
        }
      </p>
      ${
        stray.length
          ? html`<div class="errorbox" role="alert">${distinct(stray.map((i) => dutchIssue(i))).map((m) => html`<div>${m}</div>`)}</div>`
          : ''
      }
      <div class="layout">
        <div class="groups" @lever-change=${this.change}>${this.renderLevers(levers)}</div>
        <aside><sh-kpi-panel .regionId=${rid}></sh-kpi-panel></aside>
      </div>
      <sh-finance-panel style="display:block;margin-top:1rem"></sh-finance-panel>
    `;
  }
}
customElements.define('sh-scenario-view', ScenarioView);
