import { describe, expect, it } from 'vitest';
import { caseEventKinds } from '#domain/cases/case-events.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

type Tree = { [key: string]: string | Tree };

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

describe('emergency access texts', () => {
  it.each([
    ['timeline.emergency_access_granted'],
    ['errors.emergency_access_not_needed'],
    ['emergencyAccess.banner'],
    ['emergencyAccess.teamHeading'],
  ])('%s has a label in both languages', (key) => {
    for (const cat of [uk, en]) {
      const v = lookup(cat, key);
      expect(typeof v === 'string' && v.trim() !== '', key).toBe(true);
    }
  });

  it('knows the emergency access event kind', () => {
    expect(caseEventKinds).toContain('emergency_access_granted');
  });

  it('keeps the Ukrainian wording of the banner and the team section', () => {
    expect(uk.emergencyAccess.teamHeading).toBe('Екстрений доступ до випадків');
    expect(uk.emergencyAccess.banner).toContain('лише перегляд');
  });
});
