/**
 * Per region a bar of committed RES TWh stacked by status, with a marker at the region's fair share
 * of the target; above them the national bar with the 35 TWh line. Plain HTML bars: a few dozen
 * rectangles need no chart library.
 */
import { LitElement, html, css } from 'lit';
import { num } from '../format.ts';
import type { CommitmentStatus, IntekenboekSummary } from '../intekenboek-api.ts';
import { STATUS_COLOURS, STATUS_LABELS } from '../intekenboek-labels.ts';
import { shared } from '../styles.ts';

/** Statuses drawn, furthest along first (left); withdrawn commitments are not drawn. */
const DRAWN: CommitmentStatus[] = ['gerealiseerd', 'vergund', 'vastgesteld', 'bod'];

type ByStatus = IntekenboekSummary['national']['res']['byStatus'];

export class CommitmentBars extends LitElement {
  static properties = { summary: { attribute: false } };
  declare summary: IntekenboekSummary | null;

  constructor() {
    super();
    this.summary = null;
  }

  static styles = [
    shared,
    css`
      .legend { display: flex; gap: 0.8rem; flex-wrap: wrap; font-size: 0.8rem; margin-bottom: 0.4rem; }
      .legend i { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px; vertical-align: -0.1rem; margin-right: 0.25rem; }
      .legend .marker { width: 3px; background: #14325c; }
      .row { display: grid; grid-template-columns: 10.5rem 1fr 8.5rem; gap: 0.5rem; align-items: center; font-size: 0.8rem; margin: 0.1rem 0; }
      .row.national { font-weight: 650; margin-bottom: 0.6rem; }
      .track { position: relative; height: 0.95rem; background: #eef2f7; border-radius: 2px; }
      .row.national .track { height: 1.4rem; }
      .seg { position: absolute; top: 0; bottom: 0; }
      .share { position: absolute; top: -3px; bottom: -3px; width: 3px; background: #14325c; }
      .target { position: absolute; top: -5px; bottom: -5px; width: 3px; background: #b00020; }
      .row.below .name { color: #8a0018; }
      .nums { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    `,
  ];

  private segments(byStatus: ByStatus, scaleTWh: number) {
    let left = 0;
    return DRAWN.map((status) => {
      const twh = byStatus[status].totalTWh ?? 0;
      const width = (100 * twh) / scaleTWh;
      const seg = html`<div class="seg" data-status=${status} style="left:${left}%;width:${width}%;background:${STATUS_COLOURS[status]}"
        title="${STATUS_LABELS[status]}: ${num(twh, 2)} TWh"></div>`;
      left += width;
      return seg;
    });
  }

  private committedTWh(byStatus: ByStatus): number {
    return DRAWN.reduce((sum, status) => sum + (byStatus[status].totalTWh ?? 0), 0);
  }

  override render() {
    const s = this.summary;
    if (!s) return html`<div class="muted">Laden…</div>`;
    const nationalTWh = this.committedTWh(s.national.res.byStatus);
    const nationalScale = Math.max(s.targetTWh, nationalTWh) * 1.1;
    const regionScale =
      Math.max(...s.regions.map((r) => Math.max(r.res.fairShareTWh, this.committedTWh(r.totals.res.byStatus))), 0.001) *
      1.1;
    return html`
      <div class="legend" aria-hidden="true">
        ${DRAWN.map((status) => html`<span><i style="background:${STATUS_COLOURS[status]}"></i>${STATUS_LABELS[status]}</span>`)}
        <span><i class="marker"></i>eerlijk deel van de regio</span>
        <span><i style="background:#b00020;width:3px"></i>landelijk doel ${num(s.targetTWh, 0)} TWh</span>
        <span class="muted">getallen: telt mee / eerlijk deel</span>
      </div>
      <div class="row national" data-region="NL" data-committed-twh=${nationalTWh} data-counted-twh=${s.res.countedTWh}>
        <span class="name">Nederland (alle toezeggingen)</span>
        <div class="track" role="img" aria-label="Nederland: ${num(nationalTWh, 2)} TWh toegezegd, waarvan ${num(s.res.countedTWh, 2)} TWh meetelt; doel ${num(s.targetTWh, 0)} TWh">
          ${this.segments(s.national.res.byStatus, nationalScale)}
          <div class="target" style="left:${(100 * s.targetTWh) / nationalScale}%" title="Doel ${num(s.targetTWh, 0)} TWh"></div>
        </div>
        <span class="nums">${num(s.res.countedTWh, 2)} / ${num(s.targetTWh, 0)} TWh</span>
      </div>
      ${s.regions.map((r) => {
        const committed = this.committedTWh(r.totals.res.byStatus);
        return html`<div class="row ${r.res.belowFairShare ? 'below' : ''}" data-region=${r.id} data-committed-twh=${committed}
          data-counted-twh=${r.res.countedTWh}>
          <span class="name">${r.name}</span>
          <div class="track" role="img" aria-label="${r.name}: ${num(r.res.countedTWh, 2)} TWh telt mee, eerlijk deel ${num(r.res.fairShareTWh, 2)} TWh">
            ${this.segments(r.totals.res.byStatus, regionScale)}
            <div class="share" style="left:${(100 * r.res.fairShareTWh) / regionScale}%" title="Eerlijk deel ${num(r.res.fairShareTWh, 2)} TWh"></div>
          </div>
          <span class="nums">${num(r.res.countedTWh, 2)} / ${num(r.res.fairShareTWh, 2)} TWh</span>
        </div>`;
      })}
    `;
  }
}
customElements.define('sh-commitment-bars', CommitmentBars);
