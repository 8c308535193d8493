import { describe, expect, it } from 'vitest';
import {
  classifyCode,
  defaultRequiredRoles,
  enrolmentOnly,
  formatRecoveryCode,
  isFreshStep,
  mayDisable,
  parseRequiredRoles,
  recoveryAlphabet,
  recoveryCodeFromBytes,
  secondFactorRequired,
  totpStep,
} from './second-factor.ts';

describe('TOTP steps and replay', () => {
  it.each([
    [0, 0],
    [29_999, 0],
    [30_000, 1],
    [Date.parse('2026-11-20T08:00:29Z'), 59_838_720],
  ])('time %i ms is step %i', (ms, step) => expect(totpStep(ms)).toBe(step));

  it.each([
    [10, null, true],
    [10, 9, true],
    [10, 10, false],
    [9, 10, false],
  ])('step %i after last used %s is fresh: %s', (step, last, fresh) => expect(isFreshStep(step, last)).toBe(fresh));
});

describe('typed codes', () => {
  it.each([
    ['123456', { kind: 'totp', code: '123456' }],
    [' 123 456 ', { kind: 'totp', code: '123456' }],
    ['ABCD-EFGH-JKMN-PQRS', { kind: 'recovery', code: 'abcdefghjkmnpqrs' }],
    ['abcdefghjkmnpqrs', { kind: 'recovery', code: 'abcdefghjkmnpqrs' }],
    ['12345', { kind: 'invalid' }],
    ['1234567', { kind: 'invalid' }],
    ['abcd-efgh-jkmn-pqr0', { kind: 'recovery', code: 'abcdefghjkmnpqr0' }],
    ['oabc-defg-hjkm-npqI', { kind: 'recovery', code: '0abcdefghjkmnpq1' }],
    ['abcd-efgh-jkmn-pqru', { kind: 'invalid' }],
    ['', { kind: 'invalid' }],
  ])('%j reads as %j', (raw, expected) => expect(classifyCode(raw)).toEqual(expected));

  it('makes recovery codes of 16 unambiguous letters and digits, shown in groups of four', () => {
    const code = recoveryCodeFromBytes(Uint8Array.from({ length: 16 }, (_, i) => i * 17));
    expect(code).toHaveLength(16);
    expect([...code].every((c) => recoveryAlphabet.includes(c))).toBe(true);
    expect(recoveryAlphabet).toHaveLength(32);
    expect(formatRecoveryCode('abcdefghjkmnpqrs')).toBe('abcd-efgh-jkmn-pqrs');
    expect(classifyCode(formatRecoveryCode(code))).toEqual({ kind: 'recovery', code });
    expect(() => recoveryCodeFromBytes(new Uint8Array(8))).toThrow();
  });
});

describe('who needs a second factor', () => {
  it('reads SECOND_FACTOR_REQUIRED_ROLES; empty means optional; unknown roles are an error', () => {
    expect(parseRequiredRoles('system_admin, supervisor')).toEqual(['system_admin', 'supervisor']);
    expect(parseRequiredRoles('')).toEqual([]);
    expect(() => parseRequiredRoles('system_admin,superviser')).toThrow(/superviser/);
    expect(defaultRequiredRoles).toEqual(['system_admin', 'supervisor']);
  });

  it.each([
    [['supervisor'], ['system_admin', 'supervisor'], 'none', true],
    [['supervisor'], ['system_admin', 'supervisor'], 'pending', true],
    [['supervisor'], ['system_admin', 'supervisor'], 'enabled', false],
    [['case_manager'], ['system_admin', 'supervisor'], 'none', false],
    [['case_manager', 'system_admin'], ['system_admin'], 'none', true],
    [['system_admin'], [], 'none', false],
  ] as const)('roles %j, required %j, state %s → enrolment only: %s', (roles, required, state, expected) => {
    expect(enrolmentOnly(roles, required, state)).toBe(expected);
    expect(secondFactorRequired(roles, required)).toBe(roles.some((r) => (required as readonly string[]).includes(r)));
    expect(mayDisable(roles, required)).toBe(!secondFactorRequired(roles, required));
  });
});
