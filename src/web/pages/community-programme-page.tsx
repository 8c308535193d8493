import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, Progress, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { deliveryOptions, overheadKinds, type DeliveryOption, type OverheadKind } from '#domain/planning/costing.ts';
import { indicatorTypes, type IndicatorType } from '#domain/planning/programme.ts';
import { activeServicesQuery } from '../features/catalogue/catalogue.queries.ts';
import { fetchProgramme, newKey, programmeBody, saveProgramme, type Programme, type ProgrammeBody } from '../features/community-planning/community-planning.api.ts';
import { isApiError } from '../ui/api-client.ts';
import { ConflictMerge, type FieldLabels } from '../ui/conflict-merge.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';
import { useConflictMerge } from '../ui/use-conflict-merge.ts';

const money = (n: number | null) => (n === null ? '—' : n.toLocaleString('uk-UA', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

type GoalDraft = { title: string; targetGroup: string; rationale: string; dueYear: number | ''; indicatorType: IndicatorType; indicatorName: string; unit: string; baseline: number | ''; target: number | '' };
type MeasureDraft = { title: string; serviceCode: string | null; responsible: string; year: number | ''; resources: string };
type IndicatorDraft = { type: IndicatorType; name: string; unit: string; baseline: number | ''; target: number | '' };
type ValueDraft = { period: string; actual: number | '' };
type CostingDraft = { serviceCode: string | null; position: string; monthlyPay: number | ''; monthlyHours: number | ''; hoursPerUnit: number | ''; payroll: number | ''; materials: number | ''; overheadKind: OverheadKind; overheadValue: number | ''; recipients: number | ''; units: number | ''; delivery: DeliveryOption; quote: number | ''; supplier: string };
/** What is being edited: a new item (key null) or an existing one. */
type Editor =
  | { kind: 'goal'; key: string | null; draft: GoalDraft }
  | { kind: 'measure'; goalKey: string; key: string | null; draft: MeasureDraft }
  | { kind: 'indicator'; goalKey: string; key: string | null; draft: IndicatorDraft }
  | { kind: 'value'; goalKey: string; indicatorKey: string; draft: ValueDraft }
  | { kind: 'costing'; key: string | null; draft: CostingDraft };
/** A change of the programme, applied to the version as loaded. */
type Change = (p: Programme) => ProgrammeBody;
/** The programme as the merge sees it: the body of a save without its version. */
type Draft = Omit<ProgrammeBody, 'version'>;
type GoalBody = ProgrammeBody['goals'][number];
type CostingBody = ProgrammeBody['costings'][number];
const num = (v: number | '') => (v === '' ? 0 : v);
const orBlank = (v: number | null | undefined): number | '' => (v === null || v === undefined ? '' : v);

/** Applies `fn` to the goal with `key` (null from `fn` removes it); unknown keys change nothing. */
function withGoal(p: Programme, key: string, fn: (g: GoalBody) => GoalBody | null): ProgrammeBody {
  const body = programmeBody(p);
  body.goals = body.goals.flatMap((g) => {
    if (g.key !== key) return [g];
    const next = fn(g);
    return next ? [next] : [];
  });
  return body;
}

/** Replaces (or, with a new key, appends) an item of a list by key; null removes it. */
function upsert<T extends { key: string }>(list: readonly T[] | undefined, key: string, item: T | null): T[] {
  const items = [...(list ?? [])];
  const i = items.findIndex((x) => x.key === key);
  if (item === null) return i < 0 ? items : items.filter((x) => x.key !== key);
  if (i < 0) return [...items, item];
  items[i] = item;
  return items;
}

function costingFrom(key: string, c: CostingDraft, before: CostingBody | undefined): CostingBody {
  const first = c.position ? [{ position: c.position, monthlyPay: num(c.monthlyPay), monthlyHours: num(c.monthlyHours) || 166, hoursPerUnit: num(c.hoursPerUnit) }] : [];
  const otherQuotes = (before?.quotes ?? []).filter((q) => q.option !== c.delivery);
  return {
    key,
    serviceCode: c.serviceCode ?? '',
    staff: [...first, ...(before?.staff ?? []).slice(1)],
    payrollChargePercent: num(c.payroll),
    materialsPerUnit: num(c.materials),
    overheadKind: c.overheadKind,
    overheadValue: num(c.overheadValue),
    expectedRecipients: num(c.recipients),
    unitsPerRecipient: num(c.units),
    deliveryOption: c.delivery,
    quotes: c.quote === '' || c.delivery === 'own_provision' ? otherQuotes : [...otherQuotes, { option: c.delivery, supplier: c.supplier, unitPrice: c.quote }],
    note: before?.note ?? '',
  };
}

/** The change an editor's form makes. */
function changeOf(e: Editor): Change {
  switch (e.kind) {
    case 'goal': {
      const g = e.draft;
      const fields = { title: g.title, targetGroup: g.targetGroup, rationale: g.rationale, dueYear: g.dueYear === '' ? null : g.dueYear };
      if (e.key) return (p) => withGoal(p, e.key as string, (old) => ({ ...old, ...fields }));
      const key = newKey();
      const indicators = g.indicatorName ? [{ key: newKey(), type: g.indicatorType, name: g.indicatorName, unit: g.unit, baseline: num(g.baseline), target: num(g.target), values: [] }] : [];
      return (p) => {
        const body = programmeBody(p);
        body.goals = upsert(body.goals, key, { key, ...fields, measures: [], indicators });
        return body;
      };
    }
    case 'measure': {
      const m = e.draft;
      const key = e.key ?? newKey();
      const item = { key, title: m.title, serviceCode: m.serviceCode, responsible: m.responsible, year: m.year === '' ? null : m.year, resources: m.resources };
      return (p) => withGoal(p, e.goalKey, (g) => ({ ...g, measures: upsert(g.measures, key, item) }));
    }
    case 'indicator': {
      const i = e.draft;
      const key = e.key ?? newKey();
      return (p) => withGoal(p, e.goalKey, (g) => ({ ...g, indicators: upsert(g.indicators, key, { values: (g.indicators ?? []).find((x) => x.key === key)?.values ?? [], key, type: i.type, name: i.name, unit: i.unit, baseline: num(i.baseline), target: num(i.target) }) }));
    }
    case 'value': {
      const v = e.draft;
      return (p) =>
        withGoal(p, e.goalKey, (g) => ({
          ...g,
          indicators: (g.indicators ?? []).map((i) => (i.key === e.indicatorKey ? { ...i, values: [...(i.values ?? []).filter((x) => x.period !== v.period.trim()), { period: v.period.trim(), actual: num(v.actual) }].sort((a, b) => a.period.localeCompare(b.period)) } : i)),
        }));
    }
    case 'costing': {
      const key = e.key ?? newKey();
      return (p) => {
        const body = programmeBody(p);
        body.costings = upsert(body.costings, key, costingFrom(key, e.draft, body.costings.find((c) => c.key === key)));
        return body;
      };
    }
  }
}

/** The labels of the programme's fields, for the merge view (goals and costings item by item). */
function programmeLabels(t: TFunction): FieldLabels {
  return {
    title: t('communityPlanning.titleField'),
    fromYear: t('communityPlanning.fromYear'),
    toYear: t('communityPlanning.toYear'),
    status: t('communityPlanning.statusLabel'),
    population: t('communityPlanning.population'),
    goals: t('communityPlanning.goals.heading'),
    'goals.title': t('communityPlanning.goals.title'),
    'goals.targetGroup': t('communityPlanning.goals.targetGroup'),
    'goals.rationale': t('communityPlanning.goals.rationale'),
    'goals.dueYear': t('communityPlanning.goals.dueYear'),
    'goals.measures': t('communityPlanning.goals.measures'),
    'goals.indicators': t('communityPlanning.indicators.heading'),
    'goals.indicators.type': t('communityPlanning.indicators.type'),
    'goals.indicators.name': t('communityPlanning.indicators.name'),
    'goals.indicators.unit': t('communityPlanning.indicators.unit'),
    'goals.indicators.baseline': t('communityPlanning.indicators.baseline'),
    'goals.indicators.target': t('communityPlanning.indicators.target'),
    'goals.indicators.values': t('communityPlanning.indicators.history'),
    costings: t('communityPlanning.costing.heading'),
    'costings.serviceCode': t('communityPlanning.costing.service'),
    'costings.staff': t('communityPlanning.costing.position'),
    'costings.payrollChargePercent': t('communityPlanning.costing.payrollCharge'),
    'costings.materialsPerUnit': t('communityPlanning.costing.materials'),
    'costings.overheadKind': t('communityPlanning.costing.overheadKind'),
    'costings.overheadValue': t('communityPlanning.costing.overheadValue'),
    'costings.expectedRecipients': t('communityPlanning.costing.recipients'),
    'costings.unitsPerRecipient': t('communityPlanning.costing.units'),
    'costings.deliveryOption': t('communityPlanning.costing.delivery'),
    'costings.quotes': t('communityPlanning.costing.quote'),
  };
}

/** One targeted social programme: goals with measures and indicators and their monitoring, costed services, budget, neighbours, exports (SPEC §8). */
export function CommunityProgrammePage() {
  const { t, i18n } = useTranslation();
  const { programmeId } = useParams({ from: '/app/community-planning/programmes/$programmeId' });
  const queryKey = ['community-planning', 'programme', programmeId];
  const q = useQuery({ queryKey, queryFn: () => fetchProgramme(programmeId) });
  const services = useQuery(activeServicesQuery);
  const qc = useQueryClient();
  const [editor, setEditor] = useState<Editor | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // No lost updates (SPEC §11): after a 409 the programme as saved meanwhile is merged with this change (goals and
  // costings item by item); what both people changed is shown side by side to choose from.
  const conflict = useConflictMerge<Draft>(
    async () => {
      const fresh = await fetchProgramme(programmeId);
      const { version, ...value } = programmeBody(fresh);
      return { value, version };
    },
    (value, version, how) => {
      if (how.save) save.mutate({ body: { ...value, version }, base: value });
      else {
        setEditor(null);
        save.reset();
        void qc.invalidateQueries({ queryKey });
      }
    },
  );
  usePageTitle(q.data?.title ?? t('communityPlanning.title'));
  const save = useMutation({
    mutationFn: ({ body }: { body: ProgrammeBody; base: Draft }) => saveProgramme(programmeId, body),
    onMutate: () => setSaved(false),
    onSuccess: (p) => {
      qc.setQueryData(queryKey, p);
      void qc.invalidateQueries({ queryKey: ['community-planning', 'programmes'] });
      setEditor(null);
      setConfirmRemove(null);
      setSaved(true);
    },
    onError: (error, { body, base }) => {
      const { version: _v, ...mine } = body;
      void conflict.onConflict(error, base, mine);
    },
  });
  const reload = async () => {
    setEditor(null);
    conflict.dismiss();
    save.reset();
    await qc.invalidateQueries({ queryKey });
  };
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const p: Programme = q.data;
  const edit = p.allowedActions.includes('edit');
  const en = i18n.language === 'en';
  const serviceOptions = (services.data ?? []).map((s) => ({ value: s.code, label: en ? s.nameEn : s.nameUk }));
  const apply = (change: Change) => {
    const { version: _v, ...base } = programmeBody(p);
    save.mutate({ body: change(p), base });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (editor) apply(changeOf(editor));
  };
  const cancel = () => setEditor(null);
  const saveButtons = (
    <Group>
      <Button type="submit" loading={save.isPending}>
        {t('communityPlanning.save')}
      </Button>
      <Button variant="default" onClick={cancel}>
        {t('communityPlanning.cancel')}
      </Button>
    </Group>
  );
  /** Remove, asking once more in place. */
  const removeButton = (id: string, what: string, change: Change) =>
    confirmRemove === id ? (
      <Group gap="xs">
        <Button size="compact-sm" color="red.8" onClick={() => apply(change)} loading={save.isPending}>
          {t('communityPlanning.confirmRemove', { what })}
        </Button>
        <Button size="compact-sm" variant="default" onClick={() => setConfirmRemove(null)}>
          {t('communityPlanning.cancel')}
        </Button>
      </Group>
    ) : (
      <Button size="compact-sm" variant="subtle" color="red.8" onClick={() => setConfirmRemove(id)} aria-label={t('communityPlanning.removeNamed', { what })}>
        {t('communityPlanning.remove')}
      </Button>
    );
  const editButton = (what: string, open: () => void) => (
    <Button size="compact-sm" variant="subtle" onClick={open} aria-label={t('communityPlanning.editNamed', { what })}>
      {t('communityPlanning.edit')}
    </Button>
  );
  const goalForm = editor?.kind === 'goal' && (
    <form onSubmit={submit}>
      <Stack gap="xs" mb="md">
        <TextInput label={t('communityPlanning.goals.title')} required value={editor.draft.title} onChange={(e) => setEditor({ ...editor, draft: { ...editor.draft, title: e.currentTarget.value } })} maxLength={500} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('communityPlanning.goals.targetGroup')} value={editor.draft.targetGroup} onChange={(e) => setEditor({ ...editor, draft: { ...editor.draft, targetGroup: e.currentTarget.value } })} maxLength={300} />
          <TextInput label={t('communityPlanning.goals.rationale')} value={editor.draft.rationale} onChange={(e) => setEditor({ ...editor, draft: { ...editor.draft, rationale: e.currentTarget.value } })} maxLength={2000} />
          <NumberInput label={t('communityPlanning.goals.dueYear')} value={editor.draft.dueYear} onChange={(v) => setEditor({ ...editor, draft: { ...editor.draft, dueYear: v === '' ? '' : Number(v) } })} min={2000} max={2100} />
        </SimpleGrid>
        {editor.key === null && (
          <SimpleGrid cols={{ base: 1, sm: 5 }}>
            <Select label={t('communityPlanning.indicators.type')} data={indicatorTypes.map((x) => ({ value: x, label: t(`communityPlanning.indicators.types.${x}`) }))} value={editor.draft.indicatorType} onChange={(v) => setEditor({ ...editor, draft: { ...editor.draft, indicatorType: (v as IndicatorType) ?? 'output' } })} allowDeselect={false} />
            <TextInput label={t('communityPlanning.indicators.name')} value={editor.draft.indicatorName} onChange={(e) => setEditor({ ...editor, draft: { ...editor.draft, indicatorName: e.currentTarget.value } })} maxLength={300} />
            <TextInput label={t('communityPlanning.indicators.unit')} value={editor.draft.unit} onChange={(e) => setEditor({ ...editor, draft: { ...editor.draft, unit: e.currentTarget.value } })} maxLength={50} />
            <NumberInput label={t('communityPlanning.indicators.baseline')} value={editor.draft.baseline} onChange={(v) => setEditor({ ...editor, draft: { ...editor.draft, baseline: v === '' ? '' : Number(v) } })} />
            <NumberInput label={t('communityPlanning.indicators.target')} value={editor.draft.target} onChange={(v) => setEditor({ ...editor, draft: { ...editor.draft, target: v === '' ? '' : Number(v) } })} />
          </SimpleGrid>
        )}
        {saveButtons}
      </Stack>
    </form>
  );
  const measureForm = (goalKey: string) =>
    editor?.kind === 'measure' &&
    editor.goalKey === goalKey && (
      <form onSubmit={submit} aria-label={editor.key ? t('communityPlanning.goals.editMeasure') : t('communityPlanning.goals.addMeasure')}>
        <Stack gap="xs" my="xs">
          <TextInput label={t('communityPlanning.goals.measure')} required value={editor.draft.title} onChange={(e) => setEditor({ ...editor, draft: { ...editor.draft, title: e.currentTarget.value } })} maxLength={500} />
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <Select label={t('communityPlanning.costing.service')} searchable clearable data={serviceOptions} value={editor.draft.serviceCode} onChange={(v) => setEditor({ ...editor, draft: { ...editor.draft, serviceCode: v } })} />
            <TextInput label={t('communityPlanning.goals.responsible')} value={editor.draft.responsible} onChange={(e) => setEditor({ ...editor, draft: { ...editor.draft, responsible: e.currentTarget.value } })} maxLength={200} />
            <NumberInput label={t('communityPlanning.year')} value={editor.draft.year} onChange={(v) => setEditor({ ...editor, draft: { ...editor.draft, year: v === '' ? '' : Number(v) } })} min={2000} max={2100} />
            <TextInput label={t('communityPlanning.goals.resources')} value={editor.draft.resources} onChange={(e) => setEditor({ ...editor, draft: { ...editor.draft, resources: e.currentTarget.value } })} maxLength={500} />
          </SimpleGrid>
          {saveButtons}
        </Stack>
      </form>
    );
  const indicatorForm = (goalKey: string, indicatorKey: string | null) =>
    editor?.kind === 'indicator' &&
    editor.goalKey === goalKey &&
    editor.key === indicatorKey && (
      <form onSubmit={submit} aria-label={indicatorKey ? t('communityPlanning.indicators.edit') : t('communityPlanning.indicators.add')}>
        <Stack gap="xs" my="xs">
          <SimpleGrid cols={{ base: 1, sm: 5 }}>
            <Select label={t('communityPlanning.indicators.type')} data={indicatorTypes.map((x) => ({ value: x, label: t(`communityPlanning.indicators.types.${x}`) }))} value={editor.draft.type} onChange={(v) => setEditor({ ...editor, draft: { ...editor.draft, type: (v as IndicatorType) ?? 'output' } })} allowDeselect={false} />
            <TextInput label={t('communityPlanning.indicators.name')} required value={editor.draft.name} onChange={(e) => setEditor({ ...editor, draft: { ...editor.draft, name: e.currentTarget.value } })} maxLength={300} />
            <TextInput label={t('communityPlanning.indicators.unit')} value={editor.draft.unit} onChange={(e) => setEditor({ ...editor, draft: { ...editor.draft, unit: e.currentTarget.value } })} maxLength={50} />
            <NumberInput label={t('communityPlanning.indicators.baseline')} required value={editor.draft.baseline} onChange={(v) => setEditor({ ...editor, draft: { ...editor.draft, baseline: v === '' ? '' : Number(v) } })} />
            <NumberInput label={t('communityPlanning.indicators.target')} required value={editor.draft.target} onChange={(v) => setEditor({ ...editor, draft: { ...editor.draft, target: v === '' ? '' : Number(v) } })} />
          </SimpleGrid>
          {saveButtons}
        </Stack>
      </form>
    );
  const valueForm = (goalKey: string, indicatorKey: string) =>
    editor?.kind === 'value' &&
    editor.goalKey === goalKey &&
    editor.indicatorKey === indicatorKey && (
      <form onSubmit={submit} aria-label={t('communityPlanning.indicators.addValue')}>
        <Group align="flex-end" gap="sm" my="xs">
          <TextInput label={t('communityPlanning.indicators.period')} description={t('communityPlanning.indicators.periodHint')} required value={editor.draft.period} onChange={(e) => setEditor({ ...editor, draft: { ...editor.draft, period: e.currentTarget.value } })} maxLength={7} w={200} />
          <NumberInput label={t('communityPlanning.indicators.actual')} required value={editor.draft.actual} onChange={(v) => setEditor({ ...editor, draft: { ...editor.draft, actual: v === '' ? '' : Number(v) } })} w={200} />
          {saveButtons}
        </Group>
      </form>
    );
  const costingForm = (key: string | null) =>
    editor?.kind === 'costing' &&
    editor.key === key && (
      <form onSubmit={submit}>
        <CostingFields draft={editor.draft} onChange={(draft) => setEditor({ ...editor, draft })} serviceOptions={serviceOptions} />
        {saveButtons}
      </form>
    );
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/community-planning" size="sm">
        {t('communityPlanning.back')}
      </Anchor>
      <div>
        <Title order={1}>{p.title}</Title>
        <Text c="dimmed" size="sm">
          {en ? p.hromada.nameEn : p.hromada.nameUk} · {p.fromYear}–{p.toYear} · {t(`communityPlanning.status.${p.status}`)}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="prog-budget">
        <Title order={2} size="h3" id="prog-budget" mb="xs">
          {t('communityPlanning.budget')}
        </Title>
        <Group gap="xl">
          <Text data-testid="programme-budget">
            {t('communityPlanning.budget')}: <strong>{t('communityPlanning.money', { value: money(p.budgetTotal) })}</strong>
          </Text>
          <Text>
            {t('communityPlanning.perPerson')}: <strong>{p.perPerson === null ? '—' : t('communityPlanning.money', { value: money(p.perPerson) })}</strong>
          </Text>
        </Group>
        <Group mt="sm">
          <Button component="a" href={`/api/v1/community-programmes/${p.id}/export.xlsx`} variant="light" download>
            {t('communityPlanning.export.xlsx')}
          </Button>
          <Button component="a" href={`/api/v1/community-programmes/${p.id}/export.csv`} variant="default" download>
            {t('communityPlanning.export.csv')}
          </Button>
        </Group>
      </Paper>
      {saved && !save.error && (
        <Alert color="green" role="status">
          {t('communityPlanning.saved')}
        </Alert>
      )}
      <ConflictMerge conflict={conflict} labels={programmeLabels(t)} onReload={() => void reload()} />
      {save.error && !(isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled)) && <ErrorAlert error={save.error} />}

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="prog-goals">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3" id="prog-goals">
            {t('communityPlanning.goals.heading')}
          </Title>
          {edit && !editor && (
            <Button variant="light" onClick={() => setEditor({ kind: 'goal', key: null, draft: { title: '', targetGroup: '', rationale: '', dueYear: p.toYear, indicatorType: 'output', indicatorName: '', unit: '', baseline: '', target: '' } })}>
              {t('communityPlanning.goals.add')}
            </Button>
          )}
        </Group>
        {editor?.kind === 'goal' && editor.key === null && goalForm}
        {p.goals.length === 0 && <Text c="dimmed">{t('communityPlanning.none')}</Text>}
        <Stack gap="sm">
          {p.goals.map((g) => (
            <Paper key={g.key} withBorder p="sm" radius="sm" component="article" aria-labelledby={`goal-${g.key}`}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div>
                  <Title order={3} size="h4" id={`goal-${g.key}`}>
                    {g.title}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {[g.targetGroup, g.dueYear].filter(Boolean).join(' · ')}
                  </Text>
                </div>
                {edit && !editor && (
                  <Group gap={4} wrap="nowrap">
                    {editButton(g.title, () => setEditor({ kind: 'goal', key: g.key, draft: { title: g.title, targetGroup: g.targetGroup, rationale: g.rationale, dueYear: orBlank(g.dueYear), indicatorType: 'output', indicatorName: '', unit: '', baseline: '', target: '' } }))}
                    {removeButton(`goal-${g.key}`, g.title, (x) => withGoal(x, g.key, () => null))}
                  </Group>
                )}
              </Group>
              {editor?.kind === 'goal' && editor.key === g.key && goalForm}
              {g.smartGaps.length === 0 ? (
                <Badge color="green" variant="light">
                  {t('communityPlanning.goals.smartOk')}
                </Badge>
              ) : (
                <Text size="sm" c="orange.9">
                  {t('communityPlanning.goals.smartGaps', { list: g.smartGaps.map((s) => t(`communityPlanning.goals.smart.${s}`)).join(', ') })}
                </Text>
              )}
              <Title order={4} size="h5" mt="xs">
                {t('communityPlanning.goals.measures')}
              </Title>
              {g.measures.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('communityPlanning.none')}
                </Text>
              )}
              {g.measures.map((m) => (
                <div key={m.key}>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Text size="sm">
                      {t('communityPlanning.goals.measure')}: {m.title}
                      {[m.responsible, m.year, m.resources].filter(Boolean).length > 0 && ` (${[m.responsible, m.year, m.resources].filter(Boolean).join(', ')})`}
                    </Text>
                    {edit && !editor && (
                      <Group gap={4} wrap="nowrap">
                        {editButton(m.title, () => setEditor({ kind: 'measure', goalKey: g.key, key: m.key, draft: { title: m.title, serviceCode: m.serviceCode, responsible: m.responsible, year: orBlank(m.year), resources: m.resources } }))}
                        {removeButton(`measure-${m.key}`, m.title, (x) => withGoal(x, g.key, (old) => ({ ...old, measures: upsert(old.measures, m.key, null) })))}
                      </Group>
                    )}
                  </Group>
                  {editor?.kind === 'measure' && editor.key === m.key && measureForm(g.key)}
                </div>
              ))}
              {editor?.kind === 'measure' && editor.goalKey === g.key && editor.key === null && measureForm(g.key)}
              <Title order={4} size="h5" mt="xs">
                {t('communityPlanning.indicators.heading')}
              </Title>
              {g.indicators.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('communityPlanning.none')}
                </Text>
              )}
              {g.indicators.map((i) => (
                <div key={i.key} data-testid="indicator">
                  <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
                    <div>
                      <Text size="sm">
                        {t('communityPlanning.indicators.name')} ({t(`communityPlanning.indicators.types.${i.type}`)}): {i.name} — {i.baseline} → {i.target} {i.unit}
                      </Text>
                      <Text size="sm" c="dimmed" data-testid="indicator-progress">
                        {i.latestPeriod !== null && i.latest !== null
                          ? `${t('communityPlanning.indicators.latest', { period: i.latestPeriod, value: i.latest })}${i.progressPercent !== null ? ` · ${t('communityPlanning.indicators.progress', { value: i.progressPercent })}` : ''} · ${i.achieved ? t('communityPlanning.indicators.achieved') : t('communityPlanning.indicators.notAchieved')}`
                          : t('communityPlanning.indicators.noValues')}
                      </Text>
                      {i.values.length > 1 && (
                        <Text size="xs" c="dimmed">
                          {t('communityPlanning.indicators.history')}: {i.values.map((v) => `${v.period}: ${v.actual}`).join('; ')}
                        </Text>
                      )}
                    </div>
                    {edit && !editor && (
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-sm" variant="light" onClick={() => setEditor({ kind: 'value', goalKey: g.key, indicatorKey: i.key, draft: { period: String(new Date().getFullYear()), actual: '' } })} aria-label={t('communityPlanning.indicators.addValueNamed', { what: i.name })}>
                          {t('communityPlanning.indicators.addValue')}
                        </Button>
                        {editButton(i.name, () => setEditor({ kind: 'indicator', goalKey: g.key, key: i.key, draft: { type: i.type, name: i.name, unit: i.unit, baseline: i.baseline, target: i.target } }))}
                        {removeButton(`indicator-${i.key}`, i.name, (x) => withGoal(x, g.key, (old) => ({ ...old, indicators: upsert(old.indicators, i.key, null) })))}
                      </Group>
                    )}
                  </Group>
                  {i.progressPercent !== null && (
                    <div aria-hidden="true">
                      <Progress value={Math.max(0, Math.min(100, i.progressPercent))} size="sm" mt={4} maw={320} color={i.achieved ? 'green' : 'blue'} />
                    </div>
                  )}
                  {indicatorForm(g.key, i.key)}
                  {valueForm(g.key, i.key)}
                </div>
              ))}
              {indicatorForm(g.key, null)}
              {edit && !editor && (
                <Group gap="xs" mt="xs">
                  <Button size="compact-sm" variant="light" onClick={() => setEditor({ kind: 'measure', goalKey: g.key, key: null, draft: { title: '', serviceCode: null, responsible: '', year: orBlank(g.dueYear), resources: '' } })} aria-label={t('communityPlanning.goals.addMeasureTo', { what: g.title })}>
                    {t('communityPlanning.goals.addMeasure')}
                  </Button>
                  <Button size="compact-sm" variant="light" onClick={() => setEditor({ kind: 'indicator', goalKey: g.key, key: null, draft: { type: 'output', name: '', unit: '', baseline: '', target: '' } })} aria-label={t('communityPlanning.indicators.addTo', { what: g.title })}>
                    {t('communityPlanning.indicators.add')}
                  </Button>
                </Group>
              )}
            </Paper>
          ))}
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="prog-costing">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3" id="prog-costing">
            {t('communityPlanning.costing.heading')}
          </Title>
          {edit && !editor && (
            <Button variant="light" onClick={() => setEditor({ kind: 'costing', key: null, draft: { serviceCode: null, position: '', monthlyPay: '', monthlyHours: 166, hoursPerUnit: '', payroll: 22, materials: 0, overheadKind: 'percent', overheadValue: 0, recipients: '', units: '', delivery: 'own_provision', quote: '', supplier: '' } })}>
              {t('communityPlanning.costing.add')}
            </Button>
          )}
        </Group>
        {costingForm(null)}
        {p.costings.length === 0 && <Text c="dimmed">{t('communityPlanning.none')}</Text>}
        <Stack gap="sm">
          {p.costings.map((c) => {
            const name = en ? c.serviceNameEn : c.serviceNameUk;
            const first = c.staff[0];
            const quote = c.quotes.find((x) => x.option === c.deliveryOption);
            return (
              <Paper key={c.key} withBorder p="sm" radius="sm" data-testid="costing">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Title order={3} size="h4">
                    {name}
                  </Title>
                  {edit && !editor && (
                    <Group gap={4} wrap="nowrap">
                      {editButton(name, () =>
                        setEditor({
                          kind: 'costing',
                          key: c.key,
                          draft: {
                            serviceCode: c.serviceCode,
                            position: first?.position ?? '',
                            monthlyPay: first?.monthlyPay ?? '',
                            monthlyHours: first?.monthlyHours ?? 166,
                            hoursPerUnit: first?.hoursPerUnit ?? '',
                            payroll: c.payrollChargePercent,
                            materials: c.materialsPerUnit,
                            overheadKind: c.overheadKind,
                            overheadValue: c.overheadValue,
                            recipients: c.expectedRecipients,
                            units: c.unitsPerRecipient,
                            delivery: c.deliveryOption,
                            quote: quote?.unitPrice ?? '',
                            supplier: quote?.supplier ?? '',
                          },
                        }),
                      )}
                      {removeButton(`costing-${c.key}`, name, (x) => {
                        const body = programmeBody(x);
                        body.costings = upsert(body.costings, c.key, null);
                        return body;
                      })}
                    </Group>
                  )}
                </Group>
                {costingForm(c.key)}
                <Group gap="xl">
                  <Text size="sm">
                    {t('communityPlanning.costing.staffCost')}: {money(c.result.staffCostPerUnit)}
                  </Text>
                  <Text size="sm">
                    {t('communityPlanning.costing.overhead')}: {money(c.result.overheadPerUnit)}
                  </Text>
                  <Text size="sm" data-testid="unit-cost">
                    {t('communityPlanning.costing.unitCost')}: <strong>{t('communityPlanning.money', { value: money(c.result.unitCost) })}</strong>
                  </Text>
                  <Text size="sm">
                    {t('communityPlanning.costing.totalUnits')}: {c.result.totalUnits}
                  </Text>
                  <Text size="sm" data-testid="costing-budget">
                    {t('communityPlanning.costing.budget')}: <strong>{t('communityPlanning.money', { value: money(c.result.budget) })}</strong>
                  </Text>
                </Group>
                {c.options.length > 1 && (
                  <RecordsTable
                    caption={t('communityPlanning.costing.caption')}
                    rows={c.options}
                    rowKey={(o) => `${o.option}-${o.supplier}`}
                    empty=""
                    columns={[
                      { key: 'o', header: t('communityPlanning.costing.delivery'), rowHeader: true, cell: (o) => `${t(`communityPlanning.costing.options.${o.option}`)}${o.supplier ? ` (${o.supplier})` : ''}${o.cheapest ? ` — ${t('communityPlanning.costing.cheapest')}` : ''}` },
                      { key: 'u', header: t('communityPlanning.costing.unitCost'), nowrap: true, cell: (o) => money(o.unitPrice) },
                      { key: 't', header: t('communityPlanning.costing.total'), nowrap: true, cell: (o) => money(o.total) },
                      { key: 'd', header: t('communityPlanning.costing.difference'), nowrap: true, cell: (o) => money(o.differenceFromOwn) },
                    ]}
                  />
                )}
              </Paper>
            );
          })}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="prog-neighbours">
        <Title order={2} size="h3" id="prog-neighbours" mb="xs">
          {t('communityPlanning.neighbours.heading')}
        </Title>
        <RecordsTable
          caption={t('communityPlanning.neighbours.caption')}
          rows={p.neighbours}
          rowKey={(n) => `${n.hromada.id}-${n.fromYear}`}
          empty={t('communityPlanning.neighbours.none')}
          columns={[
            { key: 'h', header: t('communityPlanning.columns.hromada'), rowHeader: true, cell: (n) => (en ? n.hromada.nameEn : n.hromada.nameUk) },
            { key: 'p', header: t('communityPlanning.columns.period'), nowrap: true, cell: (n) => `${n.fromYear}–${n.toYear}` },
            { key: 'b', header: t('communityPlanning.columns.budget'), nowrap: true, cell: (n) => money(n.budgetTotal) },
            { key: 'pp', header: t('communityPlanning.columns.perPerson'), nowrap: true, cell: (n) => money(n.perPerson) },
          ]}
        />
      </Paper>
    </Stack>
  );
}

