/**
 * Saves the scenario being edited: as a new scenario, or as a new version of the saved one it
 * came from (with the version it was based on, so the server can refuse an overwrite with 409).
 * Emits `saved` with `{ id, version }`.
 */
import { dutchError, dutchLocation, dutchMessage, shownAt } from '../messages.ts';
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import { ApiError, saveScenario, type Issue } from '../api.ts';
import { scenarioSaveBlock } from '../permissions.ts';
import { session } from '../session.ts';

const AUTHOR_KEY = 'samenhang.author';

export class SaveForm extends StoreElement {
  static properties = {
    issues: { state: true },
    message: { state: true },
    author: { state: true },
    note: { state: true },
  };
  declare issues: Issue[];
  declare message: string;
  declare author: string;
  declare note: string;

  constructor() {
    super();
    this.issues = [];
    this.message = '';
    this.author = localStorage.getItem(AUTHOR_KEY) ?? '';
    this.note = '';
  }

  static styles = [
    shared,
    css`
      form { display: grid; grid-template-columns: 6rem minmax(0, 1fr); gap: 0.35rem 0.5rem; align-items: center; }
      form input, form textarea { width: 100%; font: inherit; }
      textarea { border: 1px solid #8a97ab; border-radius: 4px; padding: 0.25rem 0.4rem; min-height: 3rem; }
      .buttons { grid-column: 2; display: flex; gap: 0.5rem; flex-wrap: wrap; }
      .error { grid-column: 2; }
      .ok { grid-column: 1 / -1; color: #1b5e20; font-size: 0.85rem; }
    `,
  ];

  private errs(field: string) {
    return this.issues
      .filter((i) => i.path === field)
      .map((i) => html`<div class="error" role="alert">${i.message}</div>`);
  }

  private async save(asNew: boolean) {
    this.issues = [];
    this.message = '';
    localStorage.setItem(AUTHOR_KEY, this.author);
    const name = store.scenario.name;
    try {
      const id = asNew ? undefined : (store.savedId ?? undefined);
      const res = await saveScenario(
        {
          name,
          author: this.author,
          note: this.note,
          scenario: store.scenario,
          ...(id && store.savedVersion ? { baseVersion: store.savedVersion } : {}),
        },
        id,
      );
      store.savedId = res.id;
      store.savedVersion = res.version;
      this.message = `Opgeslagen: “${name}”, versie ${res.version}.`;
      this.note = '';
      this.dispatchEvent(new CustomEvent('saved', { detail: res, bubbles: true, composed: true }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409)
        this.issues = [
          {
            path: '',
            message:
              'Iemand anders heeft intussen een nieuwere versie opgeslagen. Laad die eerst, of sla op als nieuw scenario.',
          },
        ];
      else if (e instanceof ApiError && e.issues.length)
        this.issues = e.issues.map((i) => ({ path: i.path, message: dutchMessage(i.message, shownAt(i.path)) }));
      else this.issues = [{ path: '', message: dutchError(e) }];
    }
  }

  /** On a shared server the author is the signed-in account, not a typed name. */
  private renderAuthor() {
    if (session.mode === 'accounts' && session.user)
      return html`<span>Auteur</span><span id="save-account"><strong>${session.user.username}</strong> (uw account)</span>`;
    return html`<label for="save-author">Auteur</label>
      <input id="save-author" type="text" .value=${this.author} @input=${(e: Event) => (this.author = (e.target as HTMLInputElement).value)} />
      ${this.errs('author')}`;
  }

  override render() {
    const blocked = scenarioSaveBlock(session, store.scenario);
    const other = this.issues.filter((i) => !['name', 'author', 'note'].includes(i.path));
    return html`<form @submit=${(e: Event) => {
      e.preventDefault();
      void this.save(!store.savedId);
    }}>
      <label for="save-name">Naam</label>
      <input id="save-name" type="text" .value=${store.scenario.name}
        @change=${(e: Event) => store.setScenario({ ...store.scenario, name: (e.target as HTMLInputElement).value })} />
      ${this.errs('name')}
      ${this.renderAuthor()}
      <label for="save-note">Toelichting</label>
      <textarea id="save-note" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea>
      ${this.errs('note')}
      <div class="buttons">
        <button type="button" class="primary" id="save-new" ?disabled=${!!blocked} title=${blocked} @click=${() => void this.save(true)}>Opslaan als nieuw scenario</button>
        ${
          store.savedId
            ? html`<button type="button" id="save-version" ?disabled=${!!blocked} title=${blocked} @click=${() => void this.save(false)}>Nieuwe versie (nu v${store.savedVersion})</button>`
            : ''
        }
      </div>
      ${blocked ? html`<div class="muted" id="save-blocked" style="grid-column: 2">${blocked}</div>` : ''}
      ${other.map((i) => html`<div class="error" role="alert">${i.path ? `${dutchLocation(i.path)}: ` : ''}${i.message}</div>`)}
      ${this.message ? html`<div class="ok" role="status">${this.message}</div>` : ''}
    </form>`;
  }
}
customElements.define('sh-save-form', SaveForm);
