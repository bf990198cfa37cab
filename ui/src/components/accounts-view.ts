/**
 * Gebruikers: the accounts of a shared server, for beheerders. List, add, change roles, set a new
 * password, disable and enable. The server checks every change against the role in one place;
 * this page only offers what a beheerder may do and words every problem in Dutch.
 */
import { css, html, LitElement } from 'lit';
import {
  type Account,
  accountErrorText,
  addAccount,
  listAccounts,
  passwordProblem,
  type RolesForm,
  rolesForm,
  rolesFromForm,
  setAccountEnabled,
  setAccountPassword,
  setAccountRoles,
  usernameProblem,
} from '../accounts.ts';
import { accountsBlock, roleLabel } from '../permissions.ts';
import { session } from '../session.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';

const DATE = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short' });
const showDate = (iso: string) => DATE.format(new Date(iso));

/** What the panel below the table edits: one account's roles or password. */
type Editing = { kind: 'roles'; username: string; form: RolesForm } | { kind: 'password'; username: string };

const EMPTY_ROLES: RolesForm = { beheerder: false, programmateam: false, lezer: true, regions: '', operators: '' };

export class AccountsView extends LitElement {
  static properties = {
    accounts: { state: true },
    editing: { state: true },
    message: { state: true },
    failure: { state: true },
    busy: { state: true },
    newRoles: { state: true },
    newExternal: { state: true },
  };
  declare accounts: Account[] | null;
  declare editing: Editing | null;
  declare message: string;
  declare failure: string;
  declare busy: boolean;
  declare newRoles: RolesForm;
  declare newExternal: boolean;

  constructor() {
    super();
    this.accounts = null;
    this.editing = null;
    this.message = '';
    this.failure = '';
    this.busy = false;
    this.newRoles = { ...EMPTY_ROLES };
    this.newExternal = false;
  }

