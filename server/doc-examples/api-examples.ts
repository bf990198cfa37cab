/**
 * The examples of docs/api.md, produced by real requests against the server on the bundled dataset
 * (`buildApp` + `inject`, no network): each is the curl command and the answer, shortened by the
 * helpers of render.ts. `generate.ts` writes them into the docs; a test checks that they still agree.
 */
import type { App } from '../context.ts';
import { compactJson, first, MORE, pick, rounded, withoutVolatile } from './render.ts';

/** A JSON answer as the examples read it. */
// biome-ignore lint/suspicious/noExplicitAny: answers of many shapes, read only to pick members for display
type Answer = any;

/** A request as an example shows it. */
interface ExampleRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  /** A body sent as it is (CSV), shown as `--data-binary @file`. */
  text?: { content: string; contentType: string; file: string };
}

/** Ids that differ on every run are shown as these, in order of appearance. */
const SHOWN_IDS = ['qyjllbeu6poc', 'cnrgnvdn6akd', 'k3q7xw2mabcd'];
/** Members whose values differ on every run. */
const VOLATILE = [
  'uptimeSeconds',
  'createdAt',
  'updatedAt',
  'startedAt',
  'finishedAt',
  'seconds',
  'scenariosPerSecond',
];

/** The curl command of a request (`$B` is the server's address). */
export function curlOf(request: ExampleRequest): string {
  const url = /[?&]/.test(request.url) ? `"$B${request.url}"` : `$B${request.url}`;
  const method = request.method && request.method !== 'GET' ? `-X ${request.method} ` : '';
  if (request.text)
    return `curl ${method}${url} -H 'content-type: ${request.text.contentType}' --data-binary @${request.text.file}`;
  if (request.body === undefined) return `curl ${method}${url}`;
  return `curl ${method}${url} -H 'content-type: application/json' \\\n  -d '${compactJson(request.body, 100, 2)}'`;
}

const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text}\n\`\`\``;

/** Runs the examples in order against `app` and returns each one's markdown by name. */
export async function apiExamples(app: App): Promise<Map<string, string>> {
  const examples = new Map<string, string>();
  const ids = new Map<string, string>();
  /** Replaces the ids of this run by the fixed ones the docs show. */
  const shown = (text: string) => {
    let out = text;
    for (const [real, fixed] of ids) out = out.replaceAll(real, fixed);
    return out;
  };
  const remember = (id: string) => {
    if (!ids.has(id)) ids.set(id, SHOWN_IDS[ids.size]);
  };
  const call = async (request: ExampleRequest) => {
    const response = await app.inject({
      method: request.method ?? 'GET',
      url: request.url,
      ...(request.text
        ? { payload: request.text.content, headers: { 'content-type': request.text.contentType } }
        : request.body === undefined
          ? {}
          : { payload: request.body as object }),
    });
    return response;
  };
  /** One example: the command, then the answer shaped by `show`. */
  const example = async (name: string, request: ExampleRequest, show: (answer: Answer) => unknown, lang = 'json') => {
    const response = await call(request);
    const body = response.headers['content-type']?.toString().includes('json') ? response.json() : response.body;
    const answer = show(body);
    const text = typeof answer === 'string' ? answer : compactJson(withoutVolatile(answer, VOLATILE));
    examples.set(name, `${fence('sh', shown(curlOf(request)))}\n${fence(lang, shown(text))}`);
    return body;
  };

  await example('health', { url: '/api/health' }, (a) => a);
  await example('datasets', { url: '/api/datasets' }, (a) => a);
  await example('regions', { url: '/api/regions?dataset=nl-res30' }, (a) => ({
    ...a,
    regions: first(rounded(a.regions, 5), 1),
  }));
  await example('geojson', { url: '/api/regions.geojson' }, (a) => ({
    type: a.type,
    provenance: { ...a.provenance, notes: MORE },
    features: first(
      a.features.map((f: Answer) => ({ ...f, geometry: { type: f.geometry.type, coordinates: MORE } })),
      1,
    ),
  }));

  const regionKeys = [
    'id',
    'peakFeedinMW',
    'peakOfftakeMW',
    'reinforceFeedinMW',
    'congestionHoursFeedin',
    'resNominalTWh',
    'gridCapexEUR',
    'tariffEURPerConnection',
    'deltaWoonlastenHY_EUR',
    'landClaimShareOfArable',
  ];
  const nationalKeys = ['peakFeedinMW', 'gridCapexEUR', 'tariffEURPerConnection', 'route35Triggered', 'targetGapTWh'];
  await example(
    'evaluate',
    { method: 'POST', url: '/api/evaluate', body: { name: 'opslag', defaults: { storageMW: 5, storageMWh: 10 } } },
    (a) =>
      rounded({
        regions: first(
          a.regions.map((r: Record<string, unknown>) => pick(r, regionKeys)),
          1,
        ),
        national: pick(a.national, nationalKeys),
        warnings: a.warnings,
      }),
  );
  await example(
    'evaluate-hourly',
    {
      method: 'POST',
      url: '/api/evaluate',
      body: {
        scenario: { national: { weatherYear: 1987 }, defaults: { storageMW: 5, storageMWh: 10 } },
        dataset: 'nl-res30',
        hourly: { region: 'ES01', from: 0, to: 168 },
      },
    },
    (a) => ({
      regions: [MORE],
      national: { [MORE]: MORE },
      hourly: rounded(
        Object.fromEntries(
          Object.entries(a.hourly).map(([k, v]) => [k, Array.isArray(v) ? first(v as number[], 3) : v]),
        ),
      ),
    }),
  );
  await example(
    'evaluate-invalid',
    {
      method: 'POST',
      url: '/api/evaluate',
      body: { regions: { ES01: { storageMW: -5 } }, national: { wacc: 0.03 } },
    },
    (a) => a,
  );

  await scenarioLibrary(call, remember, shown, examples);

  const spec = {
    name: 'opslag',
    base: { defaults: { storageMWh: 2000 } },
    axes: [
      { path: 'defaults.storageMW', values: [0, 500] },
      { path: 'national.waccGrid', uniform: [0.02, 0.05] },
    ],
    samples: 2,
    seed: 42,
  };
  const started = await example('sweep-start', { method: 'POST', url: '/api/sweeps', body: spec }, (a) => {
    remember(a.id);
    return a;
  });
  const id = started.id as string;
  // Following the events waits until the sweep has ended (how many progress events a running sweep
  // sends depends on the machine); a finished sweep then answers at once with its progress and end.
  const follow = { url: `/api/sweeps/${id}/events`, headers: { accept: 'text/event-stream' } };
  await app.inject(follow);
  const events = await app.inject(follow);
  examples.set(
    'sweep-events',
    `${fence('sh', shown(`curl -N $B/api/sweeps/${id}/events`))}\n${fence('', shown(eventsShown(events.body)))}`,
  );
  await example('sweep-status', { url: `/api/sweeps/${id}` }, (a) => ({ ...a, spec: { ...a.spec, axes: [MORE] } }));
  await example(
    'sweep-csv',
    { url: `/api/sweeps/${id}/result?format=csv&region=NL&limit=2` },
    (csv: string) =>
      csv
        .trim()
        .split('\n')
        .map((line) => `${line.split(',').slice(0, 6).join(',')},${MORE}`)
        .join('\n'),
    '',
  );
  await example('sweep-pareto', { url: `/api/sweeps/${id}/pareto` }, (a) => ({
    ...a,
    points: first(
      a.points.map((p: Record<string, unknown>) => ({ ...rounded({ ...p, axes: undefined }, 1), axes: p.axes })),
      2,
    ),
  }));
  await example('sweep-sensitivity', { url: `/api/sweeps/${id}/sensitivity?output=gridAnnuityEUR` }, (a) =>
    rounded(a, 4),
  );
  await example(
    'sweep-sensitivity-region',
    { url: `/api/sweeps/${id}/sensitivity?output=tariffEURPerConnection&region=ES01` },
    (a) => rounded(a, 4),
  );
  // A nullable output: no energy-tax share where the revenue is 0, so the revenue axis gets no bar.
  const ebSpec = {
    name: 'eb-aandeel',
    base: {},
    axes: [
      { path: 'national.ebRevenueEURPerYear', values: [0, 6000000000] },
      { path: 'national.equityShare', values: [0, 0.5] },
    ],
  };
  const eb = (await call({ method: 'POST', url: '/api/sweeps', body: ebSpec })).json() as { id: string };
  remember(eb.id);
  await app.inject({ url: `/api/sweeps/${eb.id}/events`, headers: { accept: 'text/event-stream' } });
  await example(
    'sweep-sensitivity-nullable',
    { url: `/api/sweeps/${eb.id}/sensitivity?output=financeSubsidyEBShare` },
    (a) => rounded(a, 4),
  );
  return examples;
}

