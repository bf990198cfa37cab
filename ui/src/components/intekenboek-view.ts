/**
 * View "Intekenboek": the register of who commits to what. The Route 35 banner with the
 * escalation list, per region a bar of committed TWh against its fair share, the table of
 * commitments with filters, a form to add or change one, its history, CSV import/export, and
 * "Doorrekenen": the counted commitments as a scenario, opened in the Scenario view and the map.
 */
import { html, css } from 'lit';
import { COMMITMENT_STATUSES, KIND_QUANTITIES, type CommitmentKind } from '../../../engine/intekenboek/types.ts';
import { ApiError, type Issue } from '../api.ts';
import { num } from '../format.ts';
import {
  type CommitmentRecord,
  type CommitmentStatus,
  type CommitmentVersion,
  commitmentVersions,
  EXPORT_URL,
  getBuiltScenario,
  getSummary,
  importCsv,
  type IntekenboekSummary,
  listCommitments,
  withdrawCommitment,
} from '../intekenboek-api.ts';
import {
  ACTOR_KIND_LABELS,
  describeQuantities,
  dutchLocation,
  dutchMessage,
  KIND_LABELS,
  STATUS_LABELS,
} from '../intekenboek-labels.ts';
import { commitmentWriteBlock, importBlock } from '../permissions.ts';
import { session } from '../session.ts';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import './commitment-bars.ts';
import './commitment-form.ts';

const DEFAULT_COUNTED: CommitmentStatus[] = ['vastgesteld', 'vergund', 'gerealiseerd'];
const COUNTABLE: CommitmentStatus[] = ['bod', 'vastgesteld', 'vergund', 'gerealiseerd'];
const when = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short' });

interface Filters {
  region: string;
  actor: string;
  kind: string;
  status: string;
}

export class IntekenboekView extends StoreElement {
  static properties = {
    records: { state: true },
    summary: { state: true },
    counted: { state: true },
    filters: { state: true },
    editing: { state: true },
    historyOf: { state: true },
    history: { state: true },
    importIssues: { state: true },
    importMessage: { state: true },
    failure: { state: true },
  };
  declare records: CommitmentRecord[];
  declare summary: (IntekenboekSummary & { dataset: string }) | null;
  declare counted: CommitmentStatus[];
  declare filters: Filters;
  declare editing: CommitmentRecord | null;
  declare historyOf: CommitmentRecord | null;
  declare history: CommitmentVersion[];
  declare importIssues: Issue[];
  declare importMessage: string;
  declare failure: string;
  private loadedFor = '';

  constructor() {
    super();
    this.records = [];
    this.summary = null;
    this.counted = [...DEFAULT_COUNTED];
    this.filters = { region: '', actor: '', kind: '', status: '' };
    this.editing = null;
    this.historyOf = null;
    this.history = [];
    this.importIssues = [];
    this.importMessage = '';
    this.failure = '';
  }

  static styles = [
    shared,
    css`
      .top { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; align-items: flex-start; margin-bottom: 0.6rem; }
      .banner { border-radius: 6px; padding: 0.6rem 0.9rem; margin-bottom: 0.75rem; }
      .banner.route35 { background: #fdecee; border: 2px solid #d32f2f; color: #5f0010; }
      .banner.ok { background: #e6f4ea; border: 2px solid #43a047; color: #133d17; }
      .banner h3 { margin: 0 0 0.3rem; font-size: 1.05rem; }
      .banner ol { margin: 0.3rem 0 0; padding-left: 1.6rem; columns: 2; font-size: 0.85rem; }
      .banner details { margin-top: 0.3rem; font-size: 0.85rem; }
      .banner summary { cursor: pointer; }
      .example { background: #fff8e1; border: 1px solid #f0d68a; color: #5c4300; padding: 0.4rem 0.75rem; border-radius: 4px; font-size: 0.85rem; margin-bottom: 0.75rem; }
      .grid { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
      .filters { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: end; margin-bottom: 0.4rem; }
      .filters label { display: flex; flex-direction: column; gap: 0.1rem; }
      .tablewrap { max-height: 26rem; overflow: auto; border: 1px solid #d8dee8; border-radius: 6px; background: #fff; }
      td.left, th.left { text-align: left; }
      /* Text cells wrap, so the table fits the window at full width (1024 px too). */
      td.left { white-space: normal; }
      td.wrap { min-width: 10rem; }
      tr.withdrawn td { color: #7b8594; text-decoration: line-through; }
      tr.withdrawn td.actions { text-decoration: none; }
      td.actions button { padding: 0.1rem 0.4rem; font-size: 0.78rem; }
      .counted { display: flex; gap: 0.6rem; flex-wrap: wrap; align-items: center; font-size: 0.85rem; }
      .tools { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; }
      .button { border: 1px solid #8a97ab; background: #fff; border-radius: 4px; padding: 0.3rem 0.7rem; color: #1d2633; text-decoration: none; font-size: 0.9rem; }
      .history ol { padding-left: 1.3rem; margin: 0.3rem 0; font-size: 0.85rem; }
      .history li { margin: 0.3rem 0; }
      @media (max-width: 1100px) { .grid { grid-template-columns: minmax(0, 1fr); } }
    `,
  ];

