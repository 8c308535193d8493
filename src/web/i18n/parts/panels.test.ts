import { describe, expect, it } from 'vitest';
import { assessmentKinds } from '#contracts/panels.contract.ts';
import { ageGroups } from '#domain/institutions/institutions.ts';
import { actionStatuses, bodyKinds, careOptions, memberRoles, memberSectors, presences, voteChoices } from '#domain/panels/panels.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

type Tree = { [key: string]: string | Tree };

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

/** Every code list the panels screens display, with where its labels live. */
const codeLists: Array<[string, readonly string[]]> = [
  ['panels.kind', bodyKinds],
  ['panels.role', memberRoles],
  ['panels.sector', memberSectors],
  ['panels.meeting.presence', presences],
  ['panels.meeting.voteChoice', [...voteChoices, 'none']],
  ['panels.meeting.outcome', ['pending', 'adopted', 'rejected']],
  ['panels.options', careOptions],
  ['panels.actionStatus', actionStatuses],
  ['panels.case.assessment', assessmentKinds],
  ['panels.case.status', ['submitted', 'on_agenda', 'decided', 'rejected']],
  ['panels.analytics.age', [...ageGroups, 'unknown']],
  ['timeline', ['panel_case_submitted', 'panel_decision_adopted']],
];

describe('panels texts: every code has a label in both languages', () => {
  it.each(codeLists)('%s', (prefix, codes) => {
    for (const [lang, cat] of Object.entries({ uk, en })) {
      const missing = codes.filter((code) => typeof lookup(cat, `${prefix}.${code}`) !== 'string' || (lookup(cat, `${prefix}.${code}`) as string).length === 0);
      expect(missing, `${lang}: ${prefix}`).toEqual([]);
    }
  });
});
