import type { CaseRelation } from '../access/case-policy.ts';

/**
 * Sensitive fields (SPEC §11): abuse details (descriptions of cruel treatment in notifications and safety acts, the
 * difficult-life-circumstance factors of cruel treatment), health and disability. They are masked in lists and
 * exports unless the viewer is on the case: its case manager, the supervisor, a member of its team.
 */
export const sensitiveCategories = ['abuse', 'health', 'disability'] as const;
/** One category of sensitive data. */
export type SensitiveCategory = (typeof sensitiveCategories)[number];

/** Case relations that see sensitive fields in lists and exports (Child Affairs and emergency access do not). */
const onTheCase: readonly CaseRelation[] = ['case_manager', 'supervisor', 'team_member'];

/** Whether a viewer with this relation to the case sees its sensitive fields. */
export function seesSensitive(relation: CaseRelation): boolean {
  return onTheCase.includes(relation);
}

/** The value, or null when it is masked; `masked` lists the masked fields so that the interface can say "приховано". */
export type Masked<T> = { value: T | null; masked: boolean };

/** Masks one value unless the viewer sees sensitive data. */
export function maskValue<T>(value: T, visible: boolean): Masked<T> {
  return visible ? { value, masked: false } : { value: null, masked: true };
}

/**
 * Masks the named fields of a record (set to null) unless visible, and lists which were masked in `maskedFields`.
 * Fields that are empty (empty string, empty list, false) are not secret and stay as they are.
 */
export function maskFields<T extends Record<string, unknown>, K extends keyof T & string>(
  record: T,
  fields: readonly K[],
  visible: boolean,
): Omit<T, K> & { [P in K]: T[P] | null } & { maskedFields: K[] } {
  const out: Record<string, unknown> = { ...record };
  const maskedFields: K[] = [];
  if (!visible) {
    for (const f of fields) {
      const v = record[f];
      const empty = v === '' || v === false || v === null || (Array.isArray(v) && v.length === 0);
      if (!empty) {
        out[f] = null;
        maskedFields.push(f);
      }
    }
  }
  return { ...(out as T), maskedFields } as Omit<T, K> & { [P in K]: T[P] | null } & { maskedFields: K[] };
}


/**
 * Coded difficult-life-circumstance factors that are sensitive (SPEC §11): cruel treatment and violence (abuse
 * details), illness and addiction (health), disability. Other factors (homelessness, unemployment…) are not.
 */
export const sensitiveFactors: Readonly<Record<string, SensitiveCategory>> = {
  cruel_treatment_slavery: 'abuse',
  cruel_treatment_sexual_exploitation: 'abuse',
  cruel_treatment_crime_involvement: 'abuse',
  cruel_treatment_witness_crime: 'abuse',
  domestic_violence: 'abuse',
  gender_based_violence: 'abuse',
  human_trafficking: 'abuse',
  loss_of_motor_activity: 'health',
  memory_impairment: 'health',
  incurable_disease: 'health',
  mental_behavioural_disorder: 'health',
  addiction: 'health',
  disability: 'disability',
};

/** The factor codes a viewer may see: all when visible, otherwise only the non-sensitive ones (and how many were hidden). */
export function maskFactors(codes: readonly string[], visible: boolean): { codes: string[]; hidden: number } {
  if (visible) return { codes: [...codes], hidden: 0 };
  const shown = codes.filter((c) => sensitiveFactors[c] === undefined);
  return { codes: shown, hidden: codes.length - shown.length };
}

/** Reasons of a caregiver match that reveal the child's disability (masked with it). */
export const sensitiveMatchReasons: readonly string[] = ['disability_specialised', 'no_disability_specialisation'];
