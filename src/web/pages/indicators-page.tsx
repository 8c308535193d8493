import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dimensionValues, type Dimension } from '#domain/indicators/dimensions.ts';
import { lastQuarters, quarterOf } from '#domain/indicators/periods.ts';
import { SUPPRESSED_LABEL } from '#domain/indicators/suppression.ts';
import { useMe } from '../features/auth/auth.queries.ts';
import { mayEnterIndicatorValues, mayUseIndicators } from '../features/indicators/access.ts';
import { fetchIndicatorCatalogue, fetchIndicatorTable, fetchIndicatorValues, putIndicatorValue, type IndicatorDefinitionView, type IndicatorTable } from '../features/indicators/indicators.api.ts';
import { usePlaceOptions } from '../features/institutions/institutions.queries.ts';
import { isApiError } from '../ui/api-client.ts';
import { ConflictChoice } from '../ui/conflict-merge.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';
import { useConflictMerge } from '../ui/use-conflict-merge.ts';

/** One entered value as the entry form has it. */
type ValueEntry = { numerator: number | string; denominator: number | string; source: string; notes: string };
const entryOf = (v: { numerator: number | null; denominator: number | null; source: string; notes: string } | undefined): ValueEntry => ({ numerator: v?.numerator ?? '', denominator: v?.denominator ?? '', source: v?.source ?? '', notes: v?.notes ?? '' });

type Cell = IndicatorTable['total']['total'];
type Row = IndicatorTable['total'];
const NATIONAL = 'national';

/** The periods offered: the last eight quarters up to the current one and the last three years. */
function periodOptions(today: Date): string[] {
  const q = quarterOf(today.toISOString().slice(0, 10));
  const year = today.getUTCFullYear();
  return [...lastQuarters(q, 8).reverse(), String(year), String(year - 1), String(year - 2)];
}

/** «Показники» — the indicator catalogue, a table for a chosen indicator, territory, period and disaggregation, and entered figures (SPEC §10). */
export function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const allowed = mayUseIndicators(me);
  usePageTitle(allowed ? t('indicators.title') : t('common.notFoundTitle'));
  const en = i18n.language === 'en';
  const catalogue = useQuery({ queryKey: ['indicators', 'catalogue'], queryFn: fetchIndicatorCatalogue, enabled: allowed, staleTime: 10 * 60_000 });
  const places = usePlaceOptions();
  const periods = useMemo(() => periodOptions(new Date()), []);
  const [code, setCode] = useState('SG4.3');
  const [territory, setTerritory] = useState<string>(NATIONAL);
  const [period, setPeriod] = useState<string>(periods[1] ?? periods[0] ?? '2026Q3');
  const [disaggregation, setDisaggregation] = useState<string>('none');
  const def = catalogue.data?.items.find((d) => d.code === code);
  const effectiveDis = def && disaggregation !== 'none' && !def.disaggregations.includes(disaggregation as Dimension) ? 'none' : disaggregation;
  const territoryId = territory === NATIONAL ? null : territory;
  const table = useQuery({ queryKey: ['indicators', 'table', code, territoryId, period, effectiveDis], queryFn: () => fetchIndicatorTable({ code, territoryId, period, disaggregation: effectiveDis }), enabled: allowed && def !== undefined });
  if (!allowed) return <NotFound />;
  if (catalogue.isPending) return <PageLoader />;
  if (catalogue.isError) return <ErrorAlert error={catalogue.error} />;
  const name = (d: { nameUk: string; nameEn: string }) => (en ? d.nameEn : d.nameUk);
  const territoryData = [{ value: NATIONAL, label: t('indicators.national') }, ...places.oblasts, ...places.hromadasOf(null)];
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('indicators.title')}</Title>
        <Text c="dimmed" size="sm" maw={820}>
          {t('indicators.intro')}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="indicator-table-heading">
        <Title order={2} size="h4" id="indicator-table-heading" mb="xs">
          {t('indicators.tableHeading')}
        </Title>
        <Group grow align="flex-start" wrap="wrap" mb="md">
          <Select label={t('indicators.indicator')} data={catalogue.data.items.map((d) => ({ value: d.code, label: `${d.code} — ${name(d)}` }))} value={code} onChange={(v) => v && setCode(v)} searchable allowDeselect={false} miw={280} />
          <Select label={t('indicators.territory')} data={territoryData} value={territory} onChange={(v) => v && setTerritory(v)} searchable allowDeselect={false} />
          <Select label={t('indicators.period')} data={periods} value={period} onChange={(v) => v && setPeriod(v)} allowDeselect={false} />
          <Select
            label={t('indicators.disaggregation')}
            data={['none', ...(def?.disaggregations ?? [])].map((d) => ({ value: d, label: t(`indicators.dimension.${d}` as 'indicators.dimension.none') }))}
            value={effectiveDis}
            onChange={(v) => v && setDisaggregation(v)}
            allowDeselect={false}
          />
        </Group>
        {def && <DefinitionNote def={def} />}
        {table.isPending ? <PageLoader /> : table.isError ? <ErrorAlert error={table.error} /> : <IndicatorTableView table={table.data} />}
        {def?.source === 'entered' && mayEnterIndicatorValues(me) && <EnterValue def={def} territoryId={territoryId} period={period} disaggregation={effectiveDis} />}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="indicator-catalogue-heading">
        <Title order={2} size="h4" id="indicator-catalogue-heading" mb="xs">
          {t('indicators.catalogueHeading')}
        </Title>
        <RecordsTable
          caption={t('indicators.catalogueCaption')}
          rows={catalogue.data.items}
          rowKey={(d) => d.code}
          columns={[
            { key: 'code', header: t('indicators.columns.code'), cell: (d) => d.code, nowrap: true, rowHeader: true },
            { key: 'name', header: t('indicators.columns.name'), cell: (d) => name(d) },
            { key: 'source', header: t('indicators.columns.source'), cell: (d) => t(`indicators.source.${d.source}`) },
            { key: 'unit', header: t('indicators.columns.unit'), cell: (d) => t(`indicators.unit.${d.unit}`), nowrap: true },
            { key: 'periodicity', header: t('indicators.columns.periodicity'), cell: (d) => t(`indicators.periodicity.${d.periodicity}`), nowrap: true },
          ]}
        />
      </Paper>
    </Stack>
  );
}

