import { describe, expect, it } from 'vitest';
import { consentForms, consentGivers, consentKinds, legalGrounds } from '#domain/consent/consent.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

type Tree = { [key: string]: string | Tree };

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

/** Every code list the consent screens and the referral form display, with where its labels live. */
const codeLists: Array<[string, readonly string[]]> = [
  ['consent.kind', consentKinds],
  ['consent.givenBy', consentGivers],
  ['consent.form', consentForms],
  ['consent.status', ['current', 'withdrawn']],
  ['privacy.legalGround', legalGrounds],
  ['errors', ['consent_required', 'consent_required_named', 'legal_ground_note_required']],
];

describe('consent texts: every code has a label in both languages', () => {
  it.each(codeLists)('%s', (prefix, codes) => {
    for (const [lang, cat] of Object.entries({ uk, en })) {
      const missing = codes.filter((code) => typeof lookup(cat, `${prefix}.${code}`) !== 'string' || (lookup(cat, `${prefix}.${code}`) as string).length === 0);
      expect(missing, `${lang}: ${prefix}`).toEqual([]);
    }
  });
  it('names the persons without consent in the message', () => {
    expect(uk.errors.consent_required_named).toContain('{{names}}');
    expect(en.errors.consent_required_named).toContain('{{names}}');
  });
});
