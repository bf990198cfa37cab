/**
 * Base class of components that read the shared store: they re-render on every store change.
 * Rendering is cheap (lit only patches what changed), so no finer subscription is needed.
 */
import { LitElement } from 'lit';
import { store } from './store.ts';

export class StoreElement extends LitElement {
  private readonly onStore = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    store.addEventListener('change', this.onStore);
  }

  override disconnectedCallback(): void {
    store.removeEventListener('change', this.onStore);
    super.disconnectedCallback();
  }
}
