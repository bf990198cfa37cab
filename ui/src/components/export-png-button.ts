/**
 * The "PNG" button of a chart: asks its chart for the image (title, chart, legend) and offers it
 * as a download named after the title. Charts render it when they are given a `pngTitle`.
 */
import { html, type TemplateResult } from 'lit';
import { downloadBlob, fileSlug } from '../export-download.ts';

/** The button, calling `image` on click; failures are shown in Dutch in its title, never thrown. */
export function pngButton(title: string, image: () => Promise<Blob>): TemplateResult {
  const save = async (e: Event) => {
    const button = e.currentTarget as HTMLButtonElement;
    try {
      button.disabled = true;
      downloadBlob(await image(), `${fileSlug(title)}.png`);
      button.title = 'Grafiek als afbeelding (PNG) met titel en legenda';
    } catch {
      button.title = 'De afbeelding kon niet worden gemaakt.';
    } finally {
      button.disabled = false;
    }
  };
  return html`<button class="png" type="button" title="Grafiek als afbeelding (PNG) met titel en legenda"
    aria-label="Grafiek downloaden als afbeelding: ${title}" @click=${save}>PNG</button>`;
}

/** Button styles shared by the charts: small, in the chart's top-right corner. */
export const PNG_BUTTON_CSS = `
  .png { position: absolute; top: 0; right: 0; z-index: 2; font: inherit; font-size: 0.72rem; padding: 0.05rem 0.4rem;
    border: 1px solid #8a97ab; border-radius: 3px; background: rgba(255, 255, 255, 0.9); color: #1d2633; cursor: pointer; }
  .png:focus-visible { outline: 2px solid #1565c0; outline-offset: 2px; }
`;
