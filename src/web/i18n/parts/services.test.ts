import { describe, expect, it } from 'vitest';
import { providerKinds, providerStatuses } from '#domain/services/providers.ts';
import { declineReasons, referralActions, referralStatuses, referralUrgencies } from '#domain/services/referrals.ts';
import { ministries, servicePackages } from '#domain/services/service-catalogue.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

type Tree = { [key: string]: string | Tree };

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

/** Every code list the referral, provider, catalogue and unmet-need screens display, with where its labels live. */
const codeLists: Array<[string, readonly string[]]> = [
  ['referrals.status', referralStatuses],
  ['referrals.urgency', referralUrgencies],
  ['referrals.declineReason', declineReasons],
  ['referrals.action', referralActions],
  ['referrals.done', referralActions],
  ['providers.kind', providerKinds],
  ['providers.status', providerStatuses],
  ['catalogue.package', servicePackages],
  ['catalogue.ministry', ministries],
];

describe('services texts: every code has a label in both languages', () => {
  it.each(codeLists)('%s', (prefix, codes) => {
    for (const [lang, cat] of Object.entries({ uk, en })) {
      const missing = codes.filter((code) => {
        const v = lookup(cat, `${prefix}.${code}`);
        return typeof v !== 'string' || v.trim() === '';
      });
      expect(missing, `${lang}: ${prefix}`).toEqual([]);
    }
  });
});
