/**
 * The sweep form: axes (parameter path, for regional parameters all regions or one RES region,
 * then values or a sampling range; the weather year by ticking the dataset's years), samples and seed, and the
 * resulting number of scenarios (MODEL.md §5: grid axes multiply, sampled axes add `samples`
 * draws per grid point). Emits `sweep-submit` with the axes; API issues come back via `issues`.
 */
import { LitElement, html, css } from 'lit';
import type { DatasetInfo, Issue, SweepAxisJson } from '../api.ts';
import { shared } from '../styles.ts';
import { num, parseNum } from '../format.ts';
import { REGION_SWEEP_PARAMS, SWEEP_PATHS } from '../sweep-paths.ts';
import { pathLabel } from '../region-names.ts';
import { parameterAtPath } from '../../../engine/labels/index.ts';
import { displayUnitOf, modelValueOf } from '../quantity-format.ts';
import { distinct, dutchIssue, dutchMessage, shownAt } from '../messages.ts';
import { sweepStartBlock } from '../permissions.ts';
import { session } from '../session.ts';
import { WEATHER_YEAR_PATH } from '../weather-stress.ts';
import { sweepWeatherYearChoices } from '../weather-year.ts';

type Kind = 'values' | 'uniform' | 'triangular';
/** `path` is the API path: `defaults.<p>`, `national.<p>` or `regions.<id>.<p>`. */
interface AxisDraft {
  path: string;
  kind: Kind;
  values: string;
  lo: string;
  mode: string;
  hi: string;
  /** The ticked years of a weather-year axis (null: an unnamed reference year), in the choices' order. */
  years: Array<number | null>;
}

/** The region of a `regions.<id>.<p>` path, '' for all regions (`defaults.`) or national paths. */
export function regionOf(path: string): string {
  return path.startsWith('regions.') ? path.split('.')[1] : '';
}

/**
 * The path after choosing region `id` ('' = all regions) for an axis: the same regional parameter
 * in that region, or in all regions. National parameters have no region; parameters that only
 * exist per region (TWh, grid capacity) fall back to the solar share when going back to all regions.
 */
export function withRegion(path: string, id: string): string {
  const [layer] = path.split('.');
  if (layer === 'national') return path;
  const param = path.split('.').pop()!;
  if (id) return `regions.${id}.${param}`;
  return SWEEP_PATHS.includes(`defaults.${param}`) ? `defaults.${param}` : 'defaults.solarShare';
}

/** Parses "0,2; 0,5; 1" (semicolons or spaces between Dutch or plain numbers); entries that are no number are left out. */
export function parseList(text: string): number[] {
  return listEntries(text)
    .map(parseNum)
    .filter((v) => Number.isFinite(v));
}

/** The entries of a value list that are not numbers ("abc" in "0,2; abc; 1,5"), to name them to the user. */
export function badEntries(text: string): string[] {
  return listEntries(text).filter((t) => !Number.isFinite(parseNum(t)));
}

const listEntries = (text: string) => text.split(/[;\s]+/).filter(Boolean);

/** An axis' parameter as its choice reads: without the area, which the select beside it shows. */
const parameterLabel = (path: string) => parameterAtPath(path)?.label ?? pathLabel(path);

const isWeatherYear = (a: AxisDraft) => a.path === WEATHER_YEAR_PATH;

/** How many grid points a value axis has: its ticked years, or the numbers in its list. */
const valueCount = (a: AxisDraft) => (isWeatherYear(a) ? a.years.length : parseList(a.values).length);

export class SweepBuilder extends LitElement {
  static properties = {
    axes: { state: true },
    samples: { state: true },
    seed: { state: true },
    issues: { attribute: false },
    regions: { attribute: false },
    info: { attribute: false },
    running: { type: Boolean },
  };
  declare axes: AxisDraft[];
  declare samples: number;
  declare seed: number;
  declare issues: Issue[];
  /** The RES regions of the dataset (id and name) for the per-axis region choice. */
  declare regions: ReadonlyArray<{ id: string; name: string }>;
  /** The dataset, for the weather years an axis can take. */
  declare info: DatasetInfo | undefined;
  declare running: boolean;

