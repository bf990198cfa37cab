/** Styles shared by the views (each component has its own shadow root, so they are adopted per component). */
import { css } from 'lit';

export const shared = css`
  :host { display: block; box-sizing: border-box; }
  * { box-sizing: border-box; }
  h2 { font-size: 1.25rem; margin: 0 0 0.25rem; }
  h3 { font-size: 1rem; margin: 1rem 0 0.5rem; }
  p.lead { margin: 0 0 1rem; color: #4a5668; max-width: 70ch; }
  .card { background: #fff; border: 1px solid #d8dee8; border-radius: 6px; padding: 0.75rem 1rem; }
  .muted { color: #5b6779; font-size: 0.85rem; }
  .error { color: #b00020; font-size: 0.85rem; }
  .errorbox { border: 1px solid #b00020; background: #fdecee; color: #7a0015; padding: 0.5rem 0.75rem; border-radius: 4px; margin: 0 0 0.75rem; }
  .badge { display: inline-block; font-size: 0.75rem; padding: 0.1rem 0.4rem; border-radius: 3px; background: #fff4d6; border: 1px solid #e0b84d; color: #5c4300; }
  table { border-collapse: collapse; width: 100%; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
  th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid #e5e9f0; text-align: right; white-space: nowrap; }
  th:first-child, td:first-child { text-align: left; }
  thead th { position: sticky; top: 0; background: #eef2f7; font-weight: 600; }
  th button.sort { all: unset; cursor: pointer; font-weight: 600; }
  th button.sort:focus-visible { outline: 2px solid #1565c0; outline-offset: 2px; }
  tr.selected td { background: #e3f0ff; }
  tbody tr:hover td { background: #f3f7fc; }
  button, select, input { font: inherit; }
  button { border: 1px solid #8a97ab; background: #fff; border-radius: 4px; padding: 0.3rem 0.7rem; cursor: pointer; color: #1d2633; }
  button.primary { background: #1565c0; border-color: #1565c0; color: #fff; }
  button:disabled { opacity: 0.5; cursor: default; }
  button:focus-visible, select:focus-visible, input:focus-visible, a:focus-visible { outline: 2px solid #1565c0; outline-offset: 2px; }
  select, input[type='text'], input[type='number'] { border: 1px solid #8a97ab; border-radius: 4px; padding: 0.25rem 0.4rem; background: #fff; }
  label { font-size: 0.85rem; }
  .row { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .pos { color: #b00020; }
  .neg { color: #1b5e20; }
`;
