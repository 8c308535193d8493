import { infiniteQueryOptions, queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchInstitution, fetchInstitutions, fetchMonthlyAdmissions, fetchTerritoryTree, type InstitutionFilters } from './institutions.api.ts';

/** The register searched with the given filters, page by page. */
export const institutionsQuery = (filters: InstitutionFilters) =>
  infiniteQueryOptions({
    queryKey: ['institutions', 'list', filters],
    queryFn: ({ pageParam }) => fetchInstitutions(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 30_000,
  });

/** One institution. */
export const institutionQuery = (id: string) => queryOptions({ queryKey: ['institutions', 'detail', id], queryFn: () => fetchInstitution(id), staleTime: 15_000 });

/** First-time admissions per month and place. */
export const monthlyAdmissionsQuery = (filters: { oblastId?: string | undefined; hromadaId?: string | undefined }) =>
  queryOptions({ queryKey: ['institutions', 'monthly', filters], queryFn: () => fetchMonthlyAdmissions(filters), staleTime: 30_000 });

const territoryTreeQuery = queryOptions({ queryKey: ['territories', 'tree'], queryFn: fetchTerritoryTree, staleTime: 10 * 60_000 });

type Option = { value: string; label: string };

/** Oblasts, and the hromadas of an oblast (hromada → rayon → oblast), as options in the interface language, in Ukrainian order. */
export function usePlaceOptions(): { oblasts: Option[]; hromadasOf: (oblastId: string | null) => Option[] } {
  const { i18n } = useTranslation();
  const tree = useQuery(territoryTreeQuery);
  return useMemo(() => {
    const items = tree.data ?? [];
    const en = i18n.language === 'en';
    const label = (t: { nameUk: string; nameEn: string }) => (en ? t.nameEn : t.nameUk);
    const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, en ? 'en' : 'uk');
    const parent = new Map(items.map((t) => [t.id, t.parentId]));
    const oblasts = items.filter((t) => t.level === 'oblast').map((t) => ({ value: t.id, label: label(t) })).sort(byLabel);
    const hromadas = items.filter((t) => t.level === 'hromada').map((t) => ({ option: { value: t.id, label: label(t) }, oblastId: parent.get(t.parentId ?? '') ?? null }));
    return {
      oblasts,
      hromadasOf: (oblastId) => hromadas.filter((h) => oblastId === null || h.oblastId === oblastId).map((h) => h.option).sort(byLabel),
    };
  }, [tree.data, i18n.language]);
}