/** The server-sent events of a finished sweep, with the summary's durations shortened. */
function eventsShown(body: string): string {
  return body
    .trim()
    .replace(/"seconds":[\d.e+-]+/g, `"seconds":"${MORE}"`)
    .replace(/"scenariosPerSecond":[\d.e+-]+/g, `"scenariosPerSecond":"${MORE}"`);
}

/** Save, change, read, list versions, delete and restore a scenario: one shell session with the answers. */
async function scenarioLibrary(
  call: (request: ExampleRequest) => Promise<{ statusCode: number; body: string; json(): Answer }>,
  remember: (id: string) => void,
  shown: (text: string) => string,
  examples: Map<string, string>,
): Promise<void> {
  const lines: string[] = [];
  const step = async (request: ExampleRequest, comment?: (answer: string) => string) => {
    const response = await call(request);
    const answer = response.statusCode === 204 ? '204' : response.body;
    lines.push(comment ? `${curlOf(request)}     # ${comment(answer)}` : curlOf(request));
    if (!comment)
      lines.push(
        ...compactJson(withoutVolatile(response.json(), VOLATILE), 106)
          .split('\n')
          .map((l) => `# ${l}`),
      );
    return response;
  };
  const created = await step({
    method: 'POST',
    url: '/api/scenarios',
    body: { name: 'Mijn scenario', author: 'Anna', note: 'eerste versie', scenario: { defaults: { storageMW: 5 } } },
  });
  const id = created.json().id as string;
  remember(id);
  await step({
    method: 'PUT',
    url: `/api/scenarios/${id}`,
    body: {
      name: 'Mijn scenario',
      author: 'Bram',
      note: 'meer opslag',
      scenario: { defaults: { storageMW: 8 } },
      baseVersion: 1,
    },
  });
  await step({ url: `/api/scenarios/${id}?version=1` });
  await step({ url: `/api/scenarios/${id}/versions` });
  await step({ method: 'DELETE', url: `/api/scenarios/${id}` }, (answer) => answer);
  await step({ method: 'POST', url: `/api/scenarios/${id}/restore` }, (answer) =>
    JSON.stringify(withoutVolatile(JSON.parse(answer), VOLATILE)),
  );
  examples.set('scenario-library', fence('sh', shown(lines.join('\n'))));
}
