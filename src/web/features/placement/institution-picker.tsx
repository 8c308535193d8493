import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchInstitutions, type RegisterInstitution } from './care.api.ts';

/**
 * Picks an institution from the register (SPEC §6): without a search, those of the case's hromada; with one, any whose
 * name contains it. Renders nothing for users who may not look the register up.
 */
export function InstitutionPicker({ hromadaId, value, onChange }: { hromadaId: string; value: RegisterInstitution | null; onChange: (i: RegisterInstitution | null) => void }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const typed = q && q !== (value ? nameOf(value, i18n.language) : '') ? q : '';
  const list = useQuery({
    queryKey: ['institutions-pick', hromadaId, typed],
    queryFn: () => searchInstitutions(typed ? { q: typed } : { hromadaId }),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  if (list.isError) return null;
  const items = list.data?.items ?? [];
  const options = value && !items.some((i) => i.id === value.id) ? [value, ...items] : items;
  return (
    <Select
      label={t('care.fields.fromRegister')}
      description={t('care.fields.fromRegisterHint')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('care.fields.fromRegisterClear') }}
      data={options.map((i) => ({ value: i.id, label: nameOf(i, i18n.language) }))}
      filter={({ options: all }) => all}
      nothingFoundMessage={list.isFetching ? undefined : t('care.fields.fromRegisterNothing')}
      searchValue={search}
      onSearchChange={setSearch}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((i) => i.id === id) ?? null)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

const nameOf = (i: RegisterInstitution, lang: string) => (lang === 'en' && i.nameEn ? i.nameEn : i.nameUk);
