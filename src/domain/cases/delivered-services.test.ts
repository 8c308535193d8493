import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { resolveDeliveredService, type DeliveredServiceDraft } from './delivered-services.ts';

const today = '2026-11-20';

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('delivered services against the plan (SPEC §2.10)', () => {
  const measures = [
    { key: 'm1', serviceCode: 'basic_counselling' },
    { key: 'm2', serviceCode: null },
  ];
  const ctx = { measures, serviceCodes: ['basic_counselling', 'issb_mental_health'], today };
  const d = (over: Partial<DeliveredServiceDraft>): DeliveredServiceDraft => ({ measureKey: null, serviceCode: null, deliveredOn: today, quantity: 1, ...over });
  it.each<[string, DeliveredServiceDraft, string]>([
    ['the measure\'s service', d({ measureKey: 'm1' }), 'basic_counselling'],
    ['another service for the measure', d({ measureKey: 'm1', serviceCode: 'issb_mental_health' }), 'issb_mental_health'],
    ['a measure without a service, named', d({ measureKey: 'm2', serviceCode: 'issb_mental_health' }), 'issb_mental_health'],
    ['unplanned', d({ serviceCode: 'basic_counselling' }), 'basic_counselling'],
  ])('%s → %s', (_name, draft, code) => {
    expect(resolveDeliveredService(draft, ctx).serviceCode).toBe(code);
  });

  it.each<[string, DeliveredServiceDraft, typeof measures | null, string]>([
    ['a measure of no plan', d({ measureKey: 'm1' }), null, 'no_agreed_plan'],
    ['a measure not in the plan', d({ measureKey: 'x' }), measures, 'measure_not_in_plan'],
    ['no service at all', d({ measureKey: 'm2' }), measures, 'service_code_required'],
    ['a code not in the catalogue', d({ serviceCode: 'telepathy' }), measures, 'unknown_service_code'],
    ['in the future', d({ serviceCode: 'basic_counselling', deliveredOn: '2026-11-21' }), measures, 'date_in_future'],
    ['zero', d({ serviceCode: 'basic_counselling', quantity: 0 }), measures, 'invalid_quantity'],
  ])('%s → %s', (_name, draft, m, code) => {
    expect(codeOf(() => resolveDeliveredService(draft, { ...ctx, measures: m }))).toBe(code);
  });
});
