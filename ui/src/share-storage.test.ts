import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  forgetWorkingState,
  keepWorkingState,
  keptWorkingState,
  STORAGE_KEY,
  type WorkingState,
} from './share-storage.ts';

/** A Map-backed stand-in for the browser's localStorage (node has none). */
function fakeStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const state: WorkingState = {
  dataset: 'nl-res30',
  scenario: { name: 'Werk', national: { weatherYear: 1987 }, defaults: { shareAllElectric: 0.6 }, regions: {} },
  savedId: 'abcdefghijkl',
  savedVersion: 2,
  base: { name: 'Werk', content: '{"defaults":{}}' },
};

describe('the kept working scenario', () => {
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', { value: fakeStorage(), configurable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('keeps and restores the state, and forgets it', () => {
    expect(keptWorkingState()).toBeNull();
    keepWorkingState(state);
    expect(keptWorkingState()).toEqual(state);
    forgetWorkingState();
    expect(keptWorkingState()).toBeNull();
  });

  it('keeps each signed-in user apart from the others and from the single-user key', () => {
    keepWorkingState(state, 'es07');
    expect(keptWorkingState('es07')).toEqual(state);
    expect(keptWorkingState('es01')).toBeNull();
    expect(keptWorkingState()).toBeNull();
  });

  it('ignores what it did not write: damaged JSON, a missing base, a scenario that is no scenario', () => {
    for (const text of [
      '{',
      'null',
      '[]',
      JSON.stringify({ ...state, base: null }),
      JSON.stringify({ ...state, scenario: 5 }),
    ]) {
      localStorage.setItem(STORAGE_KEY, text);
      expect(keptWorkingState(), text).toBeNull();
    }
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...state, savedVersion: 'twee', savedId: 7 }));
    expect(keptWorkingState()).toEqual({ ...state, savedId: null, savedVersion: null });
  });

  it('does nothing, and throws nothing, without storage', () => {
    Reflect.deleteProperty(globalThis, 'localStorage');
    expect(() => keepWorkingState(state)).not.toThrow();
    expect(keptWorkingState()).toBeNull();
  });
});
