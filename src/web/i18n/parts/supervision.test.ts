import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { approvalKinds, approvalStatuses } from '#contracts/approvals.contract.ts';
import { calendarRegimeKinds, deadlineUnits } from '#contracts/deadline-rules.contract.ts';
import { reportCriteria } from '#domain/cases/closure.ts';
import { goalAchievements } from '#domain/cases/review.ts';
import { defaultDeadlineRules } from '#domain/deadlines/deadline-rules.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

type Tree = { [key: string]: string | Tree };

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

/** The deadline-rule keys the migrations ship (`INSERT INTO deadline_rules … VALUES ('key', …)`). */
function shippedRuleKeys(): string[] {
  const dir = fileURLToPath(new URL('../../../server/db/migrations/', import.meta.url));
  const keys = new Set<string>(defaultDeadlineRules.map((r) => r.key));
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
    const sql = readFileSync(`${dir}${file}`, 'utf8');
    for (const block of sql.matchAll(/INSERT INTO deadline_rules[\s\S]*?\);[ \t]*$/gm)) {
      for (const m of block[0].matchAll(/^\s*\('([a-z_]+)',/gm)) keys.add(m[1] as string);
    }
  }
  return [...keys].sort();
}

/** Every code list the approvals, team and deadline-rules screens display, with where its labels live. */
const codeLists: Array<[string, readonly string[]]> = [
  ['approvals.kind', approvalKinds],
  ['approvals.status', approvalStatuses],
  ['approvals.closure.reportCriterion', reportCriteria],
  ['approvals.closure.achievement', goalAchievements],
  ['deadlineRules.unit', deadlineUnits],
  ['deadlineRules.period', deadlineUnits],
  ['deadlineRules.regime', calendarRegimeKinds],
  ['deadlineRules.key', shippedRuleKeys()],
];

describe('supervision texts: every code has a label in both languages', () => {
  it('finds the shipped deadline rules', () => {
    expect(shippedRuleKeys()).toEqual(expect.arrayContaining(['needs_assessment', 'safety_assessment', 'home_visit_simple', 'plan_report_grace']));
  });

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