function DefinitionNote({ def }: { def: IndicatorDefinitionView }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Stack gap={2} mb="sm">
      <Text size="sm">
        <strong>{t('indicators.numerator')}:</strong> {en ? def.numeratorEn : def.numeratorUk}
      </Text>
      {def.denominatorUk !== null && (
        <Text size="sm">
          <strong>{t('indicators.denominator')}:</strong> {en ? def.denominatorEn : def.denominatorUk}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t(`indicators.source.${def.source}`)} · {t(`indicators.unit.${def.unit}`)} · {en ? def.notesEn : def.notesUk}
      </Text>
    </Stack>
  );
}

/** One figure as shown: "<5" when suppressed, "—" when there is none, a percentage with its sign. */
function CellText({ cell, unit }: { cell: Cell; unit: string }) {
  const { t } = useTranslation();
  if (cell.suppressed) return <span title={t('indicators.suppressedNote')}>{SUPPRESSED_LABEL}</span>;
  if (cell.value === null) return <span title={t('indicators.notAvailable')}>—</span>;
  const text = unit === 'percent' ? `${cell.value.toLocaleString('uk-UA')} %` : cell.value.toLocaleString('uk-UA');
  const title = cell.denominator !== null && unit === 'percent' ? `${cell.numerator ?? ''} / ${cell.denominator}` : undefined;
  return <span title={title}>{text}</span>;
}

function IndicatorTableView({ table }: { table: IndicatorTable }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const rows: Row[] = [table.total, ...table.units];
  const label = (key: string) => t(`indicators.value.${key}` as 'indicators.value.none', { defaultValue: key });
  const caption = t('indicators.tableCaption', { name: en ? table.indicator.nameEn : table.indicator.nameUk, territory: en ? table.territory.nameEn : table.territory.nameUk, period: table.period });
  return (
    <Stack gap="xs">
      <RecordsTable
        caption={caption}
        showCaption
        rows={rows}
        rowKey={(r) => r.territoryId ?? 'national'}
        minWidth={600}
        columns={[
          { key: 'unit', header: t('indicators.unitColumn'), cell: (r) => `${en ? r.nameEn : r.nameUk} (${t(`indicators.level.${r.level}`)})`, rowHeader: true },
          { key: 'total', header: t('indicators.totalColumn'), cell: (r) => <CellText cell={r.total} unit={table.indicator.unit} />, nowrap: true },
          ...table.columns.map((c, i) => ({ key: `c-${c}`, header: label(c), cell: (r: Row) => (r.cells[i] ? <CellText cell={r.cells[i]} unit={table.indicator.unit} /> : null), nowrap: true })),
        ]}
      />
      <Text size="xs" c="dimmed">
        {table.suppressionApplied ? t('indicators.suppressedNote') : t('indicators.exactNote')}
      </Text>
    </Stack>
  );
}

