import type { TFunction } from 'i18next';
import type { MergePath } from '#domain/merge/three-way-merge.ts';
import { formatDate } from '../../ui/format.ts';
import type { PersonLabels } from './act-sections.tsx';

/** Field names of the act whose label lives under another key than `needsAssessment.missingPath.<field>`. */
const fieldKeys: Record<string, string> = {
  disability: 'needsAssessment.member.disability',
  legalCapacity: 'needsAssessment.member.legalCapacity',
  occupation: 'needsAssessment.member.occupation',
  registeredAtResidence: 'needsAssessment.member.registeredAtResidence',
  phone: 'needsAssessment.member.phone',
  childViews: 'needsAssessment.child.views',
  childViewsNotHeardReason: 'needsAssessment.child.notHeardReason',
  strengths: 'needsAssessment.strengths',
  needs: 'needsAssessment.needs',
  complexity: 'needsAssessment.conclusion.complexity',
  summary: 'needsAssessment.conclusion.summary',
  otherSpecialists: 'needsAssessment.conclusion.otherSpecialists',
  familyAgreement: 'needsAssessment.conclusion.familyAgreement',
  agreementDate: 'needsAssessment.conclusion.agreementDate',
  familyComment: 'needsAssessment.conclusion.familyComment',
};
const indicatorGroup: Record<string, string> = { children: 'child', adults: 'adult', family: 'family' };

/** A conflicting field of the needs-assessment act as the user knows it: section · person · field. */
export function mergeLabel(path: MergePath, t: TFunction, people: PersonLabels): string {
  const parts: string[] = [];
  const [section, ...rest] = path;
  if (typeof section === 'string') parts.push(t(`needsAssessment.sections.${section}`, { defaultValue: section }));
  let field: string[] = [];
  for (const step of rest) {
    if (typeof step === 'string') field.push(step);
    else parts.push(people.get(step.value)?.name ?? '');
  }
  if (field[0] === 'indicators' && field[1]) {
    const group = indicatorGroup[String(section)] ?? 'family';
    const indicator = t(`indicator.${group}.${field[1]}`, { defaultValue: field[1] });
    parts.push(field[2] === 'note' ? `${indicator} — ${t('merge.note')}` : `${indicator} — ${t('merge.rating')}`);
    field = [];
  }
  const name = field[0];
  if (name) parts.push(t(fieldKeys[name] ?? `needsAssessment.missingPath.${name}`, { defaultValue: name }));
  return parts.filter((p) => p !== '').join(' · ');
}

/** A value of the act as text: choices translated, dates in дд.мм.рррр, lists joined. */
export function mergeValueText(path: MergePath, value: unknown, t: TFunction): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? t('merge.yes') : t('merge.no');
  const last = path[path.length - 1];
  if (typeof value === 'string') {
    if (last === 'rating') return t(`rating.${value}`, { defaultValue: value });
    if (last === 'complexity') return t(`complexity.${value}`, { defaultValue: value });
    if (last === 'familyAgreement') return t(`familyAgreement.${value}`, { defaultValue: value });
    if (last === 'legalCapacity') return t(`legalCapacity.${value}`, { defaultValue: value });
    if (last === 'agreementDate') return formatDate(value);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((x) => (typeof x === 'object' && x !== null ? Object.values(x as Record<string, unknown>).filter((v) => typeof v === 'string' && v !== '').join(', ') : String(x))).join('; ');
  }
  return String(value);
}
