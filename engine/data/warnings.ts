/**
 * Things about a dataset that are allowed but change every result, so users are told (CLI stderr,
 * the API's `warnings`, a notice in the UI) rather than stopped: test datasets are short on purpose.
 */
export interface DatasetWarning {
  /** Stable code for clients that word the warning themselves (the UI, in Dutch). */
  code: 'profilesNotAFullYear';
  /** The number of hours the profiles have. */
  hours: number;
  message: string;
}

/** Hours of a full year: common and leap. */
export const FULL_YEAR_HOURS: readonly number[] = [8760, 8784];

/** Warnings about profiles that do not cover a full year (a cut-short profiles.csv changes every annual sum). */
export function profileLengthWarnings(hours: number): DatasetWarning[] {
  if (FULL_YEAR_HOURS.includes(hours)) return [];
  return [
    {
      code: 'profilesNotAFullYear',
      hours,
      message: `the hourly profiles have ${hours} hours, not a full year (8760 or 8784): annual sums and every result cover only those hours`,
    },
  ];
}

/** The warnings as `warning: …` lines for a terminal (the CLI writes them to stderr). */
export function warningLines(warnings: readonly DatasetWarning[]): string {
  return warnings.map((warning) => `warning: ${warning.message}\n`).join('');
}
