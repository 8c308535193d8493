import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { NeedsAssessmentContent } from '#domain/cases/needs-assessment.ts';
import { threeWayMerge, resolveMerge } from '#domain/merge/three-way-merge.ts';
import { useApiContext } from '#test/api-context.ts';
import { aNotification, loginAs, seedWorld } from '#test/factories.ts';

/**
 * No lost updates (SPEC §11, issue 8 item 5): two people save the same record at the same moment from the same
 * version. One save wins; the other answers 409 with the version stored now; the loser merges (the same three-way
 * merge the web app's merge view uses) and saves again — both edits are in the record, nothing is lost.
 * On PostgreSQL the two requests really race (two connections); on PGlite they are serialised.
 */
const now = new Date('2026-11-20T08:00:00.000Z');
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;
useApiContext(() => now, (ctx) => ({ app, world } = ctx));

describe('two concurrent edits of the same record', () => {
  it('one succeeds, one gets 409 with the current version, and after the merge both edits are kept', async () => {
    const cm = await loginAs(app, 'cm.bucha');
    const sv = await loginAs(app, 'sv.bucha');
    const caseId = (await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha))).body.caseId as string;
    const url = `/api/v1/cases/${caseId}/needs-assessment`;

    for (let round = 1; round <= 5; round += 1) {
      const start = (await cm.get(url)).body as { version: number; content: NeedsAssessmentContent };
      const mine = structuredClone(start.content);
      (mine.children[0] as NeedsAssessmentContent['children'][0]).strengths = `Любить читати (${round})`;
      const theirs = structuredClone(start.content);
      theirs.family.needs = `Стабільний дохід (${round})`;

      const [a, b] = await Promise.all([cm.send('PUT', url, { version: start.version, content: mine }), sv.send('PUT', url, { version: start.version, content: theirs })]);
      const statuses = [a.status, b.status].sort();
      expect(statuses, JSON.stringify([a.body, b.body])).toEqual([200, 409]);
      const [won, lost] = a.status === 200 ? [a, b] : [b, a];
      const loser = a.status === 200 ? sv : cm;
      const lostContent = a.status === 200 ? theirs : mine;
      expect(lost.headers['content-type']).toContain('application/problem+json');
      expect(lost.body.code).toBe('version_conflict');
      expect(lost.body.details.currentVersion).toBe(start.version + 1);
      expect(won.body.version).toBe(start.version + 1);

      // The loser reads what is stored now and merges: different fields, so no conflict to decide.
      const current = (await loser.get(url)).body as { version: number; content: NeedsAssessmentContent };
      expect(current.version).toBe(lost.body.details.currentVersion);
      const merge = threeWayMerge(start.content, lostContent, current.content);
      expect(merge.conflicts).toEqual([]);
      const saved = await loser.send('PUT', url, { version: current.version, content: resolveMerge(merge, lostContent, {}) });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);

      const final = (await cm.get(url)).body as { version: number; content: NeedsAssessmentContent };
      expect(final.version).toBe(start.version + 2);
      expect(final.content.children[0]?.strengths).toBe(`Любить читати (${round})`);
      expect(final.content.family.needs).toBe(`Стабільний дохід (${round})`);
    }
  });

  it('a field both changed is a conflict the loser decides; the choice is what is stored', async () => {
    const cm = await loginAs(app, 'cm.bucha');
    const sv = await loginAs(app, 'sv.bucha');
    const caseId = (await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha))).body.caseId as string;
    const url = `/api/v1/cases/${caseId}/needs-assessment`;
    const start = (await cm.get(url)).body as { version: number; content: NeedsAssessmentContent };
    const theirs = structuredClone(start.content);
    theirs.family.strengths = 'Дружні сусіди';
    expect((await sv.send('PUT', url, { version: start.version, content: theirs })).status).toBe(200);
    const mine = structuredClone(start.content);
    mine.family.strengths = 'Підтримка бабусі';
    const stale = await cm.send('PUT', url, { version: start.version, content: mine });
    expect(stale.status).toBe(409);
    const current = (await cm.get(url)).body as { version: number; content: NeedsAssessmentContent };
    const merge = threeWayMerge(start.content, mine, current.content);
    expect(merge.conflicts.map((c) => c.id)).toEqual(['family.strengths']);
    const saved = await cm.send('PUT', url, { version: current.version, content: resolveMerge(merge, mine, { 'family.strengths': 'mine' }) });
    expect(saved.status).toBe(200);
    expect(saved.body.content.family.strengths).toBe('Підтримка бабусі');
  });
});
