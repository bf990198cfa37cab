import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { evaluateRows } from '../model/evaluate.ts';
import { parseScenario } from '../scenario/validate.ts';
import { threeRegionDataset } from '../testing/three-region-dataset.ts';
import { contentHashOf, shareDataset } from './shared-dataset.ts';
import { MAX_PREPARED_DATASETS, preparedDatasetOf } from './worker.ts';

const tinyDir = join(import.meta.dirname, '../testdata/tiny/dataset');
const tinyV2Dir = join(import.meta.dirname, '../testdata/tiny-v2/dataset');

describe('the worker thread prepares each dataset once, keyed by its content', () => {
  it('reuses the prepared dataset for another sweep on the same data, even from another Dataset object', () => {
    const first = shareDataset(loadDataset(tinyDir));
    const second = shareDataset(loadDataset(tinyDir)); // loaded again: other objects, other buffers
    expect(second).not.toBe(first);
    expect(second.buffer).not.toBe(first.buffer);
    expect(second.contentHash).toBe(first.contentHash);
    expect(preparedDatasetOf(second)).toBe(preparedDatasetOf(first));
  });

  it('tells datasets apart by content: one profile value or one region field changes the hash', () => {
    const tiny = shareDataset(loadDataset(tinyDir));
    const buffer = new SharedArrayBuffer(tiny.buffer.byteLength);
    new Uint8Array(buffer).set(new Uint8Array(tiny.buffer));
    expect(contentHashOf({ ...tiny, buffer })).toBe(tiny.contentHash);
    new Float64Array(buffer)[5] += 1e-9;
    expect(contentHashOf({ ...tiny, buffer })).not.toBe(tiny.contentHash);
    const regions = tiny.regions.map((region, r) => (r === 0 ? { ...region, homes: region.homes + 1 } : region));
    expect(contentHashOf({ ...tiny, regions })).not.toBe(tiny.contentHash);
  });

  it(`keeps the last ${MAX_PREPARED_DATASETS} datasets and prepares an older one again`, () => {
    const tiny = shareDataset(loadDataset(tinyDir));
    const tinyV2 = shareDataset(loadDataset(tinyV2Dir));
    const three = shareDataset(threeRegionDataset());
    expect(new Set([tiny.contentHash, tinyV2.contentHash, three.contentHash]).size).toBe(3);
    const preparedTiny = preparedDatasetOf(tiny);
    const preparedV2 = preparedDatasetOf(tinyV2);
    expect(preparedDatasetOf(tiny)).toBe(preparedTiny); // tiny is now the most recent
    preparedDatasetOf(three); // evicts tiny-v2, the least recently used
    expect(preparedDatasetOf(tiny)).toBe(preparedTiny);
    const preparedV2Again = preparedDatasetOf(tinyV2);
    expect(preparedV2Again).not.toBe(preparedV2);
    // Prepared again from the same content, it gives the same results to the last bit.
    const scenario = parseScenario({ defaults: { solarShare: 0.4, storageMW: 2, storageMWh: 8 } }, preparedV2);
    const before = evaluateRows(preparedV2, scenario);
    const after = evaluateRows(preparedV2Again, scenario);
    expect(after.every((value, i) => Object.is(value, before[i]))).toBe(true);
  });
});
