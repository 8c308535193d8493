import { describe, expect, it } from 'vitest';
import { secondFactorStatusResponse } from '#contracts/second-factor.contract.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';
import { secondFactorErrors } from './second-factor.ts';

describe('second-factor texts', () => {
  it.each([['uk', uk], ['en', en]] as const)('labels every status and error code in %s', (_, catalogue) => {
    for (const status of secondFactorStatusResponse.shape.status.options) expect(catalogue.secondFactor.status[status], status).toBeTruthy();
    const errors = catalogue.errors as Record<string, string>;
    for (const code of Object.keys(secondFactorErrors.uk)) expect(errors[code], code).toBeTruthy();
    expect(Object.keys(secondFactorErrors.en).sort()).toEqual(Object.keys(secondFactorErrors.uk).sort());
  });
});
