import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { urgentActions } from '../intake/factors.ts';
import { assertSafetyAssessmentCompletable, findSafetyAssessmentGaps, flagsCaseUrgent, safetyActionTypes, type SafetyAssessmentGap, type SafetyLevel } from './safety-assessment.ts';

describe('findSafetyAssessmentGaps (Resolution 585 Annex 10, §10)', () => {
  it.each<[SafetyLevel | null, number, SafetyAssessmentGap[]]>([
    [null, 0, ['level']],
    [null, 2, ['level']],
    ['safe', 0, []],
    ['conditionally_safe', 0, []],
    ['unsafe', 0, ['immediate_action']],
    ['unsafe', 1, []],
    ['unsafe', 3, []],
  ])('level %s with %i actions → %j', (level, actionCount, gaps) => {
    expect(findSafetyAssessmentGaps({ level, actionCount })).toEqual(gaps);
  });
});

describe('assertSafetyAssessmentCompletable', () => {
  it('throws safety_assessment_incomplete naming the missing parts', () => {
    try {
      assertSafetyAssessmentCompletable({ level: 'unsafe', actionCount: 0 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('safety_assessment_incomplete');
      expect((error as DomainError).details).toEqual({ missing: ['immediate_action'] });
    }
  });

  it('passes a complete act', () => {
    expect(() => assertSafetyAssessmentCompletable({ level: 'safe', actionCount: 0 })).not.toThrow();
  });
});

describe('flagsCaseUrgent', () => {
  it.each<[SafetyLevel, boolean]>([
    ['safe', false],
    ['conditionally_safe', false],
    ['unsafe', true],
  ])('%s → %s', (level, urgent) => {
    expect(flagsCaseUrgent(level)).toBe(urgent);
  });
});

describe('safetyActionTypes', () => {
  it('are the urgent actions of intake plus other', () => {
    expect(safetyActionTypes).toEqual([...urgentActions, 'other']);
  });
});