  constructor() {
    super();
    this.axes = [
      {
        path: 'defaults.solarShare',
        kind: 'values',
        values: '20; 40; 60; 80',
        lo: '0',
        mode: '50',
        hi: '100',
        years: [],
      },
      {
        path: 'defaults.fieldSolarClip',
        kind: 'values',
        values: '60; 80; 100',
        lo: '50',
        mode: '80',
        hi: '100',
        years: [],
      },
    ];
    this.samples = 1;
    this.seed = 1;
    this.issues = [];
    this.regions = [];
    this.info = undefined;
    this.running = false;
  }

  static styles = [
    shared,
    css`
      .axis { display: grid; grid-template-columns: minmax(220px, 2fr) minmax(130px, 1fr) minmax(12rem, max-content) minmax(170px, 2fr) auto; gap: 0.5rem; align-items: center; padding: 0.35rem 0; border-bottom: 1px solid #eef1f5; }
      .axis select, .axis input { width: 100%; }
      .range { display: flex; gap: 0.3rem; }
      .range { align-items: center; }
      .range input { width: 5rem; }
      .range input:only-of-type { width: 100%; }
      .unit { white-space: nowrap; color: #5b6779; font-size: 0.85rem; }
      .count { font-size: 1rem; }
      .error { grid-column: 1 / -1; }
      .years { display: flex; flex-wrap: wrap; gap: 0.15rem 0.7rem; border: 0; margin: 0; padding: 0; }
      .years label { white-space: nowrap; display: inline-flex; align-items: center; gap: 0.2rem; }
      input.small { width: 6rem; }
    `,
  ];

  /** Number of scenarios the sweep will run. */
  count(): number {
    const grid = this.axes.filter((a) => a.kind === 'values').reduce((n, a) => n * valueCount(a), 1);
    const sampled = this.axes.some((a) => a.kind !== 'values');
    return grid * (sampled ? Math.max(1, this.samples) : 1);
  }

  /** The axes as the API takes them: typed in display units (%, €/kW), sent in model units (fractions, €/MW). */
  toJson(): SweepAxisJson[] {
    return this.axes.map((a) => {
      const model = (text: string) => modelValueOf(a.path, parseNum(text));
      if (isWeatherYear(a)) return { path: a.path, values: [...a.years] };
      return a.kind === 'values'
        ? { path: a.path, values: parseList(a.values).map((v) => modelValueOf(a.path, v)) }
        : a.kind === 'uniform'
          ? { path: a.path, uniform: [model(a.lo), model(a.hi)] }
          : { path: a.path, triangular: [model(a.lo), model(a.mode), model(a.hi)] };
    });
  }

  /** Parameter choices of an axis: all-region and national paths, or every regional parameter of its region. */
  private pathChoices(path: string): string[] {
    const region = regionOf(path);
    return region ? REGION_SWEEP_PARAMS.map((p) => `regions.${region}.${p}`) : [...SWEEP_PATHS];
  }

