import { DomainError } from '../errors.ts';

/**
 * Consent of a person (SPEC §11, §1 do no harm): to the processing of their personal data, to sharing it with
 * service providers, to sharing it with other agencies. A consent is current from the day it was given until the
 * day it is withdrawn (exclusive); rows are never deleted, so the history stays.
 */
export const consentKinds = ['processing', 'sharing_providers', 'sharing_agencies'] as const;
/** One kind of consent. */
export type ConsentKind = (typeof consentKinds)[number];

/** Who gave it: the person, a parent, or another legal representative (for a child). */
export const consentGivers = ['self', 'parent', 'legal_representative'] as const;
/** Who gave a consent. */
export type ConsentGiver = (typeof consentGivers)[number];

/** Written (signed) or oral, recorded by the worker. */
export const consentForms = ['written', 'oral'] as const;
/** The form of a consent. */
export type ConsentForm = (typeof consentForms)[number];

/**
 * Legal grounds for sharing with a provider without consent: protection of a child (Law of Ukraine "On Child
 * Protection"; Law "On Personal Data Protection", art. 11), a court order, a threat to life or health.
 */
export const legalGrounds = ['child_protection', 'court_order', 'life_threat'] as const;
/** One legal ground. */
export type LegalGround = (typeof legalGrounds)[number];

/** What the rules read of a consent. */
export type ConsentFacts = {
  personId: string;
  kind: ConsentKind;
  providerOrganisationId: string | null;
  givenOn: string;
  withdrawnOn: string | null;
};

/** Whether the consent holds on `today` (given on or before, not withdrawn on or before). */
export function isCurrentConsent(c: Pick<ConsentFacts, 'givenOn' | 'withdrawnOn'>, today: string): boolean {
  return c.givenOn <= today && (c.withdrawnOn === null || c.withdrawnOn > today);
}

/** Whether the person's consents allow sharing with this provider today (a consent without a provider covers any). */
export function maySharePersonWith(consents: readonly ConsentFacts[], personId: string, providerOrganisationId: string, today: string): boolean {
  return consents.some(
    (c) => c.personId === personId && c.kind === 'sharing_providers' && isCurrentConsent(c, today) && (c.providerOrganisationId === null || c.providerOrganisationId === providerOrganisationId),
  );
}

/**
 * The family members without a current consent to sharing with the provider; empty when the referral may be sent.
 * A recorded legal ground replaces consent (then nobody is missing).
 */
export function membersWithoutSharingConsent<M extends { personId: string }>(
  members: readonly M[],
  consents: readonly ConsentFacts[],
  providerOrganisationId: string,
  legalGround: LegalGround | null,
  today: string,
): M[] {
  if (legalGround !== null) return [];
  return members.filter((m) => !maySharePersonWith(consents, m.personId, providerOrganisationId, today));
}

/** Checks a consent being recorded: not given in the future; a representative is named. */
export function checkConsentInput(input: { givenBy: ConsentGiver; givenByName: string; givenOn: string }, today: string): void {
  if (input.givenOn > today) throw new DomainError('date_in_future', 'A consent cannot be given in the future', { path: 'givenOn' });
  if (input.givenBy !== 'self' && input.givenByName.trim() === '') {
    throw new DomainError('consent_giver_name_required', 'Name the parent or legal representative who gave the consent', { path: 'givenByName' });
  }
}

/** Checks a withdrawal: once only, on or after the day it was given, not in the future. */
export function checkWithdrawal(c: Pick<ConsentFacts, 'givenOn' | 'withdrawnOn'>, withdrawnOn: string, today: string): void {
  if (c.withdrawnOn !== null) throw new DomainError('consent_already_withdrawn', 'The consent is already withdrawn');
  if (withdrawnOn > today || withdrawnOn < c.givenOn) {
    throw new DomainError('consent_withdrawal_date_invalid', 'The withdrawal date must be between the day the consent was given and today', { path: 'withdrawnOn' });
  }
}

/** The status shown for a consent. */
export function consentStatus(c: Pick<ConsentFacts, 'givenOn' | 'withdrawnOn'>, today: string): 'current' | 'withdrawn' {
  return c.withdrawnOn !== null && c.withdrawnOn <= today ? 'withdrawn' : 'current';
}
