import { describe, expect, it } from 'vitest';
import { differingFields, pathId, resolveMerge, threeWayMerge } from './three-way-merge.ts';

type Act = {
  children: Array<{ personId: string; strengths: string; needs: string }>;
  family: { strengths: string; needs: string };
  conclusion: { complexity: string | null; otherSpecialists: Array<{ name: string; position: string }> };
};

const base: Act = {
  children: [{ personId: 'c1', strengths: '', needs: '' }],
  family: { strengths: '', needs: '' },
  conclusion: { complexity: null, otherSpecialists: [] },
};
const edit = (change: (a: Act) => void): Act => {
  const copy = structuredClone(base);
  change(copy);
  return copy;
};

describe('three-way merge of concurrent edits', () => {
  it('keeps both sides’ changes to different fields, with no conflict', () => {
    const mine = edit((a) => { (a.children[0] as Act['children'][0]).strengths = 'Любить читати'; });
    const theirs = edit((a) => { a.family.needs = 'Стабільний дохід'; });
    const r = threeWayMerge(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.children[0]?.strengths).toBe('Любить читати');
    expect(r.merged.family.needs).toBe('Стабільний дохід');
    expect(r.takenFromMine).toBe(1);
    expect(r.takenFromTheirs).toBe(1);
  });

  it('reports a field changed differently on both sides, keeps theirs until the user chooses, then applies the choice', () => {
    const mine = edit((a) => { a.family.strengths = 'Підтримка бабусі'; a.conclusion.complexity = 'complex'; });
    const theirs = edit((a) => { a.family.strengths = 'Дружні сусіди'; });
    const r = threeWayMerge(base, mine, theirs);
    expect(r.conflicts.map((c) => c.id)).toEqual(['family.strengths']);
    expect(r.conflicts[0]).toMatchObject({ base: '', mine: 'Підтримка бабусі', theirs: 'Дружні сусіди' });
    expect(r.merged.family.strengths).toBe('Дружні сусіди');
    expect(r.merged.conclusion.complexity).toBe('complex');
    expect(resolveMerge(r, mine, { 'family.strengths': 'mine' }).family.strengths).toBe('Підтримка бабусі');
    expect(resolveMerge(r, mine, { 'family.strengths': 'theirs' }).family.strengths).toBe('Дружні сусіди');
  });

  it('is not a conflict when both sides typed the same thing', () => {
    const mine = edit((a) => { a.family.needs = 'Житло'; });
    const theirs = edit((a) => { a.family.needs = 'Житло'; });
    const r = threeWayMerge(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.family.needs).toBe('Житло');
  });

  it('merges keyed array elements by their key, not their position, and keeps an element added on one side', () => {
    const twoChildren: Act = { ...base, children: [{ personId: 'c1', strengths: '', needs: '' }, { personId: 'c2', strengths: '', needs: '' }] };
    const mine = structuredClone(twoChildren);
    (mine.children[1] as Act['children'][0]).needs = 'Логопед';
    const theirs = structuredClone(twoChildren);
    theirs.children.reverse();
    (theirs.children[1] as Act['children'][0]).strengths = 'Весела';
    const r = threeWayMerge(twoChildren, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.children.find((c) => c.personId === 'c2')?.needs).toBe('Логопед');
    expect(r.merged.children.find((c) => c.personId === 'c1')?.strengths).toBe('Весела');

    const added = edit((a) => { a.children.push({ personId: 'c3', strengths: 'Спортивний', needs: '' }); });
    const r2 = threeWayMerge(base, added, base);
    expect(r2.merged.children.map((c) => c.personId)).toEqual(['c1', 'c3']);
    expect(r2.merged.children[1]?.strengths).toBe('Спортивний');
  });

  it('treats an unkeyed list as one value', () => {
    const mine = edit((a) => { a.conclusion.otherSpecialists = [{ name: 'Психолог', position: 'психолог' }]; });
    const theirs = edit((a) => { a.conclusion.otherSpecialists = [{ name: 'Юрист', position: 'юрист' }]; });
    const r = threeWayMerge(base, mine, theirs);
    expect(r.conflicts.map((c) => c.id)).toEqual(['conclusion.otherSpecialists']);
    expect(pathId(r.conflicts[0]?.path ?? [])).toBe('conclusion.otherSpecialists');
  });

  it('changes nothing when only the other side edited', () => {
    const theirs = edit((a) => { a.family.needs = 'Робота'; });
    const r = threeWayMerge(base, base, theirs);
    expect(r.merged).toEqual(theirs);
    expect(r.conflicts).toEqual([]);
  });
});

describe('differingFields (the small conflict dialog)', () => {
  it('lists every field where mine and theirs differ, keyed elements by key, and nothing for equal records', () => {
    const theirs = { name: 'Ганна', phone: '1', caregivers: [{ id: 'a', name: 'X' }, { id: 'b', name: 'Y' }], tags: ['x'] };
    const mine = { name: 'Ганна', phone: '2', caregivers: [{ id: 'b', name: 'Y' }, { id: 'a', name: 'Z' }], tags: ['x', 'y'] };
    expect(differingFields(mine, theirs).map((d) => [pathId(d.path), d.mine, d.theirs])).toEqual([
      ['phone', '2', '1'],
      ['caregivers.[id=a].name', 'Z', 'X'],
      ['tags', ['x', 'y'], ['x']],
    ]);
    expect(differingFields(theirs, structuredClone(theirs))).toEqual([]);
  });
});