  private sortedRegions() {
    return [...this.regions].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  private edit(i: number, patch: Partial<AxisDraft>) {
    this.axes = this.axes.map((a, j) => (j === i ? { ...a, ...patch, ...this.weatherYearStart(a, patch) } : a));
  }

  /** Choosing the weather year as an axis: a list of years (no distribution), every year of the dataset ticked. */
  private weatherYearStart(a: AxisDraft, patch: Partial<AxisDraft>): Partial<AxisDraft> {
    if (patch.path !== WEATHER_YEAR_PATH || a.path === WEATHER_YEAR_PATH) return {};
    return { kind: 'values', years: sweepWeatherYearChoices(this.info).map((c) => c.value) };
  }

  /** Ticks or unticks one year of a weather-year axis, keeping the choices' order. */
  private toggleYear(i: number, year: number | null, on: boolean) {
    const a = this.axes[i];
    const ticked = new Set(a.years);
    if (on) ticked.add(year);
    else ticked.delete(year);
    this.edit(i, {
      years: sweepWeatherYearChoices(this.info)
        .map((c) => c.value)
        .filter((y) => ticked.has(y)),
    });
  }

  /** Whether an axis as typed cannot be run: a value list with an entry that is no number, or none at all. */
  private invalid(a: AxisDraft): boolean {
    if (isWeatherYear(a)) return a.years.length === 0;
    if (a.kind === 'values') return badEntries(a.values).length > 0 || parseList(a.values).length === 0;
    const ends = a.kind === 'uniform' ? [a.lo, a.hi] : [a.lo, a.mode, a.hi];
    return ends.some((t) => !Number.isFinite(parseNum(t)));
  }

  /** Dutch messages about what the user typed in axis `a` (before the server sees it). */
  private typedErrors(a: AxisDraft): string[] {
    if (isWeatherYear(a)) return a.years.length ? [] : ['Kies minstens één weerjaar.'];
    if (a.kind === 'values') {
      const bad = badEntries(a.values);
      if (bad.length)
        return [
          `${bad.map((t) => `“${t}”`).join(', ')} ${bad.length === 1 ? 'is geen getal' : 'zijn geen getallen'}: gebruik getallen gescheiden door ; (bijvoorbeeld 0,2; 0,5).`,
        ];
      if (parseList(a.values).length === 0) return ['Vul minstens één waarde in.'];
      return [];
    }
    return this.invalid(a) ? ['Vul als grenzen getallen in (bijvoorbeeld 0,2).'] : [];
  }

  private errorsFor(i: number): string[] {
    // Values are quoted in the axis' display unit, as the user typed them.
    const shown = shownAt(this.axes[i]?.path ?? '');
    return distinct(
      this.issues
        .filter((x) => x.path === `axes.${i}` || x.path.startsWith(`axes.${i}.`))
        .map((x) => (x.path.endsWith('.path') ? dutchMessage(x.message) : dutchMessage(x.message, shown))),
    );
  }

  /** The weather years of the dataset as tick boxes, the reference first. */
  private yearChoices(a: AxisDraft, i: number) {
    return html`<fieldset class="years" aria-label="As ${i + 1}: weerjaren">
      ${sweepWeatherYearChoices(this.info).map(
        (
          c,
        ) => html`<label><input type="checkbox" data-year=${c.value ?? 'referentie'} .checked=${a.years.includes(c.value)}
          @change=${(e: Event) => this.toggleYear(i, c.value, (e.target as HTMLInputElement).checked)} />${c.label}</label>`,
      )}
    </fieldset>`;
  }

  override render() {
    const other = this.issues.filter((x) => !/^axes\.\d+/.test(x.path));
    const blocked = sweepStartBlock(session);
    return html`
      <div class="card">
        <h3 style="margin-top:0">Assen</h3>
        <p class="muted" style="margin:0 0 0.4rem">Waarden in de eenheid achter het invoerveld, zoals in de Scenario-weergave
          (aandelen in %, kosten in €/kW). Het huidige scenario (“Scenario”) is de basis.</p>
        ${this.axes.map((a, i) => {
          const id = `axis-${i}`;
          return html`<div class="axis" data-axis=${i}>
            <select id="${id}-path" aria-label="As ${i + 1}: parameter" title=${pathLabel(a.path)} @change=${(e: Event) => this.edit(i, { path: (e.target as HTMLSelectElement).value })}>
              ${this.pathChoices(a.path).map((p) => html`<option value=${p} ?selected=${p === a.path}>${parameterLabel(p)}</option>`)}
            </select>
            <select id="${id}-region" aria-label="As ${i + 1}: gebied" ?disabled=${a.path.startsWith('national.')}
              @change=${(e: Event) => this.edit(i, { path: withRegion(a.path, (e.target as HTMLSelectElement).value) })}>
              ${
                a.path.startsWith('national.')
                  ? html`<option value="" selected>Landelijk</option>`
                  : html`<option value="" ?selected=${regionOf(a.path) === ''}>Alle regio’s</option>
                    ${this.sortedRegions().map((r) => html`<option value=${r.id} ?selected=${r.id === regionOf(a.path)}>${r.name}</option>`)}`
              }
            </select>
            <select aria-label="As ${i + 1}: soort" ?disabled=${isWeatherYear(a)} title=${isWeatherYear(a) ? 'Een weerjaar is een keuze uit de jaren van de dataset, geen verdeling.' : ''}
              @change=${(e: Event) => this.edit(i, { kind: (e.target as HTMLSelectElement).value as Kind })}>
              <option value="values" ?selected=${a.kind === 'values'}>Waarden (rooster)</option>
              <option value="uniform" ?selected=${a.kind === 'uniform'}>Uniform</option>
              <option value="triangular" ?selected=${a.kind === 'triangular'}>Driehoek</option>
            </select>
            ${
              isWeatherYear(a)
                ? this.yearChoices(a, i)
                : a.kind === 'values'
                  ? html`<div class="range"><input type="text" aria-label="As ${i + 1}: waarden, gescheiden door ;" .value=${a.values}
                  @input=${(e: Event) => this.edit(i, { values: (e.target as HTMLInputElement).value })} />
                  <span class="unit" data-unit>${displayUnitOf(a.path)}</span></div>`
                  : html`<div class="range">
                  <input type="text" aria-label="As ${i + 1}: ondergrens" .value=${a.lo} @input=${(e: Event) => this.edit(i, { lo: (e.target as HTMLInputElement).value })} />
                  ${
                    a.kind === 'triangular'
                      ? html`<input type="text" aria-label="As ${i + 1}: meest waarschijnlijk" .value=${a.mode} @input=${(e: Event) => this.edit(i, { mode: (e.target as HTMLInputElement).value })} />`
                      : ''
                  }
                  <input type="text" aria-label="As ${i + 1}: bovengrens" .value=${a.hi} @input=${(e: Event) => this.edit(i, { hi: (e.target as HTMLInputElement).value })} />
                  <span class="unit" data-unit>${displayUnitOf(a.path)}</span>
                </div>`
            }
            <button aria-label="As ${i + 1} verwijderen" @click=${() => (this.axes = this.axes.filter((_, j) => j !== i))}>✕</button>
            ${[...this.typedErrors(a), ...this.errorsFor(i)].map((m) => html`<div class="error" role="alert">${m}</div>`)}
          </div>`;
        })}
        <div class="row" style="margin-top:0.5rem">
          <button @click=${() => (this.axes = [...this.axes, { path: 'defaults.evSmartShare', kind: 'uniform', values: '0; 50; 100', lo: '0', mode: '50', hi: '100', years: [] }])}>+ As toevoegen</button>
          <label for="samples">Trekkingen</label>
          <input id="samples" class="small" type="number" min="1" .value=${String(this.samples)} @input=${(e: Event) => (this.samples = Math.max(1, Math.round(Number((e.target as HTMLInputElement).value) || 1)))} />
          <label for="seed">Seed</label>
          <input id="seed" class="small" type="number" .value=${String(this.seed)} @input=${(e: Event) => (this.seed = Math.round(Number((e.target as HTMLInputElement).value) || 0))} />
          <span class="count" data-count=${this.count()}>= <strong>${num(this.count())}</strong> scenario’s</span>
          <button class="primary" id="run" ?disabled=${this.running || this.axes.length === 0 || !!blocked || this.axes.some((a) => this.invalid(a))} title=${blocked}
            @click=${() => this.dispatchEvent(new CustomEvent('sweep-submit', { detail: { axes: this.toJson(), samples: this.samples, seed: this.seed } }))}>Start verkenning</button>
        </div>
        ${blocked ? html`<div class="muted" id="run-blocked">${blocked}</div>` : ''}
        ${distinct(other.map((x) => dutchIssue(x))).map((m) => html`<div class="error" role="alert">${m}</div>`)}
      </div>
    `;
  }
}
customElements.define('sh-sweep-builder', SweepBuilder);
