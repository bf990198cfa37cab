/** Version history of one saved scenario; any version can be loaded into the editor. */
import { LitElement, html, css, type PropertyValues } from 'lit';
import { shared } from '../styles.ts';
import { dutchFailure, getScenario, getVersions, type ScenarioVersion } from '../api.ts';
import { session } from '../session.ts';
import { store } from '../store.ts';

const when = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short' });

export class VersionHistory extends LitElement {
  static properties = { scenarioId: {}, versions: { state: true }, failure: { state: true } };
  declare scenarioId: string;
  declare versions: ScenarioVersion[];
  declare failure: string;

  constructor() {
    super();
    this.scenarioId = '';
    this.versions = [];
    this.failure = '';
  }

  static styles = [shared, css`ol { padding-left: 1.2rem; margin: 0; font-size: 0.85rem; } li { margin: 0.25rem 0; }`];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scenarioId') && this.scenarioId) void this.load();
  }

  /** (Re)loads the versions of the chosen scenario; without one there is nothing to ask the server. */
  async load() {
    const id = this.scenarioId;
    if (!id) return;
    try {
      const versions = (await getVersions(id)).sort((a, b) => b.version - a.version);
      if (id !== this.scenarioId) return; // another scenario was chosen meanwhile
      this.versions = versions;
      this.failure = '';
    } catch (e) {
      if (id === this.scenarioId) this.failure = dutchFailure(e, 'de versies');
    }
  }

  private async open(v: number) {
    let rec: Awaited<ReturnType<typeof getScenario>>;
    try {
      rec = await getScenario(this.scenarioId, v);
    } catch (e) {
      this.failure = dutchFailure(e, `versie ${v}`, false);
      return;
    }
    store.setScenario({ ...rec.scenario, name: rec.name }, { id: rec.id, version: rec.latestVersion ?? rec.version });
    location.hash = '#/scenario';
  }

  /** On a shared server the author is an account (set by the server from the sign-in). */
  private renderAuthor(author: string) {
    if (session.mode === 'accounts')
      return html`<span class="account" title="Account">👤 ${author || 'onbekend'}</span>`;
    return author || 'onbekend';
  }

  override render() {
    if (!this.scenarioId) return html`<div class="muted">Kies “Versies” bij een scenario.</div>`;
    return html`${this.failure ? html`<div class="error" role="alert">${this.failure}</div>` : ''}
      <ol reversed>
        ${this.versions.map((v) => {
          const t = v.createdAt ?? v.savedAt;
          return html`<li>
            <strong>v${v.version}</strong> · ${this.renderAuthor(v.author)} · ${t ? when.format(new Date(t)) : ''}
            ${v.note ? html`<div class="muted">${v.note}</div>` : ''}
            <button @click=${() => void this.open(v.version)} aria-label="Versie ${v.version} laden in Scenario">Laden</button>
          </li>`;
        })}
      </ol>`;
  }
}
customElements.define('sh-version-history', VersionHistory);
