/**
 * Reading and writing levers on a scenario. Scenarios are treated as immutable values: every
 * edit returns a new object, so the store can compare by identity and abort stale requests.
 */
import {
  NATIONAL_DEFAULTS,
  REGIONAL_PARAMS_FROM_DATA,
  type RegionalParamName,
} from '../../engine/scenario/parameters.ts';
import { DEFAULT_WIJK_CLUSTERING } from '../../engine/scenario/resolve.ts';
import type { Issue, RegionInfo, ScenarioJson } from './api.ts';
import { distinct, dutchMessage, type Shown } from './messages.ts';
import type { Lever } from './levers.ts';
import { TABLES, type TableId } from './tables.ts';

/** Model defaults of regional parameters that do not come from region data (MODEL.md §1.3). */
const REGIONAL_DEFAULTS: Partial<Record<RegionalParamName, number>> = {
  resScale: 1,
  fieldSolarClip: 1,
  wijkClustering: DEFAULT_WIJK_CLUSTERING,
};
const FROM_DATA = new Set<RegionalParamName>(REGIONAL_PARAMS_FROM_DATA);
const isFromData = (p: RegionalParamName): p is (typeof REGIONAL_PARAMS_FROM_DATA)[number] => FROM_DATA.has(p);

export const emptyScenario = (name = 'Nieuw scenario'): ScenarioJson => ({
  name,
  national: {},
  defaults: {},
  regions: {},
});

/** Deep copy of the three layers (they are small: at most 30 regions × 18 numbers). */
export function cloneScenario(s: ScenarioJson): ScenarioJson {
  return {
    name: s.name,
    national: { ...s.national },
    defaults: { ...s.defaults },
    regions: Object.fromEntries(Object.entries(s.regions).map(([k, v]) => [k, { ...v }])),
  };
}

/** A regional parameter as the model resolves it for region `r`, before resScale/solarShare. */
export function regionalValue(s: ScenarioJson, r: RegionInfo, p: RegionalParamName): number | null {
  const own = s.regions[r.id]?.[p];
  if (own !== undefined) return own;
  const def = s.defaults[p];
  if (def !== undefined) return def;
  if (isFromData(p)) return Number(r[p] ?? 0);
  if (p === 'solarShare') return null;
  return REGIONAL_DEFAULTS[p] ?? 0;
}

const preTWh = (s: ScenarioJson, r: RegionInfo) => ({
  roof: regionalValue(s, r, 'solarRoofTWh') ?? 0,
  field: regionalValue(s, r, 'solarFieldTWh') ?? 0,
  wind: regionalValue(s, r, 'windTWh') ?? 0,
});

function weights(regions: RegionInfo[], by: 'homes' | 'res' | 'demand'): number[] {
  const w = regions.map((r) =>
    by === 'homes' ? r.homes : by === 'demand' ? r.baseDemandTWh : r.solarRoofTWh + r.solarFieldTWh + r.windTWh,
  );
  const total = w.reduce((a, b) => a + b, 0) || 1;
  return w.map((x) => x / total);
}

/** Splits a whole number over shares by largest remainder, so the parts sum to `total` exactly. */
export function apportion(total: number, shares: number[]): number[] {
  const raw = shares.map((w) => total * w);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let j = 0; left > 0 && j < order.length; j++, left--) parts[order[j][1]]++;
  return parts;
}

