import {
  checkFiniteResults,
  evaluate,
  evaluateRegionHourly,
  parseScenario,
  type ScenarioInput,
} from '../../engine/index.ts';
import type { App, AppContext } from '../context.ts';
import { InputError, withInputErrors } from '../errors.ts';
import { EvaluateBodySchema, EvaluateResponseSchema, InvalidInputSchema } from '../schemas.ts';

type Hourly = { region: string; from: number; to: number };

/** `POST /api/evaluate`: the results of one scenario, optionally with one region's hours. */
export function registerEvaluateRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/evaluate',
    {
      schema: {
        tags: ['evaluate'],
        summary: 'Evaluate a scenario (every output per region and nationally)',
        description:
          'The body is a scenario `{ name, national, defaults, regions }`, or `{ scenario, dataset?, hourly?: { region, from, to } }`. ' +
          'With `hourly`, the answer has an `hourly` member with the series of that region for hours [from, to).',
        body: EvaluateBodySchema,
        response: { 200: EvaluateResponseSchema, 400: InvalidInputSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const wrapped = 'scenario' in body && typeof body.scenario === 'object';
      const input = (wrapped ? body.scenario : body) as ScenarioInput;
      const datasetId = wrapped && 'dataset' in body ? body.dataset : undefined;
      const hourly = wrapped && 'hourly' in body ? (body.hourly as Hourly | undefined) : undefined;
      if (datasetId !== undefined && !ctx.datasets.has(datasetId)) {
        throw new InputError([{ path: 'dataset', message: `unknown dataset '${datasetId}' (see GET /api/datasets)` }]);
      }
      const dataset = ctx.datasets.get(datasetId);
      const scenario = withInputErrors(() => parseScenario(input, dataset), wrapped ? 'scenario' : '');
      if (hourly) {
        const issues = [];
        if (!dataset.regionIndex.has(hourly.region))
          issues.push({ path: 'hourly.region', message: `unknown region id '${hourly.region}'` });
        if (hourly.to > dataset.hours)
          issues.push({ path: 'hourly.to', message: `must be at most ${dataset.hours} (the dataset's hours)` });
        if (hourly.from >= hourly.to)
          issues.push({ path: 'hourly.from', message: `must be less than to (${hourly.to})` });
        if (issues.length > 0) throw new InputError(issues);
      }
      const result = evaluate(dataset, scenario);
      // Finite inputs can still overflow (resScale 1e308): such a result is a 400 naming the outputs.
      withInputErrors(() => checkFiniteResults(result), wrapped ? 'scenario' : '');
      // Allowed but result-changing properties of the dataset (profiles that are not a full year).
      const warnings = [...dataset.warnings];
      if (!hourly) return { ...result, warnings };
      const series = evaluateRegionHourly(dataset, scenario, hourly.region, hourly.from, hourly.to);
      withInputErrors(() => checkFiniteResults({ hourly: series }), wrapped ? 'scenario' : '');
      return {
        ...result,
        warnings,
        hourly: {
          region: series.region,
          from: series.from,
          to: series.to,
          feedinLimitMW: series.feedinLimitMW,
          offtakeLimitMW: series.offtakeLimitMW,
          genMW: Array.from(series.genMW),
          loadMW: Array.from(series.loadMW),
          netMW: Array.from(series.netMW),
          netAfterStorageMW: Array.from(series.netAfterStorageMW),
          socMWh: Array.from(series.socMWh),
          lvTransitionKWPerHome: Array.from(series.lvTransitionKWPerHome),
          lvCapacityKWPerHome: series.lvCapacityKWPerHome,
        },
      };
    },
  );
}
