import type { TFunction } from 'i18next';

/** A system group key (`kind` or `kind:code`) of a needs assessment in words. */
export function groupLabel(t: TFunction, key: string): string {
  const [kind, code] = key.split(':');
  return t(`communityPlanning.needs.groups.${kind}` as 'communityPlanning.needs.groups.case_type', { code: code ?? '' });
}
