import type { Complexity } from './case-types.ts';

/**
 * The act of needs assessment of a family/person (Order of the Ministry of Social Policy No. 1005 of 2018; SPEC §2.5).
 * Each indicator is rated and may carry a note; every section asks for strengths before needs (UX principle 4).
 */
export const childIndicators = ['growth', 'illness_frequency', 'disability', 'injuries', 'appearance', 'hygiene', 'nutrition', 'education', 'emotional_state', 'habits', 'relations', 'self_care'] as const;
/** Indicators of section 3 (adult members). */
export const adultIndicators = ['health', 'emotional_state', 'habits', 'social_history', 'employment', 'self_care', 'parental_duties'] as const;
/** Indicators of section 4 (family and environment). */
export const familyIndicators = ['support_network', 'community_ties', 'income', 'debts', 'others_needing_care', 'housing'] as const;

/** Rating of one indicator. */
export const indicatorRatings = ['no_concern', 'some_concern', 'serious_concern', 'not_applicable'] as const;
/** One rating. */
export type IndicatorRating = (typeof indicatorRatings)[number];
/** A rated indicator with its observation. */
export type IndicatorEntry = { rating: IndicatorRating | null; note: string };

/** Legal capacity of a household member. */
export const legalCapacities = ['full', 'limited', 'none', 'not_applicable'] as const;
/** The family's position on the assessment. */
export const familyAgreements = ['agrees', 'partly_agrees', 'disagrees'] as const;

/** Section 1: a household member at the place of residence. */
export type MemberInfo = {
  personId: string;
  disability: boolean;
  legalCapacity: (typeof legalCapacities)[number] | null;
  occupation: string;
  registeredAtResidence: boolean | null;
  phone: string;
};
/** Section 2: one child. */
export type ChildSection = {
  personId: string;
  indicators: Partial<Record<(typeof childIndicators)[number], IndicatorEntry>>;
  strengths: string;
  needs: string;
  childViews: string;
  childViewsNotHeardReason: string;
};
/** Section 3: one adult. */
export type AdultSection = {
  personId: string;
  indicators: Partial<Record<(typeof adultIndicators)[number], IndicatorEntry>>;
  strengths: string;
  needs: string;
};
/** Section 4: family and environment. */
export type FamilySection = {
  indicators: Partial<Record<(typeof familyIndicators)[number], IndicatorEntry>>;
  strengths: string;
  needs: string;
};
/** Section 5: conclusion. */
export type ConclusionSection = {
  complexity: Complexity | null;
  summary: string;
  otherSpecialists: Array<{ name: string; position: string }>;
  familyAgreement: (typeof familyAgreements)[number] | null;
  familyComment: string;
  agreementDate: string | null;
};
/** The whole act's answers, version 1 of its schema. */
export type NeedsAssessmentContent = {
  schemaVersion: 1;
  members: MemberInfo[];
  children: ChildSection[];
  adults: AdultSection[];
  family: FamilySection;
  conclusion: ConclusionSection;
};

/** Sections of the act in order, for navigation and progress. */
export const needsAssessmentSections = ['members', 'children', 'adults', 'family', 'conclusion'] as const;
/** One section. */
export type NeedsAssessmentSection = (typeof needsAssessmentSections)[number];

/** An empty act for the given household. */
export function emptyNeedsAssessment(household: Array<{ personId: string; role: 'child' | 'adult'; disability: boolean }>): NeedsAssessmentContent {
  return {
    schemaVersion: 1,
    members: household.map((m) => ({ personId: m.personId, disability: m.disability, legalCapacity: null, occupation: '', registeredAtResidence: null, phone: '' })),
    children: household.filter((m) => m.role === 'child').map((m) => ({ personId: m.personId, indicators: {}, strengths: '', needs: '', childViews: '', childViewsNotHeardReason: '' })),
    adults: household.filter((m) => m.role === 'adult').map((m) => ({ personId: m.personId, indicators: {}, strengths: '', needs: '' })),
    family: { indicators: {}, strengths: '', needs: '' },
    conclusion: { complexity: null, summary: '', otherSpecialists: [], familyAgreement: null, familyComment: '', agreementDate: null },
  };
}

