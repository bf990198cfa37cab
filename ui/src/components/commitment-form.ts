/**
 * Form to add a commitment or record a change to one (a new version). Numbers are typed the Dutch
 * way ("3,45"); the server's per-field problems are shown next to the fields, in Dutch.
 */
import { LitElement, html, css, type PropertyValues } from 'lit';
import {
  ACTOR_KINDS,
  COMMITMENT_STATUSES,
  KIND_QUANTITIES,
  type CommitmentKind,
} from '../../../engine/intekenboek/types.ts';
import { ApiError, type Issue, type RegionInfo } from '../api.ts';
import { parseNum } from '../format.ts';
import { type Commitment, type CommitmentRecord, saveCommitment } from '../intekenboek-api.ts';
import { ACTOR_KIND_LABELS, dutchMessage, KIND_LABELS, QUANTITY_LABELS, STATUS_LABELS } from '../intekenboek-labels.ts';
import { commitmentWriteBlock } from '../permissions.ts';
import { session } from '../session.ts';
import { shared } from '../styles.ts';

type Fields = Record<string, string>;

const EMPTY: Fields = {
  actor: '',
  actorKind: 'res-regio',
  region: '',
  kind: 'res',
  purpose: '',
  year: '2030',
  status: 'bod',
  source: '',
  note: '',
  author: '',
};

const numberText = (x: number | undefined) => (x === undefined ? '' : String(x).replace('.', ','));

function fieldsOf(record: CommitmentRecord, author: string): Fields {
  const fields: Fields = {
    actor: record.actor,
    actorKind: record.actorKind,
    region: record.region ?? '',
    kind: record.kind,
    purpose: record.quantities.purpose ?? '',
    year: String(record.year),
    status: record.status,
    source: record.source,
    note: record.note,
    author,
  };
  for (const name of KIND_QUANTITIES[record.kind]) fields[name] = numberText(record.quantities[name]);
  return fields;
}

export class CommitmentForm extends LitElement {
  static properties = {
    regions: { attribute: false },
    editing: { attribute: false },
    fields: { state: true },
    issues: { state: true },
    message: { state: true },
    saving: { state: true },
  };
  declare regions: RegionInfo[];
  /** The commitment being changed, or null to add a new one. */
  declare editing: CommitmentRecord | null;
  declare fields: Fields;
  declare issues: Issue[];
  declare message: string;
  declare saving: boolean;

  constructor() {
    super();
    this.regions = [];
    this.editing = null;
    this.fields = { ...EMPTY };
    this.issues = [];
    this.message = '';
    this.saving = false;
  }

  static styles = [
    shared,
    css`
      form { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.5rem 0.75rem; }
      .field { display: flex; flex-direction: column; gap: 0.15rem; }
      .field input, .field select { width: 100%; }
      .wide { grid-column: 1 / -1; }
      .error { font-size: 0.78rem; }
      .actions { grid-column: 1 / -1; display: flex; gap: 0.5rem; align-items: center; }
      .ok { color: #1b5e20; font-size: 0.85rem; }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('editing')) {
      this.fields = this.editing
        ? fieldsOf(this.editing, this.fields.author)
        : { ...EMPTY, author: this.fields.author };
      this.issues = [];
      this.message = '';
    }
  }

  private set(name: string, value: string) {
    this.fields = { ...this.fields, [name]: value };
  }

  private errorsAt(path: string) {
    const mine = this.issues.filter((i) => i.path === path);
    return mine.map((i) => html`<div class="error" role="alert">${dutchMessage(i.message)}</div>`);
  }

  /** The commitment as the API takes it; numbers that cannot be read are reported here, before sending. */
  private build(): { commitment: Commitment; issues: Issue[] } {
    const f = this.fields;
    const kind = f.kind as CommitmentKind;
    const quantities: Record<string, number | string> = {};
    const issues: Issue[] = [];
    for (const name of KIND_QUANTITIES[kind]) {
      if (f[name] === undefined || f[name].trim() === '') continue;
      const value = parseNum(f[name]);
      if (Number.isNaN(value)) issues.push({ path: `quantities.${name}`, message: 'must be a finite number' });
      else quantities[name] = value;
    }
    if (kind === 'financiering' && f.purpose.trim()) quantities.purpose = f.purpose.trim();
    const year = Number(f.year);
    const commitment = {
      actor: f.actor,
      actorKind: f.actorKind,
      region: f.region === '' ? null : f.region,
      kind,
      quantities,
      year: Number.isFinite(year) && f.year.trim() !== '' ? year : Number.NaN,
      status: f.status,
      source: f.source,
      note: f.note,
      author: f.author,
    } as Commitment;
    if (Number.isNaN(commitment.year)) issues.push({ path: 'year', message: 'must be a year such as 2030' });
    return { commitment, issues };
  }

  private async submit(e: Event) {
    e.preventDefault();
    const { commitment, issues } = this.build();
    this.message = '';
    if (issues.length) {
      this.issues = issues;
      return;
    }
    this.saving = true;
    try {
      const saved = await saveCommitment(commitment, this.editing?.id, this.editing?.latestVersion);
      this.issues = [];
      this.message = this.editing ? `Wijziging opgeslagen (versie ${saved.version}).` : 'Toezegging toegevoegd.';
      if (!this.editing) this.fields = { ...EMPTY, author: this.fields.author };
      this.dispatchEvent(new CustomEvent('commitment-saved', { detail: saved, bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) this.issues = error.issues;
      else if (error instanceof ApiError && error.status === 409)
        this.issues = [
          { path: '', message: 'Iemand anders heeft deze toezegging intussen gewijzigd; laad haar opnieuw.' },
        ];
      else this.issues = [{ path: '', message: (error as Error).message }];
    } finally {
      this.saving = false;
    }
  }

  private input(name: string, label: string, opts: { wide?: boolean; placeholder?: string } = {}) {
    return html`<div class="field ${opts.wide ? 'wide' : ''}">
      <label for="c-${name}">${label}</label>
      <input id="c-${name}" type="text" .value=${this.fields[name] ?? ''} placeholder=${opts.placeholder ?? ''}
        @input=${(e: Event) => this.set(name, (e.target as HTMLInputElement).value)} />
      ${this.errorsAt(name)}
    </div>`;
  }

  private select(name: string, label: string, options: Array<[string, string]>) {
    return html`<div class="field">
      <label for="c-${name}">${label}</label>
      <select id="c-${name}" @change=${(e: Event) => this.set(name, (e.target as HTMLSelectElement).value)}>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${this.fields[name] === value}>${text}</option>`)}
      </select>
      ${this.errorsAt(name)}
    </div>`;
  }