  static styles = [
    shared,
    css`
      :host { display: grid; gap: 1rem; max-width: 70rem; }
      h2 { margin: 0; font-size: 1.1rem; }
      h3 { margin: 0 0 0.5rem; font-size: 1rem; }
      td.actions { white-space: nowrap; display: flex; gap: 0.3rem; flex-wrap: wrap; }
      tr.disabled td { color: #6b7686; }
      form { display: grid; gap: 0.45rem; max-width: 34rem; }
      fieldset { border: 1px solid #d8dee8; border-radius: 4px; display: grid; gap: 0.35rem; padding: 0.4rem 0.7rem; }
      legend { font-size: 0.85rem; }
      input[type='text'], input[type='password'] { width: 100%; box-sizing: border-box; }
      .ok { color: #1b5e20; font-size: 0.85rem; }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    if (!accountsBlock(session)) void this.reload();
  }

  private async reload(): Promise<void> {
    try {
      this.accounts = await listAccounts();
    } catch (error) {
      this.failure = accountErrorText(error);
    }
  }

  /** Runs one change, then shows `done` (or the problem) and the fresh list. */
  private async change(operation: () => Promise<unknown>, done: string): Promise<boolean> {
    this.busy = true;
    this.message = '';
    this.failure = '';
    try {
      await operation();
      await this.reload();
      this.message = done;
      return true;
    } catch (error) {
      this.failure = accountErrorText(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private refuse(problem: string): void {
    this.message = '';
    this.failure = problem;
  }

  private knownRegions(): string[] {
    return store.regions.map((region) => region.id);
  }

  private async submitNew(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    const password = this.newExternal ? null : String(data.get('password') ?? '');
    const roles = rolesFromForm(this.newRoles, this.knownRegions());
    const problem =
      usernameProblem(username) ||
      (typeof roles === 'string' ? roles : '') ||
      (password === null ? '' : passwordProblem(password));
    if (problem) return this.refuse(problem);
    const added = await this.change(
      () => addAccount(username, roles as string[], password),
      `Gebruiker ${username} is toegevoegd.`,
    );
    if (added) {
      form.reset();
      this.newRoles = { ...EMPTY_ROLES };
      this.newExternal = false;
    }
  }

  private async submitRoles(e: Event): Promise<void> {
    e.preventDefault();
    if (this.editing?.kind !== 'roles') return;
    const { username, form } = this.editing;
    const roles = rolesFromForm(form, this.knownRegions());
    if (typeof roles === 'string') return this.refuse(roles);
    const roleText = roles.map(roleLabel).join(', ');
    if (await this.change(() => setAccountRoles(username, roles), `Rollen van ${username}: ${roleText}.`))
      this.editing = null;
  }

  private async submitPassword(e: Event): Promise<void> {
    e.preventDefault();
    if (this.editing?.kind !== 'password') return;
    const { username } = this.editing;
    const password = String(new FormData(e.target as HTMLFormElement).get('password') ?? '');
    const problem = passwordProblem(password);
    if (problem) return this.refuse(problem);
    const done = `Nieuw wachtwoord voor ${username} ingesteld; ${username} is overal afgemeld.`;
    if (await this.change(() => setAccountPassword(username, password), done)) this.editing = null;
  }

  private toggle(account: Account): void {
    const enable = account.disabledAt !== null;
    const done = enable
      ? `${account.username} kan zich weer aanmelden.`
      : `${account.username} is uitgeschakeld: afgemeld, en sleutels werken niet meer.`;
    void this.change(() => setAccountEnabled(account.username, enable), done);
  }

  private isSelf(account: Account): boolean {
    return account.username.toLowerCase() === session.user?.username.toLowerCase();
  }

  /** Checkboxes for the plain roles and fields for regions and grid operators; `lockBeheerder` for one's own account. */
  private renderRoles(id: string, form: RolesForm, update: (form: RolesForm) => void, lockBeheerder = false) {
    const check = (role: 'beheerder' | 'programmateam' | 'lezer', label: string) => html`<label>
      <input type="checkbox" id="${id}-${role}" .checked=${form[role]} ?disabled=${role === 'beheerder' && lockBeheerder}
        @change=${(e: Event) => update({ ...form, [role]: (e.target as HTMLInputElement).checked })} />
      ${label}
    </label>`;
    return html`<fieldset>
      <legend>Rollen</legend>
      ${check('beheerder', 'beheerder — beheert gebruikers')}
      ${lockBeheerder ? html`<span class="muted">Uw eigen beheerdersrol kan alleen een andere beheerder afnemen.</span>` : ''}
      ${check('programmateam', 'programmateam — mag alles wijzigen')}
      ${check('lezer', 'lezer — alleen lezen')}
      <label for="${id}-regions">RES-regio’s (codes, gescheiden door komma’s)</label>
      <input type="text" id="${id}-regions" placeholder="bijvoorbeeld ES01, ES02" .value=${form.regions}
        @input=${(e: Event) => update({ ...form, regions: (e.target as HTMLInputElement).value })} />
      <label for="${id}-operators">Netbeheerder (naam)</label>
      <input type="text" id="${id}-operators" placeholder="bijvoorbeeld Liander" .value=${form.operators}
        @input=${(e: Event) => update({ ...form, operators: (e.target as HTMLInputElement).value })} />
    </fieldset>`;
  }

  private renderRow(account: Account) {
    const self = this.isSelf(account);
    const disabled = account.disabledAt !== null;
    return html`<tr data-account=${account.username} class=${disabled ? 'disabled' : ''}>
      <td>${account.username}${self ? html` <span class="badge">u</span>` : ''}</td>
      <td>${account.roles.map(roleLabel).join(', ')}</td>
      <td>${account.external ? `via ${session.oidc?.label ?? 'uw organisatie'}` : 'wachtwoord'}</td>
      <td>${showDate(account.createdAt)}</td>
      <td>${disabled ? `uitgeschakeld sinds ${showDate(account.disabledAt as string)}` : 'actief'}</td>
      <td class="actions">
        <button ?disabled=${this.busy} aria-label="Rollen van ${account.username} wijzigen"
          @click=${() => (this.editing = { kind: 'roles', username: account.username, form: rolesForm(account.roles) })}>Rollen</button>
        <button ?disabled=${this.busy} aria-label="Nieuw wachtwoord voor ${account.username}"
          @click=${() => (this.editing = { kind: 'password', username: account.username })}>Wachtwoord</button>
        <button ?disabled=${this.busy || (self && !disabled)} aria-label="${disabled ? 'Inschakelen' : 'Uitschakelen'}: ${account.username}"
          title=${self ? 'Uw eigen account kan alleen een andere beheerder uitschakelen.' : ''}
          @click=${() => this.toggle(account)}>${disabled ? 'Inschakelen' : 'Uitschakelen'}</button>
      </td>
    </tr>`;
  }

  private renderEditor() {
    const editing = this.editing;
    if (!editing) return '';
    const cancel = html`<button type="button" @click=${() => (this.editing = null)}>Annuleren</button>`;
    if (editing.kind === 'password')
      return html`<section class="card" aria-labelledby="edit-title">
        <h3 id="edit-title">Nieuw wachtwoord voor ${editing.username}</h3>
        <form id="password-form" @submit=${this.submitPassword}>
          <label for="password-new">Nieuw wachtwoord (minstens 12 tekens)</label>
          <input type="password" id="password-new" name="password" autocomplete="new-password" required />
          <span class="muted">${editing.username} wordt overal afgemeld. Geef het wachtwoord langs een veilige weg door.</span>
          <div class="row"><button class="primary" type="submit" ?disabled=${this.busy}>Instellen</button>${cancel}</div>
        </form>
      </section>`;
    const lock = this.isSelf({ username: editing.username } as Account);
    return html`<section class="card" aria-labelledby="edit-title">
      <h3 id="edit-title">Rollen van ${editing.username}</h3>
      <form id="roles-form" @submit=${this.submitRoles}>
        ${this.renderRoles('edit', editing.form, (form) => (this.editing = { ...editing, form }), lock)}
        <div class="row"><button class="primary" type="submit" ?disabled=${this.busy}>Opslaan</button>${cancel}</div>
      </form>
    </section>`;
  }

  private renderAdd() {
    return html`<section class="card" aria-labelledby="add-title">
      <h3 id="add-title">Gebruiker toevoegen</h3>
      <form id="account-add" @submit=${this.submitNew}>
        <label for="add-username">Gebruikersnaam</label>
        <input type="text" id="add-username" name="username" autocomplete="off" required />
        ${this.renderRoles('add', this.newRoles, (form) => (this.newRoles = form))}
        ${
          session.oidc
            ? html`<label><input type="checkbox" id="add-external" .checked=${this.newExternal}
                @change=${(e: Event) => (this.newExternal = (e.target as HTMLInputElement).checked)} />
                Geen wachtwoord: meldt zich alleen aan via ${session.oidc.label}</label>`
            : ''
        }
        ${
          this.newExternal
            ? ''
            : html`<label for="add-password">Wachtwoord (minstens 12 tekens)</label>
                <input type="password" id="add-password" name="password" autocomplete="new-password" required />`
        }
        <div class="row"><button class="primary" type="submit" ?disabled=${this.busy}>Toevoegen</button></div>
      </form>
    </section>`;
  }

  override render() {
    const blocked = accountsBlock(session);
    if (blocked) return html`<h2>Gebruikers</h2><p class="muted" id="accounts-blocked">${blocked}</p>`;
    return html`
      <h2>Gebruikers</h2>
      <p class="muted">
        Wie zich op deze server aanmeldt en wat die mag. Uitschakelen meldt iemand direct af en stopt diens
        API-sleutels; alle wijzigingen staan in het auditlogboek.
      </p>
      ${this.failure ? html`<div class="errorbox" role="alert">${this.failure}</div>` : ''}
      ${this.message ? html`<div class="ok" role="status">${this.message}</div>` : ''}
      ${
        this.accounts === null
          ? html`<p role="status">Laden…</p>`
          : html`<table id="accounts-table">
              <thead><tr><th>Gebruikersnaam</th><th>Rollen</th><th>Aanmelden met</th><th>Aangemaakt</th><th>Status</th><th>Wijzigen</th></tr></thead>
              <tbody>${this.accounts.map((account) => this.renderRow(account))}</tbody>
            </table>`
      }
      ${this.renderEditor()} ${this.renderAdd()}
    `;
  }
}
customElements.define('sh-accounts-view', AccountsView);