function EnterValue({ def, territoryId, period, disaggregation }: { def: IndicatorDefinitionView; territoryId: string | null; period: string; disaggregation: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const values = useQuery({ queryKey: ['indicators', 'values', def.code, territoryId, period], queryFn: () => fetchIndicatorValues(def.code, territoryId, period) });
  const keys = disaggregation === 'none' ? ['total'] : ['total', ...dimensionValues[disaggregation as Dimension].filter((v) => v !== 'unknown').map((v) => `${disaggregation}:${v}`)];
  const [key, setKey] = useState('total');
  const [numerator, setNumerator] = useState<number | string>('');
  const [denominator, setDenominator] = useState<number | string>('');
  const [source, setSource] = useState('');
  const [notes, setNotes] = useState('');
  const [saved, setSaved] = useState(false);
  const current = values.data?.items.find((v) => v.key === (keys.includes(key) ? key : 'total'));
  // No lost updates (SPEC §11): a value entered meanwhile by someone else is shown next to this one — keep mine or take theirs.
  type Sent = { key: string; entry: ValueEntry; base: ValueEntry; version: number | null };
  const sentKey = useRef('total');
  const conflict = useConflictMerge<ValueEntry>(
    async () => {
      const fresh = (await fetchIndicatorValues(def.code, territoryId, period)).items.find((v) => v.key === sentKey.current);
      return fresh ? { value: entryOf(fresh), version: fresh.version, updatedAt: fresh.updatedAt } : null;
    },
    (value, version, how) => {
      setNumerator(value.numerator);
      setDenominator(value.denominator);
      setSource(value.source);
      setNotes(value.notes);
      if (how.save) save.mutate({ key: sentKey.current, entry: value, base: value, version });
      else {
        save.reset();
        void client.invalidateQueries({ queryKey: ['indicators', 'values', def.code, territoryId, period] });
      }
    },
  );
  const save = useMutation({
    mutationFn: ({ key: k, entry, version }: Sent) => {
      sentKey.current = k;
      return putIndicatorValue(def.code, {
        territoryId,
        period,
        key: k,
        numerator: entry.numerator === '' ? null : Number(entry.numerator),
        denominator: def.unit === 'percent' && entry.denominator !== '' ? Number(entry.denominator) : null,
        source: entry.source,
        notes: entry.notes,
        ...(version !== null ? { version } : {}),
      });
    },
    onSuccess: async () => {
      setSaved(true);
      await client.invalidateQueries({ queryKey: ['indicators'] });
    },
    onError: (e, { entry, base }) => void conflict.onConflict(e, base, entry),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const entry: ValueEntry = { numerator, denominator: def.unit === 'percent' ? denominator : '', source, notes };
    const base = entryOf(current);
    save.mutate({ key: keys.includes(key) ? key : 'total', entry, base: def.unit === 'percent' ? base : { ...base, denominator: '' }, version: current?.version ?? null });
  };
  const keyLabel = (k: string) => (k === 'total' ? t('indicators.enter.total') : t(`indicators.value.${k.split(':')[1]}` as 'indicators.value.none'));
  return (
    <Stack component="form" onSubmit={submit} gap="sm" mt="md" aria-labelledby="indicator-enter-heading">
      <Title order={3} size="h5" id="indicator-enter-heading">
        {t('indicators.enter.heading')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('indicators.enter.intro')}
      </Text>
      {current && <Text size="sm">{t('indicators.enter.current', { value: current.value ?? '—', source: current.source })}</Text>}
      <Group grow align="flex-start" wrap="wrap">
        <Select label={t('indicators.enter.key')} data={keys.map((k) => ({ value: k, label: keyLabel(k) }))} value={keys.includes(key) ? key : 'total'} onChange={(v) => v && setKey(v)} allowDeselect={false} />
        <NumberInput label={t('indicators.numerator')} value={numerator} onChange={setNumerator} min={0} required />
        {def.unit === 'percent' && <NumberInput label={t('indicators.denominator')} value={denominator} onChange={setDenominator} min={0} required />}
      </Group>
      <TextInput label={t('indicators.enter.source')} value={source} onChange={(e) => setSource(e.currentTarget.value)} required minLength={2} maxLength={500} />
      <TextInput label={t('indicators.enter.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} maxLength={2000} />
      <ConflictChoice
        conflict={conflict}
        labels={{ numerator: t('indicators.numerator'), denominator: t('indicators.denominator'), source: t('indicators.enter.source'), notes: t('indicators.enter.notes') }}
        onReload={() => void client.invalidateQueries({ queryKey: ['indicators', 'values', def.code, territoryId, period] })}
      />
      {save.isError && !(isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled)) && <ErrorAlert error={save.error} />}
      {saved && (
        <Alert color="green" role="status">
          {t('indicators.enter.saved')}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={save.isPending}>
          {t('indicators.enter.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
