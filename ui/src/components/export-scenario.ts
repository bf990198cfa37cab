/**
 * The scenario as a file: "Download (JSON)" writes the scenario being edited in the API's format;
 * "Openen uit bestand" reads one back, has the server validate it and, if valid, makes it the
 * scenario being edited (and the base that changes are measured against). Problems are listed in
 * Dutch, one per field; a bad file never changes the current scenario.
 */
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import { downloadText, exportFileName } from '../export-download.ts';
import { readScenarioFile, scenarioFileText } from '../scenario-file.ts';

export class ExportScenario extends StoreElement {
  static properties = { messages: { state: true }, loaded: { state: true }, reading: { state: true } };
  /** Why the last upload was refused (Dutch, one line per problem). */
  declare messages: string[];
  /** The name of the last scenario read from a file, for the confirmation. */
  declare loaded: string;
  declare reading: boolean;

  constructor() {
    super();
    this.messages = [];
    this.loaded = '';
    this.reading = false;
  }

  static styles = [
    shared,
    css`
      :host { display: block; }
      .ok { color: #1b5e20; font-size: 0.85rem; }
      .errorbox { margin: 0.4rem 0 0; }
      input[type='file'] { display: none; }
    `,
  ];

  private download() {
    downloadText(
      scenarioFileText(store.scenario),
      exportFileName(store.scenario.name, 'scenario', 'json'),
      'application/json',
    );
  }

  private async upload(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    // The same file may be chosen again after fixing it: clear the choice.
    input.value = '';
    if (!file) return;
    this.reading = true;
    this.messages = [];
    this.loaded = '';
    try {
      const result = await readScenarioFile(file, store.dataset);
      if (result.ok) {
        store.setScenario(result.scenario, { id: null, version: null });
        this.loaded = result.scenario.name;
      } else {
        this.messages = result.messages;
      }
    } finally {
      this.reading = false;
    }
  }

  override render() {
    return html`<div class="row">
        <button id="scenario-download" title="Het scenario als JSON-bestand; ook te gebruiken met de opdrachtregel (samenhang evaluate)"
          @click=${this.download}>Scenario downloaden (JSON)</button>
        <button id="scenario-upload" ?disabled=${this.reading}
          @click=${() => (this.renderRoot.querySelector('#scenario-file') as HTMLInputElement).click()}>Scenario openen uit bestand…</button>
        <input id="scenario-file" type="file" accept=".json,application/json" @change=${(e: Event) => void this.upload(e)} />
        ${this.reading ? html`<span class="muted" role="status">Bestand controleren…</span>` : ''}
        ${this.loaded ? html`<span class="ok" role="status" id="scenario-loaded">Scenario “${this.loaded}” geopend uit bestand.</span>` : ''}
      </div>
      ${
        this.messages.length
          ? html`<div class="errorbox" role="alert" id="scenario-file-errors">
            <strong>Dit bestand is niet geopend; het huidige scenario is ongewijzigd.</strong>
            ${this.messages.map((m) => html`<div>${m}</div>`)}
          </div>`
          : ''
      }`;
  }
}
customElements.define('sh-export-scenario', ExportScenario);
