import { describe, expect, it } from 'vitest';
import { caseEventKinds } from '#domain/cases/case-events.ts';
import { caseloadComplexities } from '#domain/workforce/caseload.ts';
import { supervisionFormats, supervisionParticipantKinds, supervisionPurposes, supervisionStages, supervisionTimings } from '#domain/workforce/supervision.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

type Tree = { [key: string]: string | Tree };
const lookup = (tree: unknown, path: string): unknown => path.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Tree)[k] : undefined), tree);

/** Every code list the workforce screens display, with where its labels live. */
const lists: Array<[string, readonly string[]]> = [
  ['workforce.supervision.purpose', supervisionPurposes],
  ['workforce.supervision.participantsKind', supervisionParticipantKinds],
  ['workforce.supervision.timing', supervisionTimings],
  ['workforce.supervision.format', supervisionFormats],
  ['workforce.supervision.stage', supervisionStages],
  ['workforce.complexity', caseloadComplexities],
  ['workforce.staff.kind', ['professional', 'paraprofessional', 'volunteer']],
  ['workforce.my.trainingKind', ['pre_service', 'in_service']],
];

describe('workforce texts', () => {
  it.each(lists)('%s has a label for every code in both languages', (prefix, codes) => {
    for (const cat of [uk, en]) for (const c of codes) expect(typeof lookup(cat, `${prefix}.${c}`), `${prefix}.${c}`).toBe('string');
  });

  it('labels the reassignment on the case timeline', () => {
    expect(caseEventKinds).toContain('case_reassigned');
    expect(uk.timeline.case_reassigned).toBe('Випадок передано іншому фахівцю');
    expect(en.timeline.case_reassigned).toBeTruthy();
  });

  it('uses the Ukrainian terms of Order 5 and SPEC §14', () => {
    expect(uk.workforce.supervision.cardHeading).toBe('Картка супервізії');
    expect(uk.workforce.supervision.timing.planned).toContain('Планова');
    expect(uk.workforce.team.over).toBe('Понад норму');
  });
});
