/**
 * The columns of `regions.csv` (MODEL.md §1.1, §6): the one list the loader, the `RegionData` type,
 * the API's region schema, the UI and the dataset build are derived from. Adding a column is adding
 * one entry here (plus what the model does with it).
 */

/**
 * How a cell becomes a field of `RegionData`:
 * - `text` a string (trimmed for `id`); `list` `;`-separated strings;
 * - `profile` the name of a `profiles.csv` column, checked to exist and to suit its `profileKind`;
 * - `number` a finite number ≥ 0 (at most `MAX_DATASET_VALUE`).
 */
export type RegionColumnKind = 'text' | 'list' | 'profile' | 'number';

/**
 * What an empty cell means:
 * - `error` not allowed (a number or id is missing; a profile name must name a column);
 * - `value` the empty text is the value (`name`, `provinces`);
 * - `derived` a default rule of MODEL.md §1.4 fills it in when the dataset is prepared (`derived` flag);
 * - `null` the field is null and the model applies its default (which may depend on the scenario).
 */
export type RegionColumnEmpty = 'error' | 'value' | 'derived' | 'null';

/** How a profile column is used: capacity factors in [0, 1], a non-negative shape, or temperatures. */
export type ProfileKind = 'cf' | 'shape' | 'temp';

interface ColumnBase {
  name: string;
  /** False when the column may be absent from the file. */
  required: boolean;
  /** Value of every cell of an optional column that is absent; without it, its cells count as empty. */
  whenAbsent?: number;
  empty: RegionColumnEmpty;
  /** Unit and meaning, as MODEL.md §1.1 gives them (used in the API schema). */
  description: string;
}

/** One column of `regions.csv`; a profile column says how its profile is used. */
export type RegionColumn =
  | (ColumnBase & { kind: Exclude<RegionColumnKind, 'profile'> })
  | (ColumnBase & { kind: 'profile'; profileKind: ProfileKind });

const COLUMNS = [
  { name: 'id', kind: 'text', required: true, empty: 'error', description: 'region id' },
  { name: 'name', kind: 'text', required: true, empty: 'value', description: 'region name' },
  {
    name: 'provinces',
    kind: 'list',
    required: true,
    empty: 'value',
    description: 'provinces (;-separated in the CSV)',
  },
  { name: 'homes', kind: 'number', required: true, empty: 'error', description: 'dwellings in the region (count)' },
  {
    name: 'connections',
    kind: 'number',
    required: true,
    empty: 'derived',
    description: 'small-consumer grid connections (count; default homes × 1.1)',
  },
  {
    name: 'baseDemandTWh',
    kind: 'number',
    required: true,
    empty: 'error',
    description: 'electricity demand without new heat pumps, EVs or new industry (TWh/yr)',
  },
  {
    name: 'solarRoofTWh',
    kind: 'number',
    required: true,
    empty: 'error',
    description: 'default 2030 large-roof solar counted for the RES (TWh/yr)',
  },
  {
    name: 'solarFieldTWh',
    kind: 'number',
    required: true,
    empty: 'error',
    description: 'default 2030 field solar counted for the RES (TWh/yr)',
  },
  {
    name: 'windTWh',
    kind: 'number',
    required: true,
    empty: 'error',
    description: 'default 2030 onshore wind counted for the RES (TWh/yr)',
  },
  {
    name: 'solarSmallRoofTWh',
    kind: 'number',
    required: false,
    whenAbsent: 0,
    empty: 'error',
    description: 'small rooftop PV, on the grid but not counted for the RES (TWh/yr; 0 when absent)',
  },
  {
    name: 'existingSolarRoofTWh',
    kind: 'number',
    required: false,
    whenAbsent: 0,
    empty: 'error',
    description: 'large roofs already producing in the base year (TWh/yr; 0 when absent)',
  },
  {
    name: 'existingSolarFieldTWh',
    kind: 'number',
    required: true,
    empty: 'error',
    description: 'solar fields already connected in the base year (TWh/yr)',
  },
  {
    name: 'existingWindTWh',
    kind: 'number',
    required: true,
    empty: 'error',
    description: 'onshore wind already connected in the base year (TWh/yr)',
  },
  {
    name: 'gridFeedinMW',
    kind: 'number',
    required: true,
    empty: 'derived',
    description: 'transport capacity available today for net feed-in (MW)',
  },
  {
    name: 'gridOfftakeMW',
    kind: 'number',
    required: true,
    empty: 'derived',
    description: 'transport capacity available today for net offtake (MW)',
  },
  {
    name: 'solarProfile',
    kind: 'profile',
    profileKind: 'cf',
    required: true,
    empty: 'error',
    description: 'profiles.csv column with the solar capacity factors',
  },
  {
    name: 'windProfile',
    kind: 'profile',
    profileKind: 'cf',
    required: true,
    empty: 'error',
    description: 'profiles.csv column with the wind capacity factors',
  },
  {
    name: 'tempProfile',
    kind: 'profile',
    profileKind: 'temp',
    required: true,
    empty: 'error',
    description: 'profiles.csv column with the outdoor temperature (°C)',
  },
  {
    name: 'baseProfile',
    kind: 'profile',
    profileKind: 'shape',
    required: true,
    empty: 'error',
    description: 'profiles.csv column with the base demand shape',
  },
  {
    name: 'householdDemandTWh',
    kind: 'number',
    required: false,
    empty: 'null',
    description: 'v2: household electricity, part of baseDemandTWh, for the LV layer (TWh/yr); null: homes × 2600 kWh',
  },
  {
    name: 'householdProfile',
    kind: 'profile',
    profileKind: 'shape',
    required: false,
    empty: 'null',
    description: "v2: profiles.csv column with the household demand shape; null: the region's baseProfile",
  },
  {
    name: 'lvCapacityKWPerHome',
    kind: 'number',
    required: false,
    empty: 'null',
    description: 'v2: LV grid capacity per home today (kW); null: derived from today’s LV peak per home',
  },
  {
    name: 'housingNeedHomes',
    kind: 'number',
    required: false,
    empty: 'null',
    description: "v2: homes to be built by 2030 (count); null: homes × the scenario's housingGrowthShare",
  },
  {
    name: 'arableLandHa',
    kind: 'number',
    required: false,
    empty: 'null',
    description: 'v2: agricultural land (ha); null when not given',
  },
] as const satisfies readonly RegionColumn[];

