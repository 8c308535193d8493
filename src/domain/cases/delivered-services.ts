import { compareIsoDates, type IsoDate } from '../calendar/iso-date.ts';
import { DomainError } from '../errors.ts';

/**
 * Services delivered are logged against the measures of the agreed plan (SPEC §2.10), or as unplanned services;
 * counted in the catalogue's units they feed costing and planning (SPEC §4.1, §8).
 */

/** A measure of the agreed plan as the log reads it. */
export type PlannedMeasure = { key: string; serviceCode: string | null };

/** A delivered service as entered. */
export type DeliveredServiceDraft = { measureKey: string | null; serviceCode: string | null; deliveredOn: IsoDate; quantity: number };

/**
 * The service code to record: the one given, or the planned measure's. A measure key must be of the agreed plan;
 * the code must be in the catalogue; the date cannot be in the future; the quantity is positive.
 */
export function resolveDeliveredService(d: DeliveredServiceDraft, ctx: { measures: readonly PlannedMeasure[] | null; serviceCodes: readonly string[]; today: IsoDate }): { serviceCode: string } {
  let measure: PlannedMeasure | undefined;
  if (d.measureKey !== null) {
    if (ctx.measures === null) throw new DomainError('no_agreed_plan', 'The case has no agreed plan to log the service against; record it as unplanned', { path: 'measureKey' });
    measure = ctx.measures.find((m) => m.key === d.measureKey);
    if (!measure) throw new DomainError('measure_not_in_plan', 'This measure is not part of the agreed plan', { path: 'measureKey', measureKey: d.measureKey });
  }
  const serviceCode = d.serviceCode ?? measure?.serviceCode ?? null;
  if (serviceCode === null) throw new DomainError('service_code_required', 'Choose the service from the catalogue', { path: 'serviceCode' });
  if (!ctx.serviceCodes.includes(serviceCode)) throw new DomainError('unknown_service_code', 'This service is not in the catalogue', { path: 'serviceCode', serviceCode });
  if (compareIsoDates(d.deliveredOn, ctx.today) > 0) throw new DomainError('date_in_future', 'A service cannot be logged before it was delivered', { path: 'deliveredOn' });
  if (!(Number.isFinite(d.quantity) && d.quantity > 0)) throw new DomainError('invalid_quantity', 'The quantity must be positive', { path: 'quantity' });
  return { serviceCode };
}
