import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario, shareAddress, sharedRequest, withoutShare } from './share-url.ts';

const scenario = {
  name: 'Netbewust — 60 % all-electric',
  national: { targetTWh: 35, weatherYear: 1987 },
  defaults: { shareAllElectric: 0.6, fieldSolarClip: 0.7 },
  regions: { ES01: { solarShare: 0.4 } },
};

describe('share addresses', () => {
  it('round-trips a scenario through ?s= in URL-safe characters', async () => {
    const encoded = await encodeScenario(scenario);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    // Compression pays for base64 once a scenario has regional settings: 30 regions fit in far fewer characters.
    const regions = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`ES${String(i + 1).padStart(2, '0')}`, { solarShare: 0.5 }]),
    );
    const big = await encodeScenario({ ...scenario, regions });
    expect(big.length).toBeLessThan(JSON.stringify({ ...scenario, regions }).length / 2);
    const url = shareAddress('http://127.0.0.1:8035/', '#/scenario', { encoded });
    const req = sharedRequest(new URL(url).search);
    expect(req).toEqual({ kind: 'inline', encoded, dataset: null });
    await expect(decodeScenario(encoded)).resolves.toEqual({ ok: true, scenario });
  });

  it('names a saved scenario by id and version, with an optional dataset', () => {
    const url = shareAddress('http://h/', '#/kaart', { id: 'abcdefghijkl', version: 3 }, 'nl-res30');
    expect(url).toBe('http://h/?scenario=abcdefghijkl&versie=3&dataset=nl-res30#/kaart');
    expect(sharedRequest(new URL(url).search)).toEqual({
      kind: 'saved',
      id: 'abcdefghijkl',
      version: 3,
      dataset: 'nl-res30',
    });
    expect(sharedRequest('?scenario=x&versie=nul')).toEqual({ kind: 'saved', id: 'x', version: null, dataset: null });
    expect(sharedRequest('?iets=1')).toBeNull();
    expect(withoutShare('?scenario=x&versie=2&iets=1')).toBe('?iets=1');
    expect(withoutShare('?s=abc')).toBe('');
  });

  it('refuses a damaged link in Dutch instead of throwing', async () => {
    const encoded = await encodeScenario(scenario);
    for (const bad of [encoded.slice(0, 10), '!!!', 'AAAA']) {
      const r = await decodeScenario(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^De link bevat geen (leesbaar|geldig) scenario/);
    }
  });
});
