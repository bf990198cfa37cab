/**
 * A sortable table. Column headers are buttons (keyboard sortable, aria-sort on the <th>);
 * rows can be selected with a button in the first cell, emitting `row-select` with the row id.
 */
import { LitElement, html, css } from 'lit';
import { shared } from '../styles.ts';
import { num } from '../format.ts';

export interface Column {
  key: string;
  label: string;
  unit?: string;
  digits?: number;
  /** Numbers with their sign (+ as well as −), for differences. */
  signed?: boolean;
  /** Custom cell text; numbers are formatted the Dutch way by default. */
  format?: (v: unknown, row: Record<string, unknown>) => string;
}

export class SortTable extends LitElement {
  static properties = {
    columns: { attribute: false },
    rows: { attribute: false },
    selected: {},
    highlight: {},
    caption: {},
    selectable: { type: Boolean },
    sortKey: { state: true },
    sortDesc: { state: true },
    limit: { type: Number },
  };
  declare columns: Column[];
  declare rows: Array<Record<string, unknown>>;
  declare selected: string;
  declare highlight: string;
  declare caption: string;
  declare selectable: boolean;
  declare sortKey: string;
  declare sortDesc: boolean;
  declare limit: number;

  constructor() {
    super();
    this.columns = [];
    this.rows = [];
    this.selected = '';
    this.highlight = '';
    this.caption = '';
    this.selectable = false;
    this.sortKey = '';
    this.sortDesc = true;
    this.limit = 0;
  }

  static styles = [
    shared,
    css`
      .wrap { overflow: auto; max-height: var(--table-max-height, none); border: 1px solid #d8dee8; border-radius: 4px; background: #fff; }
      /* A view with many columns may let headers wrap and cells pad less, so every column fits. */
      th, td { padding: var(--table-cell-padding, 0.3rem 0.5rem); }
      thead th { white-space: var(--table-head-white-space, nowrap); vertical-align: bottom; }
      th.hl, td.hl { background: #fff8e1; }
      td button.pick { all: unset; cursor: pointer; color: #0d47a1; text-decoration: underline; }
      td button.pick:focus-visible { outline: 2px solid #1565c0; }
      caption { text-align: left; font-size: 0.8rem; color: #5b6779; padding: 0.25rem 0.5rem; caption-side: bottom; }
      .unit { font-weight: 400; color: #5b6779; font-size: 0.75rem; display: block; }
    `,
  ];

  private sortBy(key: string) {
    if (this.sortKey === key) this.sortDesc = !this.sortDesc;
    else {
      this.sortKey = key;
      // Text columns start A→Z, numbers start with the largest.
      this.sortDesc = typeof this.rows[0]?.[key] === 'number';
    }
  }

  private sorted() {
    if (!this.sortKey) return this.rows;
    const k = this.sortKey,
      dir = this.sortDesc ? -1 : 1;
    return [...this.rows].sort((a, b) => {
      const x = a[k],
        y = b[k];
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
      return String(x ?? '').localeCompare(String(y ?? ''), 'nl') * dir;
    });
  }

  private cell(c: Column, row: Record<string, unknown>) {
    const v = row[c.key];
    if (c.format) return c.format(v, row);
    return typeof v === 'number' ? num(v, c.digits ?? 0, c.signed) : String(v ?? '–');
  }

  override render() {
    let rows = this.sorted();
    const total = rows.length;
    if (this.limit > 0) rows = rows.slice(0, this.limit);
    return html`<div class="wrap"><table>
      ${this.caption || (this.limit && total > this.limit) ? html`<caption>${this.caption}${this.limit && total > this.limit ? ` (eerste ${num(this.limit)} van ${num(total)} rijen)` : ''}</caption>` : ''}
      <thead><tr>${this.columns.map(
        (c) => html`<th scope="col" class=${c.key === this.highlight ? 'hl' : ''}
          aria-sort=${c.key === this.sortKey ? (this.sortDesc ? 'descending' : 'ascending') : 'none'}>
          <button class="sort" @click=${() => this.sortBy(c.key)}>${c.label}${c.key === this.sortKey ? (this.sortDesc ? ' ▼' : ' ▲') : ''}</button>
          ${c.unit ? html`<span class="unit">${c.unit}</span>` : ''}</th>`,
      )}</tr></thead>
      <tbody>${rows.map((row) => {
        const id = String(row.id ?? '');
        return html`<tr class=${id && id === this.selected ? 'selected' : ''} data-id=${id}>${this.columns.map(
          (c, i) => {
            const text = this.cell(c, row);
            const content =
              i === 0 && this.selectable
                ? html`<button class="pick" @click=${() => this.dispatchEvent(new CustomEvent('row-select', { detail: id, bubbles: true, composed: true }))}>${text}</button>`
                : text;
            return html`<td class=${c.key === this.highlight ? 'hl' : ''}>${content}</td>`;
          },
        )}</tr>`;
      })}</tbody>
    </table></div>`;
  }
}
customElements.define('sh-sort-table', SortTable);
