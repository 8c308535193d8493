import { Button, Group, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import type { CaseDetail } from '../cases/cases.api.ts';
import { usePlanLabels } from './plan-labels.ts';
import { comparePlans, type PlanComparison, type PlansList } from './plans.api.ts';

type MeasureSnap = PlanComparison['measures']['added'][number];
type GoalSnap = PlanComparison['goals']['added'][number];

/** Two versions of the plan side by side as a readable list of what was added, removed and changed (SPEC §2.8). */
export function PlanCompare({ c, versions }: { c: CaseDetail; versions: PlansList['items'] }) {
  const { t } = useTranslation();
  const labels = usePlanLabels(c);
  const numbers = versions.map((v) => v.versionNo).sort((a, b) => a - b);
  const [from, setFrom] = useState(String(numbers[numbers.length - 2] ?? ''));
  const [to, setTo] = useState(String(numbers[numbers.length - 1] ?? ''));
  const [asked, setAsked] = useState<{ from: number; to: number } | null>(null);
  const diff = useQuery({
    queryKey: ['plans', c.id, 'compare', asked?.from, asked?.to],
    queryFn: () => comparePlans(c.id, asked?.from ?? 0, asked?.to ?? 0),
    enabled: asked !== null,
  });
  if (numbers.length < 2) return null;
  const options = numbers.map((n) => ({ value: String(n), label: t('plan.versionNo', { n }) }));

  const goalText = (g: GoalSnap) => t('plan.compare.goal', { domain: labels.domainName(g.domain), text: g.text });
  const measureText = (m: MeasureSnap) => t('plan.compare.measure', { action: m.action || t('plan.summary.noAction') });
  const valueOf = (field: string, m: Record<string, unknown>): string => {
    const v = m[field];
    if (v === null || v === undefined || v === '') return t('common.none');
    if (field === 'domain') return labels.domainName(String(v));
    if (field === 'deadline' || field === 'familyConferenceDate') return formatDate(String(v));
    if (field === 'measureType') return t(`plan.measureType.${String(v)}` as 'plan.measureType.other');
    if (field === 'serviceCode') return labels.serviceName(String(v));
    if (field === 'responsible') return labels.responsibleLabel(v as MeasureSnap['responsible']);
    if (field === 'goalKey') return t('plan.compare.movedGoal');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    return String(v);
  };
  const fieldName = (f: string) => t(`plan.compare.field.${f}` as 'plan.compare.field.text', { defaultValue: f });

  const d = diff.data;
  const nothing = d && d.fields.length === 0 && [d.goals.added, d.goals.removed, d.goals.changed, d.measures.added, d.measures.removed, d.measures.changed].every((x) => x.length === 0);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-compare-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="plan-compare-title">
          {t('plan.compare.title')}
        </Title>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect label={t('plan.compare.from')} data={options} value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={160} />
          <NativeSelect label={t('plan.compare.to')} data={options} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={160} />
          <Button variant="default" onClick={() => setAsked({ from: Number(from), to: Number(to) })} disabled={from === to}>
            {t('plan.compare.run')}
          </Button>
        </Group>
        {diff.isError && <ErrorAlert error={diff.error} />}
        {d && (
          <Stack gap="xs" aria-live="polite">
            <Text size="sm" fw={600}>
              {t('plan.compare.heading', { from: d.from.versionNo, to: d.to.versionNo })}
            </Text>
            {nothing && <Text size="sm">{t('plan.compare.nothing')}</Text>}
            {d.goals.added.length > 0 && (
              <Block title={t('plan.compare.goalsAdded')} items={d.goals.added.map((g) => ({ key: g.key, text: goalText(g) }))} color="green.9" />
            )}
            {d.goals.removed.length > 0 && (
              <Block title={t('plan.compare.goalsRemoved')} items={d.goals.removed.map((g) => ({ key: g.key, text: goalText(g) }))} color="red.9" />
            )}
            {d.goals.changed.length > 0 && (
              <Block
                title={t('plan.compare.goalsChanged')}
                items={d.goals.changed.map((ch) => ({
                  key: ch.key,
                  text: goalText(ch.after),
                  details: ch.fields.map((f) => t('plan.compare.change', { field: fieldName(f), before: valueOf(f, ch.before), after: valueOf(f, ch.after) })),
                }))}
              />
            )}
            {d.measures.added.length > 0 && (
              <Block title={t('plan.compare.measuresAdded')} items={d.measures.added.map((m) => ({ key: m.key, text: measureText(m) }))} color="green.9" />
            )}
            {d.measures.removed.length > 0 && (
              <Block title={t('plan.compare.measuresRemoved')} items={d.measures.removed.map((m) => ({ key: m.key, text: measureText(m) }))} color="red.9" />
            )}
            {d.measures.changed.length > 0 && (
              <Block
                title={t('plan.compare.measuresChanged')}
                items={d.measures.changed.map((ch) => ({
                  key: ch.key,
                  text: measureText(ch.after),
                  details: ch.fields.map((f) => t('plan.compare.change', { field: fieldName(f), before: valueOf(f, ch.before), after: valueOf(f, ch.after) })),
                }))}
              />
            )}
            {d.fields.length > 0 && <Block title={t('plan.compare.fieldsChanged')} items={d.fields.map((f) => ({ key: f, text: fieldName(f) }))} />}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Block({ title, items, color }: { title: string; items: Array<{ key: string; text: string; details?: string[] }>; color?: string }) {
  return (
    <div>
      <Text size="sm" fw={700} c={color}>
        {title}
      </Text>
      <List size="sm" spacing={2}>
        {items.map((i) => (
          <List.Item key={i.key}>
            <span className="wrap-anywhere">{i.text}</span>
            {i.details && (
              <List size="sm" withPadding listStyleType="disc">
                {i.details.map((x) => (
                  <List.Item key={x}>{x}</List.Item>
                ))}
              </List>
            )}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