/** The lever's current value in model units (null: not set and nothing sensible to show). */
export function leverValue(lever: Lever, s: ScenarioJson, regions: RegionInfo[], regionId?: string): number | null {
  const k = lever.kind;
  if (regionId) {
    const r = regions.find((x) => x.id === regionId);
    if (!r || k.type !== 'default') return null;
    const v = regionalValue(s, r, k.param);
    if (v === null && k.param === 'solarShare') {
      const t = preTWh(s, r);
      return (t.roof + t.field) / (t.roof + t.field + t.wind || 1);
    }
    return v;
  }
  switch (k.type) {
    case 'national':
      return s.national[k.param] ?? NATIONAL_DEFAULTS[k.param];
    case 'default':
      return s.defaults[k.param] ?? (FROM_DATA.has(k.param) ? null : (REGIONAL_DEFAULTS[k.param] ?? 0));
    case 'total':
      return regions.reduce((sum, r) => sum + (regionalValue(s, r, k.param) ?? 0), 0);
    case 'resTWh':
      return regions.reduce((sum, r) => {
        const t = preTWh(s, r);
        return sum + (t.roof + t.field + t.wind) * (regionalValue(s, r, 'resScale') ?? 1);
      }, 0);
    case 'roofShare': {
      let roof = 0,
        solar = 0;
      for (const r of regions) {
        const t = preTWh(s, r);
        roof += t.roof;
        solar += t.roof + t.field;
      }
      return solar ? roof / solar : 0.4;
    }
    case 'solarShare': {
      if (s.defaults.solarShare !== undefined && s.defaults.solarShare !== null) return s.defaults.solarShare;
      let solar = 0,
        total = 0;
      for (const r of regions) {
        const t = preTWh(s, r);
        solar += t.roof + t.field;
        total += t.roof + t.field + t.wind;
      }
      return total ? solar / total : 0;
    }
  }
}

/** True when the lever differs from the base (data + model defaults), i.e. a reset would change something. */
export function leverIsSet(lever: Lever, s: ScenarioJson, regionId?: string): boolean {
  const k = lever.kind;
  if (regionId) return k.type === 'default' && s.regions[regionId]?.[k.param] !== undefined;
  switch (k.type) {
    case 'national':
      return s.national[k.param] !== undefined;
    case 'default':
      return s.defaults[k.param] !== undefined;
    case 'solarShare':
      return s.defaults.solarShare !== undefined && s.defaults.solarShare !== null;
    case 'resTWh':
      return s.defaults.resScale !== undefined;
    case 'total':
      return s.defaults[k.param] !== undefined || Object.values(s.regions).some((o) => o[k.param] !== undefined);
    case 'roofShare':
      return Object.values(s.regions).some((o) => o.solarRoofTWh !== undefined || o.solarFieldTWh !== undefined);
  }
}

/** Returns a new scenario with the lever set to `value` (model units), or reset when `value` is null. */
export function setLever(
  lever: Lever,
  s0: ScenarioJson,
  regions: RegionInfo[],
  value: number | null,
  regionId?: string,
): ScenarioJson {
  const s = cloneScenario(s0);
  const k = lever.kind;
  const region = (id: string) => (s.regions[id] ??= {});
  const prune = () => {
    for (const [id, o] of Object.entries(s.regions)) if (Object.keys(o).length === 0) delete s.regions[id];
  };
  if (regionId) {
    if (k.type !== 'default') return s0;
    if (value === null) delete region(regionId)[k.param];
    else region(regionId)[k.param] = value;
    prune();
    return s;
  }
  switch (k.type) {
    case 'national':
      if (value === null) delete s.national[k.param];
      else s.national[k.param] = value;
      break;
    case 'default':
      if (value === null) delete s.defaults[k.param];
      else s.defaults[k.param] = value;
      break;
    case 'solarShare':
      if (value === null) delete s.defaults.solarShare;
      else s.defaults.solarShare = value;
      break;
    case 'total': {
      delete s.defaults[k.param];
      if (value === null) {
        for (const r of regions) delete region(r.id)[k.param];
        break;
      }
      // Whole cars, MW and MWh in steps of 0,1 so saved scenarios stay readable; the parts add
      // up exactly to the national total the user typed.
      const perUnit = k.param === 'evCount' ? 1 : 10;
      const parts = apportion(Math.round(value * perUnit), weights(regions, k.by));
      regions.forEach((r, i) => {
        region(r.id)[k.param] = parts[i] / perUnit;
      });
      break;
    }
    case 'resTWh': {
      if (value === null) {
        delete s.defaults.resScale;
        break;
      }
      // Regions with their own resScale keep it; the national lever scales all others.
      let fixed = 0,
        free = 0;
      for (const r of regions) {
        const t = preTWh(s, r);
        const sum = t.roof + t.field + t.wind;
        const own = s.regions[r.id]?.resScale;
        if (own !== undefined && own !== null) fixed += sum * own;
        else free += sum;
      }
      s.defaults.resScale = free > 0 ? Math.max(0, (value - fixed) / free) : 1;
      break;
    }
    case 'roofShare':
      for (const r of regions) {
        if (value === null) {
          delete region(r.id).solarRoofTWh;
          delete region(r.id).solarFieldTWh;
          continue;
        }
        const t = preTWh(s0, r);
        const solar = t.roof + t.field;
        region(r.id).solarRoofTWh = value * solar;
        region(r.id).solarFieldTWh = (1 - value) * solar;
      }
      break;
  }
  prune();
  return s;
}

