import { describe, expect, it } from 'vitest';
import { ageOn, allowedReferralActions, decideReferralStep, referralActions, referralStatuses, responseRuleKey, type ReferralAction, type ReferralSide, type ReferralStatus } from './referrals.ts';

const legal: Array<[ReferralStatus, ReferralSide, ReferralAction, ReferralStatus]> = [
  ['draft', 'referrer', 'send', 'sent'],
  ['sent', 'provider', 'accept', 'accepted'],
  ['sent', 'provider', 'decline', 'declined'],
  ['accepted', 'provider', 'start', 'in_service'],
  ['in_service', 'provider', 'complete', 'completed'],
  ['sent', 'referrer', 'drop', 'dropped'],
  ['accepted', 'referrer', 'drop', 'dropped'],
  ['in_service', 'referrer', 'drop', 'dropped'],
  ['accepted', 'provider', 'drop', 'dropped'],
  ['in_service', 'provider', 'drop', 'dropped'],
];

describe('referral lifecycle (SPEC §4.3)', () => {
  it.each(legal)('%s: the %s may %s → %s', (from, side, action, to) => {
    expect(decideReferralStep(from, [side], { action, reasonCode: action === 'decline' ? 'no_capacity' : null, note: 'причина' })).toBe(to);
  });

  it('refuses every other step from every status with its code', () => {
    for (const from of referralStatuses) {
      for (const side of ['referrer', 'provider'] as const) {
        for (const action of referralActions) {
          if (legal.some(([f, s, a]) => f === from && s === side && a === action)) continue;
          const code = (() => {
            try {
              decideReferralStep(from, [side], { action, reasonCode: action === 'decline' ? 'other' : null, note: 'x' });
              return 'allowed';
            } catch (e) {
              return (e as { code: string }).code;
            }
          })();
          const sideTakesIt = legal.some(([, s, a]) => s === side && a === action);
          expect(code, `${side} ${action} from ${from}`).toBe(sideTakesIt ? 'referral_transition_not_allowed' : 'forbidden');
        }
      }
    }
  });

  it('needs a decline reason and a word on dropping; the reason code goes with a decline only', () => {
    expect(() => decideReferralStep('sent', ['provider'], { action: 'decline', reasonCode: null, note: '' })).toThrow(expect.objectContaining({ code: 'decline_reason_required' }));
    expect(() => decideReferralStep('sent', ['referrer'], { action: 'drop', note: ' ' })).toThrow(expect.objectContaining({ code: 'drop_reason_required' }));
    expect(() => decideReferralStep('sent', ['provider'], { action: 'accept', reasonCode: 'no_capacity', note: '' })).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });

  it('lists the allowed steps per side and the deadline rule per urgency; counts age in whole years', () => {
    expect(allowedReferralActions('sent', ['provider'])).toEqual(['accept', 'decline']);
    expect(allowedReferralActions('sent', ['referrer'])).toEqual(['drop']);
    expect(allowedReferralActions('completed', ['referrer', 'provider'])).toEqual([]);
    expect([responseRuleKey('routine'), responseRuleKey('emergency')]).toEqual(['referral_response', 'referral_response_emergency']);
    expect([ageOn('2016-03-01', '2026-02-28'), ageOn('2016-03-01', '2026-03-01'), ageOn('2012-02-29', '2026-02-28')]).toEqual([9, 10, 13]);
  });
});
