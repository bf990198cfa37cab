/** One problem found in user input, located by a dotted JSON path or by file, line and column. */
export interface Issue {
  /** Dotted path (`regions.ES01.storageMW`) or `file:line:column` location. */
  where: string;
  message: string;
}

/** Thrown for invalid user input (scenario, sweep or dataset); carries every issue found. */
export class ValidationError extends Error {
  readonly issues: Issue[];

  constructor(issues: Issue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** Formats an issue as the one-line message users see on stderr. */
export function formatIssue(issue: Issue): string {
  return issue.where ? `${issue.where}: ${issue.message}` : issue.message;
}

/** Joins path segments as dotted paths, the notation of MODEL.md §8 and sweep axes; a blank key shows quoted (`""`, `" "`). */
export function dottedPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment) =>
      typeof segment === 'string' && segment.trim() === '' ? JSON.stringify(segment) : String(segment),
    )
    .join('.');
}
