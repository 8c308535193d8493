import { describe, expect, it } from 'vitest';
import { inboxActions, notificationStatuses } from '#contracts/notification-inbox.contract.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

type Tree = { [key: string]: string | Tree };

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

/** Every code list the inbox screen displays, with where its labels live. */
const codeLists: Array<[string, readonly string[]]> = [
  ['notificationStatus', notificationStatuses],
  ['inbox.filter', notificationStatuses],
  ['inbox.caption', notificationStatuses],
  ['inbox.empty', notificationStatuses],
  ['inbox.handled', notificationStatuses.filter((s) => s !== 'received')],
  ['deadline.status', ['overdue', 'due_today', 'due_soon', 'upcoming']],
  ['inbox', inboxActions.map((a) => `${a}.submit`)],
];

describe('inbox texts: every code has a label in both languages', () => {
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
