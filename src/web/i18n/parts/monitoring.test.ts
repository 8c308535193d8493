import { describe, expect, it } from 'vitest';
import { teamRoles } from '#domain/cases/case-team.ts';
import { noteKinds } from '#domain/cases/case-notes.ts';
import { reportCriteria, closureCriteria, type ClosureBlocker } from '#domain/cases/closure.ts';
import { followUpOutcomes, followUpSelections, followUpStatuses } from '#domain/cases/follow-up.ts';
import { childSeenAloneAnswers, visitPlaces } from '#domain/cases/home-visits.ts';
import { commissionGrounds, measureStatuses, overallStatuses } from '#domain/cases/plan-reports.ts';
import { goalAchievements, reviewDecisions, reviewKinds } from '#domain/cases/review.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

type Tree = { [key: string]: string | Tree };

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

const blockerCodes: Array<ClosureBlocker['code']> = [
  'plan_goals_missing',
  'goal_results_missing',
  'goals_not_met',
  'goal_comment_missing',
  'benchmarks_missing',
  'benchmarks_below_threshold',
  'criteria_missing',
  'child_views_missing',
  'family_views_missing',
  'report_incomplete',
];

/** Every domain code shown on the monitoring, review and closure screens, with the catalogue path of its label. */
const codeLists: Record<string, readonly string[]> = {
  'work.teamRole': teamRoles,
  'work.noteKind': noteKinds,
  'work.visitPlace': visitPlaces,
  'work.childSeenAlone': childSeenAloneAnswers,
  'work.measureStatus': measureStatuses,
  'work.overallStatus': overallStatuses,
  'work.commissionGround': commissionGrounds,
  'review.kind': reviewKinds,
  'review.decision': reviewDecisions,
  'review.goalAchievement': goalAchievements,
  'closure.criterion': closureCriteria,
  'closure.reportCriterion': reportCriteria,
  'closure.reportField': ['servicesProvided', 'recommendations', ...reportCriteria.map((c) => `status_${c}`)],
  'closure.blocker': blockerCodes,
  'closure.status': ['pending', 'approved', 'returned'],
  'followUp.outcomes': followUpOutcomes,
  'followUp.selection': followUpSelections,
  'followUp.status': followUpStatuses,
  'benchmarks.occasion': ['baseline', 'review', 'closure'],
  'benchmarks.subject': ['child', 'caregivers'],
  'review.rule': ['review_complex', 'review_other'],
};

describe('monitoring catalogue part', () => {
  for (const [prefix, codes] of Object.entries(codeLists)) {
    it(`labels every ${prefix} code in Ukrainian and English`, () => {
      for (const code of codes) {
        for (const [lang, cat] of Object.entries({ uk, en })) {
          const label = lookup(cat, `${prefix}.${code}`);
          expect(typeof label === 'string' && label.trim().length > 0, `${lang}: ${prefix}.${code}`).toBe(true);
        }
      }
    });
  }

  it('uses the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const walk = (a: unknown, b: unknown, path: string) => {
      if (typeof a === 'string') {
        expect(vars(String(b)), path).toEqual(vars(a));
        return;
      }
      for (const k of Object.keys(a as Tree)) walk((a as Tree)[k], (b as Tree)[k], `${path}.${k}`);
    };
    for (const top of ['benchmarks', 'work', 'review', 'closure', 'followUp']) walk(lookup(uk, top), lookup(en, top), top);
  });
});