  override willUpdate(): void {
    // Load once the store knows the dataset, and again when the user picks another weather year.
    if (store.dataset && store.dataset !== this.loadedFor) {
      this.loadedFor = store.dataset;
      void this.load();
    }
  }

  /** Reloads the register and its summary. */
  async load(): Promise<void> {
    try {
      const [records, summary] = await Promise.all([listCommitments(), getSummary(store.dataset, this.counted)]);
      this.records = records;
      this.summary = summary;
      this.failure = '';
    } catch (error) {
      this.failure = `Het intekenboek kon niet worden geladen: ${(error as Error).message}`;
    }
  }

  private setCounted(status: CommitmentStatus, on: boolean) {
    this.counted = COUNTABLE.filter((s) => (s === status ? on : this.counted.includes(s)));
    void this.load();
  }

  private async showHistory(record: CommitmentRecord) {
    this.historyOf = record;
    this.history = (await commitmentVersions(record.id)).versions.reverse();
  }

  private async withdraw(record: CommitmentRecord) {
    const author = (this.renderRoot.querySelector('sh-commitment-form') as { fields?: Record<string, string> } | null)
      ?.fields?.author;
    await withdrawCommitment(record.id, author ?? '');
    await this.load();
    if (this.historyOf?.id === record.id) await this.showHistory(record);
  }

