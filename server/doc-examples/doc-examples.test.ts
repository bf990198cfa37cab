/**
 * Every example in README.md and docs/*.md is produced by a script or checked here: the API answers
 * are regenerated (`npm run docs:examples`) and compared with the docs; the shell commands name only
 * scripts, commands, options and files that exist, and the README's own commands run.
 */
import { type ChildProcess, execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../engine/cli/io.ts';
import { main } from '../../engine/cli/main.ts';
import { loadDataset } from '../../engine/data/load-dataset.ts';
import { parseScenario } from '../../engine/scenario/validate.ts';
import { parseSweep } from '../../engine/sweep/spec.ts';
import { buildApp, REPO_ROOT } from '../app.ts';
import { spawnUntilReady, tempDir } from '../test-support.ts';
import { exampleNames } from './docs-text.ts';
import { docFiles, generateExamples, regeneratedDocs } from './generate.ts';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');

/** The commands of the docs' `sh` blocks: continuation lines joined, comments and `curl` left out. */
function shellCommands(): Array<{ file: string; words: string[] }> {
  return docFiles().flatMap((file) =>
    [...read(file).matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
      block[1]
        .replace(/\\\n\s*/g, ' ')
        .split('\n')
        .map((line) => line.replace(/\s+#.*$/, '').trim())
        .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('curl'))
        .flatMap((line) => line.split('&&').map((part) => ({ file, words: part.trim().split(/\s+/) }))),
    ),
  );
}

/** The words after `program` in each command that runs it (`npx samenhang …`, an env prefix allowed). */
function invocations(program: string): Array<{ file: string; args: string[] }> {
  return shellCommands().flatMap(({ file, words }) => {
    const at = words.findIndex((word, i) => word === program && (words[i - 1] === 'npx' || i === 0));
    return at < 0 ? [] : [{ file, args: words.slice(at + 1) }];
  });
}

const options = (args: readonly string[]) => args.filter((a) => a.startsWith('--'));
/** `--json` as a whole option in a usage text (not the start of `--json-lines`). */
const optionPattern = (option: string) => new RegExp(`${option}(?![\\w-])`);

async function cli(args: string[]) {
  const io = captureIo();
  const status = await main(args, io);
  return { status, stdout: io.out, stderr: io.err };
}

describe('the API examples of the docs', () => {
  it('are what the server answers now (run `npm run docs:examples` after a change)', async () => {
    const examples = await generateExamples();
    const docs = await regeneratedDocs(examples);
    const marked = docs.flatMap(({ current }) => exampleNames(current));
    expect(marked.length).toBeGreaterThan(10);
    expect(new Set(marked).size, 'each example shown once').toBe(marked.length);
    expect([...examples.keys()].sort()).toEqual([...marked].sort());
    for (const { file, current, regenerated } of docs) expect(current, file).toBe(regenerated);
  });

  it('include the sensitivity example of the defect report, now reproduced: no made-up swing', () => {
    const api = read('docs/api.md');
    expect(api).not.toContain('-18524672.6');
    expect(exampleNames(api)).toContain('sweep-sensitivity');
  });
});

describe('the shell commands of the docs', () => {
  it('run only npm scripts that exist', () => {
    const scripts = Object.keys(JSON.parse(read('package.json')).scripts);
    const runs = shellCommands().filter(({ words }) => words[0] === 'npm' && words[1] === 'run');
    expect(runs.length).toBeGreaterThan(3);
    for (const { file, words } of runs) expect(scripts, `${file}: npm run ${words[2]}`).toContain(words[2]);
  });

  it('give `samenhang` only commands and options it has, and files that exist', async () => {
    const usage = (await cli(['--help'])).stdout;
    const calls = invocations('samenhang');
    expect(calls.length).toBeGreaterThan(4);
    for (const { file, args } of calls) {
      expect(usage, `${file}: samenhang ${args[0]}`).toContain(`samenhang ${args[0]} `);
      for (const option of options(args)) expect(usage, `${file}: ${option}`).toMatch(optionPattern(option));
      for (const path of args.filter((a) => /^scenarios\/.*\.json$/.test(a)))
        expect(existsSync(join(REPO_ROOT, path)), `${file}: ${path}`).toBe(true);
    }
  });

  it('give `samenhang-server` (and the compiled server) only options and users commands it has', () => {
    const help = (args: string[]) =>
      execFileSync(process.execPath, [join(REPO_ROOT, 'bin/samenhang-server.js'), ...args], { encoding: 'utf8' });
    const serverUsage = help(['--help']);
    const usersUsage = help(['users', '--help']);
    const calls = [
      ...invocations('samenhang-server'),
      ...shellCommands()
        .filter(({ words }) => words[0] === 'node' && words[1] === 'dist/server/main.js')
        .map(({ file, words }) => ({ file, args: words.slice(2) })),
    ];
    expect(calls.length).toBeGreaterThan(10);
    for (const { file, args } of calls) {
      const usage = args[0] === 'users' ? usersUsage : serverUsage;
      if (args[0] === 'users')
        expect(usersUsage, `${file}: users ${args[1]}`).toMatch(new RegExp(`^  ${args[1]} `, 'm'));
      for (const option of options(args)) expect(usage, `${file}: ${option}`).toMatch(optionPattern(option));
    }
  });

  it('name test and script files that exist', () => {
    const paths = shellCommands().flatMap(({ file, words }) =>
      words[0] === 'npx' && (words[1] === 'tsx' || (words[1] === 'vitest' && words[2] === 'run'))
        ? [{ file, path: words[words[1] === 'tsx' ? 2 : 3] }]
        : [],
    );
    expect(paths.length).toBeGreaterThan(2);
    for (const { file, path } of paths) expect(statSync(join(REPO_ROOT, path)), `${file}: ${path}`).toBeTruthy();
  });
});

describe('the README', () => {
  const readme = read('README.md');

  it('gives commands that run on the bundled dataset (in this process; sweeps into a temporary folder)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'samenhang-readme-'));
    const calls = invocations('samenhang').filter(({ file }) => file === 'README.md');
    expect(calls.map(({ args }) => args[0]).sort()).toEqual([
      'evaluate',
      'evaluate',
      'evaluate',
      'evaluate',
      'sweep',
      'sweep',
    ]);
    for (const { args } of calls) {
      // In this thread (no worker pool to start), files from the repository, results into the
      // temporary folder instead of var/.
      const run = args
        .filter((_a, i) => args[i] !== '--workers' && args[i - 1] !== '--workers')
        .map((a, i, all) =>
          all[i - 1] === '--out'
            ? join(out, a.replace(/^var\//, ''))
            : a.startsWith('scenarios/')
              ? join(REPO_ROOT, a)
              : a,
        );
      const result = await cli(args[0] === 'sweep' ? [...run, '--workers', '0'] : run);
      expect(result.stderr, args.join(' ')).not.toMatch(/error|warning/i);
      expect(result.status, args.join(' ')).toBe(0);
      if (args[0] === 'evaluate') expect(result.stdout).toMatch(args.includes('--json') ? /^\{/ : /^Scenario "/);
    }
    expect(statSync(join(out, 'zon-wind.arrow')).size).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'kosten.csv'), 'utf8').split('\n')[0]).toMatch(/^scenario,region,/);
  });

  it('counts the scenarios of the named sweeps as their specs do', () => {
    const dataset = loadDataset();
    const count = (file: string) => parseSweep(JSON.parse(read(file)), dataset).scenarioCount;
    expect(readme).toMatch(/zon-wind\.arrow # 126 scenarios/);
    expect(count('scenarios/sweeps/zon-wind.json')).toBe(126);
    expect(readme).toMatch(/`scenarios\/sweeps\/zon-wind\.json` \|[^|]*\(126 scenarios\)/);
    expect(readme).toMatch(/`scenarios\/sweeps\/warmte-mix\.json` \|[^|]*\(24\)/);
    expect(count('scenarios/sweeps/warmte-mix.json')).toBe(24);
    expect(readme).toMatch(/`scenarios\/sweeps\/eb-herinvestering\.json` \|[^|]*\(21\)/);
    expect(count('scenarios/sweeps/eb-herinvestering.json')).toBe(21);
    expect(readme).toMatch(/`scenarios\/sweeps\/kosten-onzekerheid\.json` \|[^|]*1,000 draws/);
    expect(count('scenarios/sweeps/kosten-onzekerheid.json')).toBe(1000);
  });

  it('shows a scenario JSON that is valid on the bundled dataset', () => {
    const json = readme.match(/```json\n([\s\S]*?)```/)?.[1];
    expect(json).toBeDefined();
    const scenario = parseScenario(JSON.parse(json as string), loadDataset());
    expect(scenario.name).toBe('netbewust Groningen');
  });

  it('quotes the error line the command line prints for a negative value', async () => {
    const quoted = readme.match(/`(error: regions\.ES01\.storageMW: [^`]+)`/)?.[1];
    expect(quoted).toBeDefined();
    const scenario = join(mkdtempSync(join(tmpdir(), 'samenhang-readme-')), 'negative.json');
    writeFileSync(scenario, JSON.stringify({ regions: { ES01: { storageMW: -5 } } }));
    const result = await cli(['evaluate', scenario]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${quoted}\n`);
  });

  it('quotes the error line for a bad cell of a dataset, at its line and column', async () => {
    const quoted = readme.match(/`(error: scenarios\/data\/x\/regions\.csv:[^`]+)`/)?.[1];
    expect(quoted).toBeDefined();
    // A copy of the tiny dataset as "x", with "many" homes in the second region (line 3, column 4).
    const dir = join(mkdtempSync(join(tmpdir(), 'samenhang-readme-')), 'x');
    cpSync(join(REPO_ROOT, 'engine/testdata/tiny/dataset'), dir, { recursive: true });
    const regions = readFileSync(join(dir, 'regions.csv'), 'utf8').split('\n');
    expect(regions[0].split(',')[3]).toBe('homes');
    const cells = regions[2].split(',');
    cells[3] = 'many';
    regions[2] = cells.join(',');
    writeFileSync(join(dir, 'regions.csv'), regions.join('\n'));
    const scenario = join(dir, '..', 'empty.json');
    writeFileSync(scenario, '{}');
    const result = await cli(['evaluate', scenario, '--dataset', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr.replaceAll(dir, 'scenarios/data/x')).toBe(`${quoted}\n`);
  });
});

describe('the output the docs quote', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const server = join(REPO_ROOT, 'dist/server/main.js');
  const env = { ...process.env, SAMENHANG_LOG_LEVEL: 'warn' };

  it('api.md: the lines the compiled server prints when it starts (port 8035 there, a free one here)', async () => {
    const quoted = read('docs/api.md').match(/It prints:\n\n```\n([\s\S]*?)```/)?.[1];
    expect(quoted).toBeDefined();
    const ready = /API docs: http:\/\/127\.0\.0\.1:(\d+)\/docs\)\n/;
    const started = await spawnUntilReady([server, '--port', '0', '--data-dir', tempDir()], ready, children, env);
    expect(started.stdout().replaceAll(`:${started.match[1]}/`, ':8035/')).toBe(quoted);
    started.child.kill('SIGTERM');
  });

  it('security.md: the line a server reachable from other machines prints when it has no accounts', () => {
    const quoted = read('docs/security.md').match(/```\n(samenhang: this server is reachable[^\n]*)\n```/)?.[1];
    expect(quoted).toBeDefined();
    const run = spawnSync(process.execPath, [server, '--host', '0.0.0.0', '--port', '0', '--data-dir', tempDir()], {
      encoding: 'utf8',
      env,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${quoted}\n`);
  });

  it('data.md: the scenario with a region’s own figures is valid on the bundled dataset', () => {
    const json = read('docs/data.md').match(/```json\n([\s\S]*?)```/)?.[1];
    expect(json).toBeDefined();
    const scenario = parseScenario(JSON.parse(json as string), loadDataset());
    expect(scenario.regions.ES01).toMatchObject({ solarRoofTWh: 1.2, solarFieldTWh: 2.0, windTWh: 2.5 });
  });

  it('ui.md: `npm run screenshots -- --only NAME` names a set the screenshot script has', () => {
    const names = [...read('docs/ui.md').matchAll(/npm run screenshots -- --only (\S+)/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    const script = read('ui/screenshots.ts');
    for (const name of names) expect(script, name).toContain(`only === '${name}'`);
  });
});

describe('the screenshots of the docs', () => {
  it('are the ones `npm run screenshots` writes, every one shown in the docs, each file there', () => {
    const written = [...read('ui/screenshots.ts').matchAll(/shot\(page, '([a-z-]+)'/g)]
      .map((m) => `${m[1]}.png`)
      .sort();
    const shown = docFiles()
      .flatMap((file) => [...read(file).matchAll(/\]\((?:docs\/)?screenshots\/([a-z-]+\.png)\)/g)].map((m) => m[1]))
      .sort();
    const files = readdirSync(join(REPO_ROOT, 'docs/screenshots')).sort();
    expect(new Set(written).size).toBe(written.length);
    expect([...new Set(shown)].sort()).toEqual(written);
    expect(files).toEqual(written);
  });

  it('show each view of the navigation, named after it', () => {
    // The views of the navigation (VIEWS); the accounts page of a shared server is not one of them.
    const list = read('ui/src/components/app-shell.ts').match(/export const VIEWS = \[([\s\S]*?)\]/)?.[1] ?? '';
    const views = [...list.matchAll(/\{ id: '([a-z]+)', label: /g)].map((m) => m[1]);
    expect(views.length).toBeGreaterThan(8);
    const written = [...read('ui/screenshots.ts').matchAll(/shot\(page, '([a-z-]+)'/g)].map((m) => m[1]);
    for (const view of views) expect(written, view).toContain(view);
  });
});

describe('the error bodies of the api.md table', () => {
  /** The rows of the table under "## Errors": status and the JSON body quoted in the last column. */
  const rows = [...read('docs/api.md').matchAll(/^\| (\d{3}) \| .* \| `(\{.*\})`[^|]*\|$/gm)].map((m) => ({
    status: Number(m[1]),
    body: m[2],
  }));
  const cases: Array<{
    status: number;
    has: string;
    request: InjectOptions;
  }> = [
    {
      status: 400,
      has: 'regions.ES01.storageMW',
      request: { method: 'POST', url: '/api/evaluate', payload: { regions: { ES01: { storageMW: -5 } } } },
    },
    { status: 400, has: '"path": "url"', request: { url: '/api/%zz' } },
    { status: 404, has: 'not found', request: { url: '/api/scenarios/k3q7xw2mabcd' } },
    { status: 405, has: 'method not allowed', request: { method: 'DELETE', url: '/api/evaluate' } },
    {
      status: 413,
      has: 'too large',
      request: {
        method: 'POST',
        url: '/api/evaluate',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
      },
    },
  ];

  it('are what the server answers (the rows without "…")', async () => {
    expect(rows.length).toBeGreaterThan(8);
    const app = await buildApp({ dataDir: tempDir(), sweepWorkers: 1 });
    try {
      for (const { status, has, request } of cases) {
        const row = rows.find((r) => r.status === status && r.body.includes(has));
        expect(row, `${status} ${has}`).toBeDefined();
        const response = await app.inject(request);
        expect(response.statusCode, `${status} ${has}`).toBe(status);
        expect(response.json(), `${status} ${has}`).toEqual(JSON.parse((row as { body: string }).body));
        if (status === 405) expect(response.headers.allow).toBe('POST');
      }
    } finally {
      await app.close();
    }
  });
});