  /** Why the signed-in account may not save this commitment (as stored, and as filled in), or ''. */
  private blocked(): string {
    const f = this.fields;
    const asFilled = commitmentWriteBlock(session, { region: f.region || null, kind: f.kind, actor: f.actor });
    const stored = this.editing ? commitmentWriteBlock(session, this.editing) : '';
    return stored || asFilled;
  }

  override render() {
    const kind = this.fields.kind as CommitmentKind;
    const blocked = this.blocked();
    const stray = this.issues.filter(
      (i) =>
        !['actor', 'actorKind', 'region', 'kind', 'year', 'status', 'source', 'note', 'author'].includes(i.path) &&
        !i.path.startsWith('quantities.'),
    );
    return html`
      <h3>${this.editing ? html`Toezegging wijzigen: ${this.editing.actor} (nu versie ${this.editing.latestVersion})` : 'Toezegging toevoegen'}</h3>
      <form @submit=${this.submit} novalidate>
        ${this.input('actor', 'Wie (actor)', { placeholder: 'RES-regio Groningen' })}
        ${this.select(
          'actorKind',
          'Soort actor',
          ACTOR_KINDS.map((k) => [k, ACTOR_KIND_LABELS[k]]),
        )}
        ${this.select('region', 'Regio', [['', 'Landelijk (geen regio)'], ...this.regions.map((r): [string, string] => [r.id, r.name])])}
        ${this.select(
          'kind',
          'Soort toezegging',
          Object.keys(KIND_QUANTITIES).map((k) => [k, KIND_LABELS[k as CommitmentKind]]),
        )}
        ${KIND_QUANTITIES[kind].map((name) => {
          const [label, unit] = QUANTITY_LABELS[name];
          return html`<div class="field">
            <label for="c-q-${name}">${label} (${unit})</label>
            <input id="c-q-${name}" type="text" inputmode="decimal" .value=${this.fields[name] ?? ''}
              @input=${(e: Event) => this.set(name, (e.target as HTMLInputElement).value)} />
            ${this.errorsAt(`quantities.${name}`)}
          </div>`;
        })}
        ${kind === 'financiering' ? this.input('purpose', 'Waarvoor', { placeholder: 'netverzwaring' }) : ''}
        ${this.errorsAt('quantities.purpose')}
        ${this.input('year', 'Uiterlijk in (jaar)')}
        ${this.select(
          'status',
          'Status',
          COMMITMENT_STATUSES.map((s) => [s, STATUS_LABELS[s]]),
        )}
        ${this.input('source', 'Bron (besluit, link)', { wide: true })}
        ${this.input('note', 'Toelichting', { wide: true })}
        ${
          session.mode === 'accounts' && session.user
            ? html`<div class="field" id="c-account">Ingevoerd door <strong>${session.user.username}</strong> (uw account)</div>`
            : this.input('author', 'Ingevoerd door')
        }
        ${this.errorsAt('quantities')}
        ${stray.map((i) => html`<div class="error wide" role="alert">${i.path ? `${i.path}: ` : ''}${dutchMessage(i.message)}</div>`)}
        <div class="actions">
          <button id="c-save" class="primary" type="submit" ?disabled=${this.saving || !!blocked} title=${blocked}>${this.editing ? 'Wijziging opslaan' : 'Toevoegen'}</button>
          ${this.editing ? html`<button type="button" @click=${() => this.dispatchEvent(new CustomEvent('edit-cancel', { bubbles: true, composed: true }))}>Annuleren</button>` : ''}
          <span class="ok" role="status">${this.message}</span>
        </div>
        ${blocked ? html`<div class="muted wide" id="c-blocked">${blocked}</div>` : ''}
      </form>
    `;
  }
}
customElements.define('sh-commitment-form', CommitmentForm);
