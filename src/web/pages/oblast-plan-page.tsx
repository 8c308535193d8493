import { Alert, Anchor, Button, Group, NativeSelect, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { components, fundingSources, gapOf, pillars, type Component, type FundingSource, type Pillar } from '#domain/planning/oblast-plan.ts';
import { fetchOblastPlan, type OblastPlan } from '../features/community-planning/community-planning.api.ts';
import { apiRequest, isApiError } from '../ui/api-client.ts';
import { ConflictChoice, plainText } from '../ui/conflict-merge.tsx';
import { ErrorAlert, fieldErrorsOf } from '../ui/error-alert.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';
import { useConflictMerge } from '../ui/use-conflict-merge.ts';

const money = (n: number) => n.toLocaleString('uk-UA', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An activity as the plan stores it (without its computed totals). */
type Activity = Omit<OblastPlan['activities'][number], 'totals'>;

const planKey = (id: string) => ['community-planning', 'oblast-plan', id] as const;

/** Saves the whole list of activities on the plan's version (PUT /api/v1/oblast-plans/{id}). */
function savePlan(p: OblastPlan, activities: Activity[]) {
  return apiRequest<OblastPlan>(`/api/v1/oblast-plans/${encodeURIComponent(p.id)}`, { method: 'PUT', body: { version: p.version, title: p.title, fromYear: p.fromYear, toYear: p.toYear, activities } });
}

/** One activity as its form edits it: every year of the plan with its cost and secured funding. */
type ActivityValues = Omit<Activity, 'key'>;
const valuesOfActivity = (a: OblastPlan['activities'][number], years: number[]): ActivityValues => ({
  title: a.title,
  pillar: a.pillar,
  component: a.component,
  responsible: a.responsible,
  fundingSource: a.fundingSource,
  years: years.map((year) => a.years.find((y) => y.year === year) ?? { year, cost: 0, secured: 0 }),
});

const stripTotals = (a: OblastPlan['activities'][number]): Activity => ({ key: a.key, pillar: a.pillar, component: a.component, title: a.title, responsible: a.responsible, fundingSource: a.fundingSource, years: a.years });

/**
 * The oblast costed implementation plan (SPEC §9): activities by pillar and component with the responsible actor,
 * cost and secured funding per year → funding gap; totals per year and per pillar; XLSX. Its coordinator adds,
 * changes and removes activities; the totals come back from the server after each save.
 */
export function OblastPlanPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { planId } = useParams({ from: '/app/community-planning/oblast-plans/$planId' });
  const q = useQuery({ queryKey: planKey(planId), queryFn: () => fetchOblastPlan(planId) });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const remove = useMutation({
    mutationFn: ({ p, key }: { p: OblastPlan; key: string }) => savePlan(p, p.activities.filter((a) => a.key !== key).map(stripTotals)),
    onSuccess: (v) => {
      qc.setQueryData(planKey(planId), v);
      setSaved(true);
    },
  });
  usePageTitle(q.data?.title ?? t('communityPlanning.oblast.heading'));
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const p = q.data;
  const edit = p.allowedActions.includes('edit');
  const reload = () => void qc.invalidateQueries({ queryKey: planKey(planId) }).then(() => remove.reset());
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/community-planning" size="sm">
        {t('communityPlanning.back')}
      </Anchor>
      <div>
        <Title order={1}>{p.title}</Title>
        <Text c="dimmed" size="sm">
          {i18n.language === 'en' ? p.oblast.nameEn : p.oblast.nameUk} · {p.fromYear}–{p.toYear}
        </Text>
      </div>
      <Group>
        <Button component="a" href={`/api/v1/oblast-plans/${p.id}/export.xlsx`} variant="light" download>
          {t('communityPlanning.export.xlsx')}
        </Button>
        {edit && editing === null && (
          <Button
            onClick={() => {
              setSaved(false);
              setEditing('new');
            }}
          >
            {t('oblastPlanEdit.add')}
          </Button>
        )}
      </Group>
      {saved && (
        <Alert color="green" variant="light" role="status">
          {t('oblastPlanEdit.saved')}
        </Alert>
      )}
      {remove.error && <ErrorAlert error={remove.error} onReload={reload} />}
      {editing !== null && (
        <ActivityForm
          key={editing}
          plan={p}
          activity={editing === 'new' ? null : (p.activities.find((a) => a.key === editing) ?? null)}
          onDone={(ok) => {
            setEditing(null);
            setSaved(ok);
          }}
        />
      )}
      <RecordsTable
        caption={t('communityPlanning.oblast.caption')}
        showCaption
        rows={p.activities}
        rowKey={(a) => a.key}
        empty={t('communityPlanning.none')}
        columns={[
          { key: 'a', header: t('communityPlanning.oblast.activity'), rowHeader: true, cell: (a) => a.title },
          { key: 'p', header: t('communityPlanning.oblast.pillar'), cell: (a) => t(`communityPlanning.oblast.pillars.${a.pillar}`) },
          { key: 'c', header: t('communityPlanning.oblast.component'), cell: (a) => t(`communityPlanning.oblast.components.${a.component}`) },
          { key: 'r', header: t('communityPlanning.oblast.responsible'), cell: (a) => a.responsible },
          { key: 'f', header: t('communityPlanning.oblast.funding'), cell: (a) => t(`communityPlanning.oblast.sources.${a.fundingSource}`) },
          { key: 'cost', header: t('communityPlanning.oblast.cost'), nowrap: true, cell: (a) => money(a.totals.cost) },
          { key: 's', header: t('communityPlanning.oblast.secured'), nowrap: true, cell: (a) => money(a.totals.secured) },
          { key: 'g', header: t('communityPlanning.oblast.gap'), nowrap: true, cell: (a) => money(a.totals.gap) },
          ...(edit
            ? [
                {
                  key: 'x',
                  header: t('oblastPlanEdit.actions'),
                  cell: (a: OblastPlan['activities'][number]) => (
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={t('oblastPlanEdit.editLabel', { title: a.title })}
                        onClick={() => {
                          setSaved(false);
                          setEditing(a.key);
                        }}
                      >
                        {t('oblastPlanEdit.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={t('oblastPlanEdit.removeLabel', { title: a.title })}
                        loading={remove.isPending}
                        onClick={() => {
                          if (window.confirm(t('oblastPlanEdit.removeConfirm', { title: a.title }))) remove.mutate({ p, key: a.key });
                        }}
                      >
                        {t('oblastPlanEdit.remove')}
                      </Button>
                    </Group>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RecordsTable
        caption={t('communityPlanning.oblast.byYear')}
        showCaption
        rows={[...p.byYear.map((y) => ({ label: String(y.year), ...y })), { label: t('communityPlanning.oblast.total'), ...p.total }]}
        rowKey={(y) => y.label}
        empty=""
        columns={[
          { key: 'y', header: t('communityPlanning.year'), rowHeader: true, cell: (y) => y.label },
          { key: 'c', header: t('communityPlanning.oblast.cost'), nowrap: true, cell: (y) => money(y.cost) },
          { key: 's', header: t('communityPlanning.oblast.secured'), nowrap: true, cell: (y) => money(y.secured) },
          { key: 'g', header: t('communityPlanning.oblast.gap'), nowrap: true, cell: (y) => money(y.gap) },
        ]}
      />
      <RecordsTable
        caption={t('communityPlanning.oblast.byPillar')}
        showCaption
        rows={p.byPillar}
        rowKey={(x) => x.pillar}
        empty=""
        columns={[
          { key: 'p', header: t('communityPlanning.oblast.pillar'), rowHeader: true, cell: (x) => t(`communityPlanning.oblast.pillars.${x.pillar}`) },
          { key: 'c', header: t('communityPlanning.oblast.cost'), nowrap: true, cell: (x) => money(x.cost) },
          { key: 's', header: t('communityPlanning.oblast.secured'), nowrap: true, cell: (x) => money(x.secured) },
          { key: 'g', header: t('communityPlanning.oblast.gap'), nowrap: true, cell: (x) => money(x.gap) },
        ]}
      />
    </Stack>
  );
}

/** Adding (no `activity`) or changing one activity; the whole list is saved on the plan's version. */
function ActivityForm({ plan, activity, onDone }: { plan: OblastPlan; activity: OblastPlan['activities'][number] | null; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const years = Array.from({ length: plan.toYear - plan.fromYear + 1 }, (_, i) => plan.fromYear + i);
  const initial: ActivityValues = {
    title: activity?.title ?? '',
    pillar: activity?.pillar ?? 'strengthen_families',
    component: activity?.component ?? 'none',
    responsible: activity?.responsible ?? '',
    fundingSource: activity?.fundingSource ?? 'oblast_budget',
    years: years.map((year) => activity?.years.find((y) => y.year === year) ?? { year, cost: 0, secured: 0 }),
  };
  const [title, setTitle] = useState(initial.title);
  const [pillar, setPillar] = useState<Pillar>(initial.pillar);
  const [component, setComponent] = useState<Component>(initial.component);
  const [responsible, setResponsible] = useState(initial.responsible);
  const [source, setSource] = useState<FundingSource>(initial.fundingSource);
  const [amounts, setAmounts] = useState(initial.years);
  const key = useRef(activity?.key ?? `a${Date.now().toString(36)}`);
  // No lost updates (SPEC §11): the list is saved on the plan as last loaded; after a 409 the other activities are
  // taken as saved meanwhile and, for this one, both versions are shown — keep mine or take theirs.
  const planRef = useRef(plan);
  const baseRef = useRef<ActivityValues>(initial);
  const conflict = useConflictMerge<ActivityValues>(
    async () => {
      const fresh = await fetchOblastPlan(plan.id);
      planRef.current = fresh;
      if (!activity) return { value: baseRef.current, version: fresh.version };
      const current = fresh.activities.find((a) => a.key === activity.key);
      return current ? { value: valuesOfActivity(current, years), version: fresh.version } : null;
    },
    (value, _version, how) => {
      setTitle(value.title);
      setPillar(value.pillar);
      setComponent(value.component);
      setResponsible(value.responsible);
      setSource(value.fundingSource);
      setAmounts(value.years);
      if (how.save) save.mutate(value);
      else {
        baseRef.current = value;
        save.reset();
        qc.setQueryData(planKey(plan.id), planRef.current);
      }
    },
  );
  const nowValues = (): ActivityValues => ({ title, pillar, component, responsible, fundingSource: source, years: amounts });
  const save = useMutation({
    mutationFn: (v: ActivityValues) => {
      const on = planRef.current;
      const next: Activity = { key: key.current, ...v, years: v.years.filter((y) => y.cost > 0 || y.secured > 0) };
      const list = on.activities.some((a) => a.key === key.current) ? on.activities.map((a) => (a.key === key.current ? next : stripTotals(a))) : [...on.activities.map(stripTotals), next];
      return savePlan(on, list);
    },
    onSuccess: (v) => {
      qc.setQueryData(planKey(plan.id), v);
      void qc.invalidateQueries({ queryKey: ['community-planning', 'oblast-plans'] });
      onDone(true);
    },
    onError: (e, v) => void conflict.onConflict(e, baseRef.current, v),
  });
  const index = activity ? plan.activities.findIndex((a) => a.key === activity.key) : plan.activities.length;
  const errors = fieldErrorsOf(t, save.error);
  const err = (field: string) => errors[`activities.${index}.${field}`];
  const gap = amounts.reduce((s, y) => s + gapOf(y.cost, y.secured), 0);
  const setAmount = (year: number, field: 'cost' | 'secured', value: number | string) => setAmounts((xs) => xs.map((y) => (y.year === year ? { ...y, [field]: typeof value === 'number' ? value : 0 } : y)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(nowValues());
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="activity-form-title">
      <form onSubmit={onSubmit}>
        <Stack gap="xs">
          <Title order={2} size="h4" id="activity-form-title">
            {activity ? t('oblastPlanEdit.formEdit', { title: activity.title }) : t('oblastPlanEdit.formNew')}
          </Title>
          <TextInput label={t('oblastPlanEdit.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={err('title')} required maxLength={500} />
          <Group align="flex-start" wrap="wrap">
            <NativeSelect label={t('oblastPlanEdit.pillar')} value={pillar} onChange={(e) => setPillar(e.currentTarget.value as Pillar)} data={pillars.map((x) => ({ value: x, label: t(`communityPlanning.oblast.pillars.${x}`) }))} />
            <NativeSelect label={t('oblastPlanEdit.component')} value={component} onChange={(e) => setComponent(e.currentTarget.value as Component)} data={components.map((x) => ({ value: x, label: t(`communityPlanning.oblast.components.${x}`) }))} />
            <NativeSelect label={t('oblastPlanEdit.fundingSource')} value={source} onChange={(e) => setSource(e.currentTarget.value as FundingSource)} data={fundingSources.map((x) => ({ value: x, label: t(`communityPlanning.oblast.sources.${x}`) }))} />
          </Group>
          <TextInput label={t('oblastPlanEdit.responsible')} value={responsible} onChange={(e) => setResponsible(e.currentTarget.value)} error={err('responsible')} maxLength={300} />
          {amounts.map((y, i) => (
            <Group key={y.year} align="flex-start" wrap="wrap">
              <NumberInput label={t('oblastPlanEdit.cost', { year: y.year })} value={y.cost} onChange={(v) => setAmount(y.year, 'cost', v)} min={0} max={1_000_000_000} decimalScale={2} thousandSeparator=" " error={err(`years.${i}.cost`)} />
              <NumberInput label={t('oblastPlanEdit.secured', { year: y.year })} value={y.secured} onChange={(v) => setAmount(y.year, 'secured', v)} min={0} max={1_000_000_000} decimalScale={2} thousandSeparator=" " error={err(`years.${i}.secured`)} />
            </Group>
          ))}
          <Text size="sm" aria-live="polite">
            {t('oblastPlanEdit.gapPreview', { gap: money(gap) })}
          </Text>
          <ConflictChoice
            conflict={conflict}
            labels={{
              title: t('oblastPlanEdit.title'),
              pillar: t('oblastPlanEdit.pillar'),
              component: t('oblastPlanEdit.component'),
              responsible: t('oblastPlanEdit.responsible'),
              fundingSource: t('oblastPlanEdit.fundingSource'),
              years: `${t('communityPlanning.oblast.cost')} / ${t('communityPlanning.oblast.secured')}`,
            }}
            textOf={(c, v) => {
              const field = c.path[c.path.length - 1];
              if (field === 'pillar' && typeof v === 'string') return t(`communityPlanning.oblast.pillars.${v as Pillar}`);
              if (field === 'component' && typeof v === 'string') return t(`communityPlanning.oblast.components.${v as Component}`);
              if (field === 'fundingSource' && typeof v === 'string') return t(`communityPlanning.oblast.sources.${v as FundingSource}`);
              if (field === 'years' && Array.isArray(v)) return (v as ActivityValues['years']).map((y) => `${y.year}: ${money(y.cost)} / ${money(y.secured)}`).join('; ');
              return plainText(v, t);
            }}
            onReload={() => void qc.invalidateQueries({ queryKey: planKey(plan.id) }).then(() => onDone(false))}
          />
          {save.error && !(isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled)) && (
            <ErrorAlert error={save.error} onReload={() => void qc.invalidateQueries({ queryKey: planKey(plan.id) }).then(() => onDone(false))} />
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={conflict.active}>
              {t('oblastPlanEdit.save')}
            </Button>
            <Button variant="default" onClick={() => onDone(false)}>
              {t('oblastPlanEdit.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
