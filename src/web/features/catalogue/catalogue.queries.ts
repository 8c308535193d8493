import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCatalogue } from './catalogue.api.ts';

// Every catalogue query starts with ['service-catalogue']: invalidating that prefix after an edit refreshes them all.
/** Active services, for choosing a service (referrals, provider filters). */
export const activeServicesQuery = queryOptions({ queryKey: ['service-catalogue', 'services-active'], queryFn: () => fetchCatalogue(false), staleTime: 10 * 60_000 });
/** Every service, withdrawn ones too (the administrator's editor). */
export const allServicesQuery = queryOptions({ queryKey: ['service-catalogue', 'services-all'], queryFn: () => fetchCatalogue(true), staleTime: 60_000 });

/** Active services as select options in the interface language, in catalogue order. */
export function useServiceOptions(): Array<{ value: string; label: string }> {
  const { i18n } = useTranslation();
  const query = useQuery(activeServicesQuery);
  const en = i18n.language === 'en';
  return useMemo(() => (query.data ?? []).map((s) => ({ value: s.code, label: en ? s.nameEn : s.nameUk })), [query.data, en]);
}
