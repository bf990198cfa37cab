/**
 * "Link delen": an address that opens the scenario being edited in a fresh browser. A saved
 * scenario whose content is unchanged gets a short link by id and version; anything else carries
 * the scenario itself, compressed, in the address.
 */
import { html, css } from 'lit';
import { getScenario } from '../api.ts';
import { StoreElement } from '../store-element.ts';
import { contentKey, store } from '../store.ts';
import { shared } from '../styles.ts';
import { encodeScenario, shareAddress } from '../share-url.ts';

/**
 * The saved version whose content the editor shows unchanged, if any: asked of the server, since the
 * version history can load an older version and a save does not reset what "gewijzigd" compares with.
 */
async function unchangedSavedVersion(): Promise<{ id: string; version: number } | null> {
  const { savedId: id, savedVersion: version } = store;
  if (!id || !version) return null;
  try {
    const rec = await getScenario(id, version);
    return contentKey(rec.scenario) === contentKey(store.scenario) ? { id, version } : null;
  } catch {
    return null;
  }
}

export class ShareLink extends StoreElement {
  static properties = { url: { state: true }, what: { state: true }, copied: { state: true } };
  declare url: string;
  /** What the link opens, in Dutch. */
  declare what: string;
  declare copied: boolean;

  constructor() {
    super();
    this.url = '';
    this.what = '';
    this.copied = false;
  }

  static styles = [
    shared,
    css`
      :host { display: block; }
      .link { margin-top: 0.4rem; display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
      .link input { flex: 1; min-width: 20rem; font-size: 0.8rem; }
    `,
  ];

  private async make() {
    const defaultDataset = store.datasets.find((d) => d.default)?.id;
    const dataset = store.dataset !== defaultDataset ? store.dataset : undefined;
    const base = `${location.origin}${location.pathname}`;
    const hash = location.hash || '#/scenario';
    const saved = await unchangedSavedVersion();
    if (saved) {
      this.url = shareAddress(base, hash, saved, dataset);
      this.what = `Deze link opent versie ${saved.version} van het opgeslagen scenario “${store.scenario.name}”.`;
    } else {
      this.url = shareAddress(base, hash, { encoded: await encodeScenario(store.scenario) }, dataset);
      this.what =
        'Deze link bevat het scenario zelf, ook als het niet is opgeslagen. Sla het op (Vergelijken) voor een korte link naar een vaste versie.';
    }
    this.copied = false;
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.url);
      this.copied = true;
    } catch {
      // No clipboard access (browser setting): the address stays selected in the box to copy by hand.
      (this.renderRoot.querySelector('#share-url') as HTMLInputElement | null)?.select();
    }
  }

  override render() {
    return html`<button id="share-make" title="Een adres dat dit scenario opent, om te delen of als bladwijzer"
        @click=${() => void this.make()}>Link delen</button>
      ${
        this.url
          ? html`<div class="link">
            <input id="share-url" type="text" readonly aria-label="Link naar dit scenario" .value=${this.url}
              @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
            <button id="share-copy" @click=${() => void this.copy()}>${this.copied ? 'Gekopieerd' : 'Kopiëren'}</button>
            <span class="muted" id="share-what">${this.what}</span>
          </div>`
          : ''
      }`;
  }
}
customElements.define('sh-share-link', ShareLink);
