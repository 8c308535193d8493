import { describe, expect, it } from 'vitest';
import { smartCriteria, indicatorTypes, programmeStatuses } from '#domain/planning/programme.ts';
import { deliveryOptions, overheadKinds } from '#domain/planning/costing.ts';
import { gapReasons, sourceKinds, systemGroupKinds } from '#domain/planning/needs.ts';
import { components, fundingSources, pillars } from '#domain/planning/oblast-plan.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

type Tree = { [key: string]: string | Tree };
const lookup = (tree: unknown, path: string): unknown => path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);

/** Every code list the planning screens display, with where its labels live. */
const codeLists: Array<[string, readonly string[]]> = [
  ['communityPlanning.goals.smart', smartCriteria],
  ['communityPlanning.indicators.types', indicatorTypes],
  ['communityPlanning.status', programmeStatuses],
  ['communityPlanning.costing.options', deliveryOptions],
  ['communityPlanning.costing.overheadKinds', overheadKinds],
  ['communityPlanning.needs.gapReasons', gapReasons],
  ['communityPlanning.needs.sourceKinds', sourceKinds],
  ['communityPlanning.needs.groups', systemGroupKinds],
  ['communityPlanning.oblast.pillars', pillars],
  ['communityPlanning.oblast.components', components],
  ['communityPlanning.oblast.sources', fundingSources],
];

describe('community planning texts: every code has a label in both languages', () => {
  it.each(codeLists)('%s', (prefix, codes) => {
    for (const [lang, cat] of Object.entries({ uk, en })) {
      const missing = codes.filter((code) => typeof lookup(cat, `${prefix}.${code}`) !== 'string' || (lookup(cat, `${prefix}.${code}`) as string).length === 0);
      expect(missing, `${lang}: ${prefix}`).toEqual([]);
    }
  });
});