/** API paths an issue may carry for this lever (`*` = any region). */
function leverPaths(lever: Lever, regionId?: string): string[] {
  const k = lever.kind;
  if (regionId) return k.type === 'default' ? [`regions.${regionId}.${k.param}`] : [];
  switch (k.type) {
    case 'national':
      return [`national.${k.param}`];
    case 'default':
      return [`defaults.${k.param}`];
    case 'solarShare':
      return ['defaults.solarShare'];
    case 'resTWh':
      return ['defaults.resScale'];
    case 'total':
      return [`defaults.${k.param}`, `regions.*.${k.param}`];
    case 'roofShare':
      return ['regions.*.solarRoofTWh', 'regions.*.solarFieldTWh'];
  }
}

const wildcard = (p: string) =>
  new RegExp(
    `^${p
      .split('*')
      .map((x) => x.replace(/\./g, '\\.'))
      .join('[^.]+')}$`,
  );

const STRATEGY = /^(r\.)?share(AllElectric|Hybrid|HeatNet|InsulationOnly)$/;

/** The issues that concern this lever. */
function leverIssues(lever: Lever, issues: Issue[], regionId?: string): Issue[] {
  const paths = leverPaths(lever, regionId);
  // A strategy-share sum above 1 is reported on the layer (`defaults` / `regions.ES01`), so it
  // belongs next to each of the four share sliders of that layer.
  const layer = regionId ? `regions.${regionId}` : 'defaults';
  return issues.filter(
    (i) =>
      paths.some((p) => (p.includes('*') ? wildcard(p).test(i.path) : p === i.path)) ||
      (STRATEGY.test(lever.key) && i.path === layer),
  );
}

/**
 * How the lever shows values in messages: its own unit and scale. Levers that the UI translates
 * (national totals spread over regions, the RES TWh, the roof share) did not type the per-region
 * value a message quotes, so their messages leave it out.
 */
function leverShown(lever: Lever, regionId?: string): Shown {
  const typed = lever.kind.type === 'national' || lever.kind.type === 'default' || lever.kind.type === 'solarShare';
  const unit = lever.unit.startsWith('%') ? '%' : lever.unit;
  return { display: { unit, scale: lever.scale, digits: lever.digits }, typed: typed || regionId !== undefined };
}

/** The Dutch messages of the issues that concern this lever (shown next to it): one per distinct problem. */
export function issuesForLever(lever: Lever, issues: Issue[], regionId?: string): string[] {
  const shown = leverShown(lever, regionId);
  return distinct(leverIssues(lever, issues, regionId).map((i) => dutchMessage(i.message, shown)));
}

/** Issues no lever on screen claims; shown in a box at the top of the form. */
export function unclaimedIssues(levers: readonly Lever[], issues: Issue[], regionId?: string): Issue[] {
  return issues.filter((i) => !levers.some((l) => leverIssues(l, [i], regionId).length > 0));
}

/** The scenario with one klimaattafel's parameters removed everywhere (reset to the base). */
export function withoutTable(s0: ScenarioJson, table: TableId): ScenarioJson {
  const s = cloneScenario(s0);
  const t = TABLES.find((x) => x.id === table)!;
  for (const p of t.national) delete s.national[p];
  for (const p of t.regional) {
    delete s.defaults[p];
    for (const o of Object.values(s.regions)) delete o[p];
  }
  for (const [id, o] of Object.entries(s.regions)) if (Object.keys(o).length === 0) delete s.regions[id];
  return s;
}
