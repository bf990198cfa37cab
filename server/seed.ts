import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatIssue, parseScenario, ValidationError } from '../engine/index.ts';
import type { AppContext } from './context.ts';
import { getMeta, setMeta } from './db.ts';

export interface SeedReport {
  imported: Array<{ file: string; id: string; name: string }>;
  skipped: Array<{ file: string; reason: string }>;
  alreadySeeded: boolean;
}

/**
 * Loads the named scenarios (`scenarios/*.json`, each a scenario whose `name` is its display name)
 * into an empty library once. The `seeded` meta entry records that it happened, so scenarios the
 * users delete stay deleted. Invalid files are skipped and reported.
 */
export function seedLibrary(ctx: AppContext, dir: string): SeedReport {
  const report: SeedReport = { imported: [], skipped: [], alreadySeeded: false };
  if (getMeta(ctx.db, 'seeded') !== undefined) return { ...report, alreadySeeded: true };
  if (ctx.library.count() > 0) {
    setMeta(ctx.db, 'seeded', JSON.stringify({ at: new Date().toISOString(), files: [], reason: 'library not empty' }));
    return { ...report, alreadySeeded: true };
  }
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith('.json'))
        .sort()
    : [];
  if (files.length === 0) return report; // nothing to seed yet: try again at the next start
  const dataset = ctx.datasets.get();
  const saves: Array<{ file: string; name: string; scenario: Record<string, unknown> }> = [];
  for (const file of files) {
    try {
      const scenario = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      parseScenario(scenario, dataset);
      const name =
        typeof scenario.name === 'string' && scenario.name.trim() !== ''
          ? scenario.name.trim()
          : basename(file, '.json');
      saves.push({ file, name, scenario });
    } catch (error) {
      const reason =
        error instanceof ValidationError ? error.issues.map(formatIssue).join('; ') : (error as Error).message;
      report.skipped.push({ file, reason });
    }
  }
  ctx.db.transaction(() => {
    for (const { file, name, scenario } of saves) {
      const { id } = ctx.library.create({
        name,
        author: 'Samenhang',
        note: `bundled scenario scenarios/${file}`,
        scenario,
      });
      report.imported.push({ file, id, name });
    }
    setMeta(
      ctx.db,
      'seeded',
      JSON.stringify({ at: new Date().toISOString(), files: report.imported.map((entry) => entry.file) }),
    );
  })();
  return report;
}