type Column = (typeof COLUMNS)[number];

/** The columns of `regions.csv` in the order the bundled data and the worked examples write them. */
export const REGION_COLUMNS: readonly (RegionColumn & { name: RegionColumnName })[] = COLUMNS;

/** Name of a `regions.csv` column. */
export type RegionColumnName = Column['name'];

/** The field type a column gives `RegionData`. */
type FieldOf<C extends RegionColumn> = C['kind'] extends 'list'
  ? string[]
  : C['kind'] extends 'number'
    ? C['empty'] extends 'null'
      ? number | null
      : number
    : C['empty'] extends 'null'
      ? string | null
      : string;

/** The fields of one region, one per `regions.csv` column. */
export type RegionFields = { [C in Column as C['name']]: FieldOf<C> };

/** Columns whose empty cells a MODEL.md §1.4 default rule fills in. */
export type DerivedColumnName = Extract<Column, { empty: 'derived' }>['name'];

/** Columns naming a profile. */
export type ProfileColumnName = Extract<Column, { kind: 'profile' }>['name'];

/** Numeric columns. */
export type NumericColumnName = Extract<Column, { kind: 'number' }>['name'];

/** Names of all columns, in file order. */
export const REGION_COLUMN_NAMES: readonly RegionColumnName[] = REGION_COLUMNS.map((c) => c.name);

/** Names of the columns a `regions.csv` must have. */
export const REQUIRED_REGION_COLUMNS: readonly RegionColumnName[] = REGION_COLUMNS.filter((c) => c.required).map(
  (c) => c.name,
);

/** Names of the columns whose empty cells a default rule fills in (the keys of `RegionData.derived`). */
export const DERIVED_REGION_COLUMNS = REGION_COLUMNS.filter((c) => c.empty === 'derived').map(
  (c) => c.name,
) as DerivedColumnName[];

/** True when `name` is a column of `regions.csv`. */
export function isRegionColumn(name: string): name is RegionColumnName {
  return REGION_COLUMN_NAMES.includes(name as RegionColumnName);
}

/** Just the column fields of a region (without `derived` or anything else it carries). */
export function regionFieldsOf(region: RegionFields): RegionFields {
  return Object.fromEntries(REGION_COLUMN_NAMES.map((name) => [name, region[name]])) as unknown as RegionFields;
}
