import { Button, Group, List, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField as BaseDateField } from '../../ui/date-field.tsx';
import { serviceCatalogueQuery } from './plans.queries.ts';

/** Catalogue services as select options «назва · код», searchable by name or code (SPEC §4.1). */
export function useServiceOptions(extraCodes: readonly string[] = []) {
  const { i18n } = useTranslation();
  const catalogue = useQuery(serviceCatalogueQuery);
  const en = i18n.language === 'en';
  return useMemo(() => {
    const items = catalogue.data?.items ?? [];
    const options = items.filter((s) => s.isActive || extraCodes.includes(s.code)).map((s) => ({ value: s.code, label: `${en ? s.nameEn : s.nameUk} · ${s.code}` }));
    for (const code of extraCodes) if (!options.some((o) => o.value === code)) options.push({ value: code, label: code });
    return options;
  }, [catalogue.data, en, extraCodes]);
}

type SelectProps = { label: string; value: string | null; onChange: (code: string | null) => void; description?: string; required?: boolean; error?: string | undefined };

/** One service from the catalogue, with search. */
export function ServiceSelect({ label, value, onChange, description, required, error }: SelectProps) {
  const { t } = useTranslation();
  const extra = useMemo(() => (value ? [value] : []), [value]);
  const options = useServiceOptions(extra);
  return (
    <Select
      label={label}
      description={description}
      placeholder={t('plan.services.searchPlaceholder')}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('plan.services.clear', { label }) }}
      required={required}
      error={error}
      nothingFoundMessage={t('plan.services.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Several services: the chosen ones listed with a remove button, one more added with search. */
export function ServicesPicker({ label, value, onChange, error }: { label: string; value: string[]; onChange: (codes: string[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const options = useServiceOptions(value);
  const [key, setKey] = useState(0);
  const labelOf = (code: string) => options.find((o) => o.value === code)?.label ?? code;
  return (
    <Stack gap={4}>
      <Select
        key={key}
        label={label}
        placeholder={t('plan.services.searchPlaceholder')}
        data={options.filter((o) => !value.includes(o.value))}
        value={null}
        onChange={(code) => {
          if (code) onChange([...value, code]);
          setKey((k) => k + 1);
        }}
        searchable
        error={error}
        nothingFoundMessage={t('plan.services.nothingFound')}
        comboboxProps={{ withinPortal: true }}
      />
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plan.services.noneChosen')}
        </Text>
      ) : (
        <List size="sm" spacing={2} aria-label={t('plan.services.chosen')}>
          {value.map((code) => (
            <List.Item key={code}>
              <Group gap="xs" wrap="nowrap">
                <span className="wrap-anywhere">{labelOf(code)}</span>
                <Button variant="subtle" color="red" size="compact-xs" onClick={() => onChange(value.filter((c) => c !== code))}>
                  {t('plan.services.remove', { name: labelOf(code) })}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

type DateProps = { label: string; value: string | null; onChange: (iso: string | null) => void; required?: boolean; maxDate?: string; minDate?: string; error?: string | undefined; id?: string };

/** A date typed or picked as дд.мм.рррр, kept as `YYYY-MM-DD`. */
export function DateField({ label, ...rest }: DateProps) {
  const { t } = useTranslation();
  return <BaseDateField label={label} clearLabel={t('plan.clearDate', { label })} {...rest} />;
}
