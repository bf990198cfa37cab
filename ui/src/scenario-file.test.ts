import { describe, expect, it } from 'vitest';
import { parseScenarioText, scenarioFileText } from './scenario-file.ts';

describe('scenario files', () => {
  const scenario = { name: 'Netbewust', national: { targetTWh: 35 }, defaults: { shareAllElectric: 0.6 }, regions: {} };

  it('round-trips a scenario through its file text', () => {
    const text = scenarioFileText(scenario);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseScenarioText(text)).toEqual({ ok: true, scenario });
  });

  it('accepts a byte-order mark, a saved scenario as the API returns it, and missing layers', () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(scenario)}`)).toEqual({ ok: true, scenario });
    expect(parseScenarioText(JSON.stringify({ id: 'abc', version: 2, scenario }))).toEqual({ ok: true, scenario });
    expect(parseScenarioText('{"name":"Leeg"}')).toEqual({
      ok: true,
      scenario: { name: 'Leeg', national: {}, defaults: {}, regions: {} },
    });
  });

  it('refuses what is no scenario with a Dutch message, never a throw', () => {
    for (const text of ['', 'niet json', '[1,2]', '"tekst"', 'null', '42']) {
      const r = parseScenarioText(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.messages[0]).toMatch(/^Het bestand (is geen geldige JSON|bevat geen scenario)/);
    }
    const unnamed = parseScenarioText('{"national":{}}');
    expect(unnamed).toEqual({ ok: false, messages: [expect.stringMatching(/^Naam: .*geen naam/)] });
  });
});
