import { describe, expect, it } from 'vitest';
import { clearPersonalDrafts } from './local-drafts.ts';

function memoryStorage(entries: Record<string, string>): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

describe('clearPersonalDrafts', () => {
  it('removes intake drafts, unsaved assessment and plan edits, keeps the language choice', () => {
    const storage = memoryStorage({ 'rodyna.intake.draft.u1': '{}', 'rodyna.na.unsaved.a1': '{}', 'rodyna.plan.unsaved.p1': '{}', 'rodyna.locale': 'en' });
    expect(clearPersonalDrafts(storage)).toBe(3);
    expect(storage.getItem('rodyna.locale')).toBe('en');
    expect(storage.length).toBe(1);
  });
});