  private async onImport(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.importIssues = [];
    this.importMessage = '';
    try {
      const result = await importCsv(await file.text(), '');
      this.importMessage = `${num(result.imported, 0)} ${result.imported === 1 ? 'regel' : 'regels'} ingelezen: ${num(result.created, 0)} nieuw, ${num(result.updated, 0)} gewijzigd.`;
      await this.load();
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) this.importIssues = error.issues;
      else this.importMessage = `Inlezen mislukt: ${(error as Error).message}`;
    }
  }

  /** Doorrekenen: the counted commitments become the scenario of the Scenario view and the map. */
  private async calculate(view: 'scenario' | 'kaart') {
    try {
      const built = await getBuiltScenario(store.dataset, this.counted);
      store.setScenario({ ...built.scenario, name: 'Intekenboek doorgerekend' }, { id: null, version: null });
      location.hash = `#/${view}`;
    } catch (error) {
      this.failure = `Doorrekenen mislukt: ${(error as Error).message}`;
    }
  }

  private filtered(): CommitmentRecord[] {
    const f = this.filters;
    const actor = f.actor.trim().toLocaleLowerCase('nl');
    return this.records.filter(
      (c) =>
        (f.region === '' || (c.region ?? 'NL') === f.region) &&
        (actor === '' || c.actor.toLocaleLowerCase('nl').includes(actor)) &&
        (f.kind === '' || c.kind === f.kind) &&
        (f.status === '' || c.status === f.status),
    );
  }

  private setFilter(name: keyof Filters, value: string) {
    this.filters = { ...this.filters, [name]: value };
  }

  private renderBanner() {
    const s = this.summary;
    if (!s) return '';
    const r = s.res;
    const item = (e: (typeof r.escalation)[number]) =>
      html`<li data-region=${e.region}>${e.name}: tekort ${num(e.gapTWh, 2)} TWh <span class="muted">(telt ${num(e.countedTWh, 2)} van ${num(e.fairShareTWh, 2)} TWh)</span></li>`;
    // The five largest gaps stay in view; the rest of the escalation list folds open.
    const list = r.escalation.length
      ? html`<ol data-escalation>${r.escalation.slice(0, 5).map(item)}</ol>
          ${
            r.escalation.length > 5
              ? html`<details><summary>Alle ${num(r.escalation.length, 0)} regio’s onder hun eerlijk deel</summary>
                  <ol start="6">${r.escalation.slice(5).map(item)}</ol></details>`
              : ''
          }`
      : '';
    if (r.route35Triggered) {
      return html`<section class="banner route35" role="alert" data-route35="true">
        <h3>Route 35 in werking</h3>
        De toezeggingen die meetellen komen samen op <strong>${num(r.countedTWh, 2)} TWh</strong>,
        <strong>${num(r.gapTWh, 2)} TWh</strong> onder het doel van ${num(r.targetTWh, 0)} TWh. Het tekort wordt per regio
        besproken, de grootste achterstand op het eerlijk deel eerst (escalatielijst):
        ${list}
      </section>`;
    }
    return html`<section class="banner ok" role="status" data-route35="false">
      <h3>Doel gehaald: Route 35 is niet nodig</h3>
      De toezeggingen die meetellen komen samen op <strong>${num(r.countedTWh, 2)} TWh</strong> (doel ${num(r.targetTWh, 0)} TWh).
      ${r.escalation.length ? html`Regio’s onder hun eerlijk deel: ${list}` : ''}
    </section>`;
  }

  private renderTable(rows: CommitmentRecord[]) {
    return html`<div class="tablewrap">
      <table>
        <thead>
          <tr>
            <th class="left">Wie</th><th class="left">Regio</th><th class="left">Soort</th><th class="left">Wat</th>
            <th>Jaar</th><th class="left">Status</th><th>Versie</th><th class="left">Acties</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (c) => html`<tr class=${c.status === 'ingetrokken' ? 'withdrawn' : ''} data-id=${c.id}>
              <td class="left wrap" title=${c.source ? `Bron: ${c.source}` : ''}>
                ${c.actor} <span class="muted">(${ACTOR_KIND_LABELS[c.actorKind]})</span>
                ${c.example ? html`<span class="badge">voorbeeld</span>` : ''}
              </td>
              <td class="left">${c.region ? store.regionName(c.region) : 'Landelijk'}</td>
              <td class="left">${KIND_LABELS[c.kind]}</td>
              <td class="left wrap">${describeQuantities(c)}</td>
              <td>${c.year}</td>
              <td class="left">${STATUS_LABELS[c.status]}</td>
              <td>${c.latestVersion}</td>
              <td class="left actions">
                <button @click=${() => this.edit(c)} aria-label="${c.actor} wijzigen"
                  ?disabled=${!!commitmentWriteBlock(session, c)} title=${commitmentWriteBlock(session, c)}>Wijzigen</button>
                <button @click=${() => void this.showHistory(c)} aria-label="Geschiedenis van ${c.actor}">Geschiedenis</button>
                ${
                  c.status === 'ingetrokken'
                    ? ''
                    : html`<button @click=${() => void this.withdraw(c)} aria-label="${c.actor} intrekken"
                  ?disabled=${!!commitmentWriteBlock(session, c)} title=${commitmentWriteBlock(session, c)}>Intrekken</button>`
                }
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${rows.length === 0 ? html`<div class="muted" style="padding:0.5rem">Geen toezeggingen bij deze filters.</div>` : ''}
    </div>`;
  }

  /** Opens a commitment in the form, which sits above the table: brought into view. */
  private async edit(c: CommitmentRecord) {
    this.editing = c;
    await this.updateComplete;
    this.renderRoot.querySelector('#commitment-form-card')?.scrollIntoView({ block: 'nearest' });
  }

  private renderHistory() {
    if (!this.historyOf) return '';
    return html`<div class="card history" style="margin-top:0.75rem">
      <h3 style="margin-top:0">Geschiedenis: ${this.historyOf.actor}</h3>
      <ol reversed>
        ${this.history.map(
          (v) => html`<li data-version=${v.version}>
            <strong>v${v.version}</strong> · ${when.format(new Date(v.createdAt))} · ${v.author || 'onbekend'} ·
            ${STATUS_LABELS[v.status]} · ${describeQuantities(v)} · ${v.year}
            ${v.note ? html`<div class="muted">${v.note}</div>` : ''}
          </li>`,
        )}
      </ol>
      <button @click=${() => (this.historyOf = null)}>Sluiten</button>
    </div>`;
  }

  override render() {
    const rows = this.filtered();
    const examples = this.records.some((c) => c.example && c.status !== 'ingetrokken');
    return html`
      <div class="top">
        <div>
          <h2>Intekenboek</h2>
          <span class="muted">Wie doet wat: de toezeggingen van overheden en netbeheerders, met elke wijziging als nieuwe versie.</span>
        </div>
        <div class="tools">
          <button class="primary" id="ib-calculate" @click=${() => void this.calculate('scenario')}
            title="Maak een scenario van de toezeggingen die meetellen en open het in Scenario">Doorrekenen</button>
          <button id="ib-calculate-map" @click=${() => void this.calculate('kaart')}>Doorrekenen op de kaart</button>
          <a class="button" href=${EXPORT_URL} download="intekenboek.csv">Exporteren (CSV)</a>
          ${
            importBlock(session)
              ? ''
              : html`<label class="button" for="ib-import" style="cursor:pointer">Importeren (CSV)…</label>
          <input id="ib-import" type="file" accept=".csv,text/csv" @change=${this.onImport} hidden />`
          }
        </div>
      </div>
      ${this.failure ? html`<div class="errorbox" role="alert">${this.failure}</div>` : ''}
      ${
        this.importIssues.length
          ? html`<div class="errorbox" role="alert" data-import-errors>
              <strong>Niets ingelezen</strong>: het bestand heeft fouten. Verbeter deze regels en lees het opnieuw in.
              <ul>${this.importIssues.map((i) => html`<li>${dutchLocation(i.path)}: ${dutchMessage(i.message)}</li>`)}</ul>
            </div>`
          : ''
      }
      ${this.importMessage ? html`<div class="muted" role="status">${this.importMessage}</div>` : ''}
      ${
        examples
          ? html`<div class="example">
              <strong>Voorbeeldregister.</strong> De toezeggingen met <span class="badge">voorbeeld</span> zijn bij de eerste start
              geladen: de RES 1.0-biedingen van Drenthe, Noord-Holland Noord en Noord-Holland Zuid, het concept-RES-bod van
              Groningen (met bron) en één verzonnen netbeheerder-toezegging. Wijzig of trek ze in als u met echte gegevens werkt.
            </div>`
          : ''
      }
      ${this.renderBanner()}
      <div class="counted">
        <span>Meetellen voor het doel:</span>
        ${COUNTABLE.map(
          (s) => html`<label><input type="checkbox" data-counted=${s} .checked=${this.counted.includes(s)}
            @change=${(e: Event) => this.setCounted(s, (e.target as HTMLInputElement).checked)} /> ${STATUS_LABELS[s]}</label>`,
        )}
      </div>
      <div class="grid" style="margin-top:0.6rem">
        <div class="card">
          <h3 style="margin-top:0">Toegezegde TWh per regio tegen het eerlijk deel</h3>
          <sh-commitment-bars .summary=${this.summary}></sh-commitment-bars>
        </div>
        <div class="card" id="commitment-form-card">
          <sh-commitment-form .regions=${store.regions} .editing=${this.editing}
            @commitment-saved=${() => {
              this.editing = null;
              void this.load();
            }}
            @edit-cancel=${() => (this.editing = null)}></sh-commitment-form>
        </div>
      </div>
      <div class="filters" style="margin-top:0.75rem">
        <label>Regio
          <select id="f-region" @change=${(e: Event) => this.setFilter('region', (e.target as HTMLSelectElement).value)}>
            <option value="">Alle</option><option value="NL">Landelijk</option>
            ${store.regions.map((r) => html`<option value=${r.id}>${r.name}</option>`)}
          </select>
        </label>
        <label>Wie <input id="f-actor" type="text" placeholder="naam"
          @input=${(e: Event) => this.setFilter('actor', (e.target as HTMLInputElement).value)} /></label>
        <label>Soort
          <select id="f-kind" @change=${(e: Event) => this.setFilter('kind', (e.target as HTMLSelectElement).value)}>
            <option value="">Alle</option>
            ${Object.keys(KIND_QUANTITIES).map((k) => html`<option value=${k}>${KIND_LABELS[k as CommitmentKind]}</option>`)}
          </select>
        </label>
        <label>Status
          <select id="f-status" @change=${(e: Event) => this.setFilter('status', (e.target as HTMLSelectElement).value)}>
            <option value="">Alle</option>
            ${COMMITMENT_STATUSES.map((s) => html`<option value=${s}>${STATUS_LABELS[s]}</option>`)}
          </select>
        </label>
        <span class="muted">${num(rows.length, 0)} van ${num(this.records.length, 0)}</span>
      </div>
      ${this.renderTable(rows)}
      ${this.renderHistory()}
    `;
  }
}
customElements.define('sh-intekenboek-view', IntekenboekView);