/** A missing part of the act, by section and path, so the form can point at it. */
export type MissingPart = { section: NeedsAssessmentSection; path: string; personId?: string };

function missingIndicators(section: NeedsAssessmentSection, list: readonly string[], got: Partial<Record<string, IndicatorEntry>>, personId?: string): MissingPart[] {
  return list
    .filter((k) => !got[k]?.rating)
    .map((k) => (personId ? { section, path: `indicators.${k}`, personId } : { section, path: `indicators.${k}` }));
}

/**
 * Lists what still has to be filled before the act can be completed: every household member of the case
 * in section 1, every child and adult with every indicator rated, strengths and needs written, the child's
 * views or the reason they could not be heard (SPEC §1 child participation), the family section, the
 * complexity, and the family's agreement with its date.
 */
export function findMissingParts(content: NeedsAssessmentContent, household: Array<{ personId: string; role: 'child' | 'adult' }>): MissingPart[] {
  const missing: MissingPart[] = [];
  for (const m of household) {
    const info = content.members.find((x) => x.personId === m.personId);
    if (!info) missing.push({ section: 'members', path: 'member', personId: m.personId });
    else if (info.legalCapacity === null) missing.push({ section: 'members', path: 'legalCapacity', personId: m.personId });
    if (m.role === 'child') {
      const c = content.children.find((x) => x.personId === m.personId);
      if (!c) {
        missing.push({ section: 'children', path: 'child', personId: m.personId });
        continue;
      }
      missing.push(...missingIndicators('children', childIndicators, c.indicators, m.personId));
      if (!c.strengths.trim()) missing.push({ section: 'children', path: 'strengths', personId: m.personId });
      if (!c.needs.trim()) missing.push({ section: 'children', path: 'needs', personId: m.personId });
      if (!c.childViews.trim() && !c.childViewsNotHeardReason.trim()) missing.push({ section: 'children', path: 'childViews', personId: m.personId });
    } else {
      const a = content.adults.find((x) => x.personId === m.personId);
      if (!a) {
        missing.push({ section: 'adults', path: 'adult', personId: m.personId });
        continue;
      }
      missing.push(...missingIndicators('adults', adultIndicators, a.indicators, m.personId));
      if (!a.strengths.trim()) missing.push({ section: 'adults', path: 'strengths', personId: m.personId });
      if (!a.needs.trim()) missing.push({ section: 'adults', path: 'needs', personId: m.personId });
    }
  }
  missing.push(...missingIndicators('family', familyIndicators, content.family.indicators));
  if (!content.family.strengths.trim()) missing.push({ section: 'family', path: 'strengths' });
  if (!content.family.needs.trim()) missing.push({ section: 'family', path: 'needs' });
  if (!content.conclusion.complexity) missing.push({ section: 'conclusion', path: 'complexity' });
  if (!content.conclusion.summary.trim()) missing.push({ section: 'conclusion', path: 'summary' });
  if (!content.conclusion.familyAgreement) missing.push({ section: 'conclusion', path: 'familyAgreement' });
  if (!content.conclusion.agreementDate) missing.push({ section: 'conclusion', path: 'agreementDate' });
  return missing;
}

/** Share of the act filled, 0–100, for the progress indicator. */
export function completionPercent(content: NeedsAssessmentContent, household: Array<{ personId: string; role: 'child' | 'adult' }>): number {
  const full = findMissingParts(emptyNeedsAssessment(household.map((h) => ({ ...h, disability: false }))), household).length;
  if (full === 0) return 100;
  const left = findMissingParts(content, household).length;
  return Math.round(((full - left) / full) * 100);
}
