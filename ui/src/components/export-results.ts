/**
 * "Download" of the current scenario's results per RES region, as CSV (Dutch Excel: `;` and a
 * decimal comma) or as an Excel workbook, in the display units and with the Dutch heads of the
 * label table. A second sheet of the workbook says which scenario, dataset and weather year.
 */
import { html, css } from 'lit';
import { StoreElement } from '../store-element.ts';
import { store } from '../store.ts';
import { shared } from '../styles.ts';
import { regionalResultsTable, type ExportTable } from '../export-table.ts';
import { toDutchCsv } from '../export-csv.ts';
import { downloadBlob, downloadText, exportFileName } from '../export-download.ts';
import { scenarioWeatherYear, weatherYearLabel } from '../weather-year.ts';

/** Which scenario, dataset and weather year a table belongs to, and when it was made. */
export function aboutTable(): ExportTable {
  const info = store.datasetInfo;
  return {
    headers: ['Gegeven', 'Waarde'],
    rows: [
      ['Scenario', store.scenario.name],
      ['Gewijzigd t.o.v. basis', store.changed ? `ja (basis: ${store.base.name})` : 'nee'],
      ['Dataset', info?.name ?? store.dataset],
      ['Weerjaar', weatherYearLabel(scenarioWeatherYear(store.scenario, info), info)],
      ['Gemaakt op', new Date().toLocaleString('nl-NL')],
      ['Bron', 'Samenhang; eenheden zoals in de app (mln € = miljoen euro)'],
    ],
    digits: [null, null],
  };
}

export class ExportResults extends StoreElement {
  static properties = { busy: { state: true } };
  declare busy: boolean;

  constructor() {
    super();
    this.busy = false;
  }

  static styles = [shared, css`:host { display: inline-flex; gap: 0.4rem; align-items: center; }`];

  private table(): ExportTable | null {
    return store.result ? regionalResultsTable(store.result, (id) => store.regionName(id)) : null;
  }

  private csv() {
    const t = this.table();
    if (t) downloadText(toDutchCsv(t), exportFileName(store.scenario.name, 'resultaten per regio', 'csv'), 'text/csv');
  }

  private async xlsx() {
    const t = this.table();
    if (!t) return;
    this.busy = true;
    try {
      // Loaded on first use: the workbook writer is not needed to show the app.
      const { toXlsxBlob } = await import('../export-xlsx.ts');
      const blob = await toXlsxBlob([
        { name: 'Resultaten per regio', table: t },
        { name: 'Over dit bestand', table: aboutTable() },
      ]);
      downloadBlob(blob, exportFileName(store.scenario.name, 'resultaten per regio', 'xlsx'));
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const none = !store.result;
    return html`<span class="muted">Resultaten per regio:</span>
      <button id="export-csv" ?disabled=${none} title="Alle uitkomsten per RES-regio als CSV (puntkomma, decimale komma: opent zo in Excel)"
        @click=${this.csv}>CSV</button>
      <button id="export-xlsx" ?disabled=${none || this.busy} title="Alle uitkomsten per RES-regio als Excel-werkmap"
        @click=${() => void this.xlsx()}>Excel</button>`;
  }
}
customElements.define('sh-export-results', ExportResults);