/** The fields of a costed service: service, the staff line, ЄСВ, materials, overheads, recipients, delivery option. */
function CostingFields({ draft: c, onChange, serviceOptions }: { draft: CostingDraft; onChange: (d: CostingDraft) => void; serviceOptions: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const set = (patch: Partial<CostingDraft>) => onChange({ ...c, ...patch });
  const n = (v: string | number) => (v === '' ? '' : Number(v));
  return (
    <Stack gap="xs" mb="md">
      <Select label={t('communityPlanning.costing.service')} required searchable data={serviceOptions} value={c.serviceCode} onChange={(v) => set({ serviceCode: v })} />
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput label={t('communityPlanning.costing.position')} required value={c.position} onChange={(e) => set({ position: e.currentTarget.value })} maxLength={200} />
        <NumberInput label={t('communityPlanning.costing.monthlyPay')} required value={c.monthlyPay} onChange={(v) => set({ monthlyPay: n(v) })} min={0} />
        <NumberInput label={t('communityPlanning.costing.monthlyHours')} required value={c.monthlyHours} onChange={(v) => set({ monthlyHours: n(v) })} min={1} max={744} />
        <NumberInput label={t('communityPlanning.costing.hoursPerUnit')} required value={c.hoursPerUnit} onChange={(v) => set({ hoursPerUnit: n(v) })} min={0} decimalScale={2} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <NumberInput label={t('communityPlanning.costing.payrollCharge')} value={c.payroll} onChange={(v) => set({ payroll: n(v) })} min={0} max={100} />
        <NumberInput label={t('communityPlanning.costing.materials')} value={c.materials} onChange={(v) => set({ materials: n(v) })} min={0} decimalScale={2} />
        <Select label={t('communityPlanning.costing.overheadKind')} data={overheadKinds.map((k) => ({ value: k, label: t(`communityPlanning.costing.overheadKinds.${k}`) }))} value={c.overheadKind} onChange={(v) => set({ overheadKind: (v as OverheadKind) ?? 'percent' })} allowDeselect={false} />
        <NumberInput label={t('communityPlanning.costing.overheadValue')} value={c.overheadValue} onChange={(v) => set({ overheadValue: n(v) })} min={0} decimalScale={2} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <NumberInput label={t('communityPlanning.costing.recipients')} required value={c.recipients} onChange={(v) => set({ recipients: n(v) })} min={0} />
        <NumberInput label={t('communityPlanning.costing.units')} required value={c.units} onChange={(v) => set({ units: n(v) })} min={0} />
        <Select label={t('communityPlanning.costing.delivery')} data={deliveryOptions.map((o) => ({ value: o, label: t(`communityPlanning.costing.options.${o}`) }))} value={c.delivery} onChange={(v) => set({ delivery: (v as DeliveryOption) ?? 'own_provision' })} allowDeselect={false} />
        <NumberInput label={t('communityPlanning.costing.quote')} value={c.quote} onChange={(v) => set({ quote: n(v) })} min={0} disabled={c.delivery === 'own_provision'} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('communityPlanning.costing.computedAfterSave')}
      </Text>
    </Stack>
  );
}
