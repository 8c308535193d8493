import { Button, Checkbox, Group, Modal, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareQuarters, nextQuarter, quarterOf, type Quarter } from '#domain/cases/monitoring.ts';
import { commissionGrounds, measureStatuses, overallStatuses, type CommissionGround, type MeasureStatus, type OverallStatus } from '#domain/cases/plan-reports.ts';
import { ApiError } from '../../ui/api-client.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { createPlanReport, type PlanView } from './implementation.api.ts';

/** Quarters from the plan's agreement to today not yet reported, oldest first. */
export function openQuarters(agreedOn: string, reported: readonly string[], today: string): Quarter[] {
  const out: Quarter[] = [];
  for (let q = quarterOf(agreedOn); compareQuarters(q, quarterOf(today)) <= 0 && out.length < 40; q = nextQuarter(q)) if (!reported.includes(q)) out.push(q);
  return out;
}

/** `2026-Q4` → «IV квартал 2026». */
export function quarterLabel(t: (k: 'work.reports.quarter', o: { n: string; year: string }) => string, q: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(q);
  if (!m) return q;
  return t('work.reports.quarter', { n: ['I', 'II', 'III', 'IV'][Number(m[2]) - 1] ?? m[2] ?? '', year: m[1] ?? '' });
}

type MeasureDraft = { status: MeasureStatus | ''; comment: string };

/** The quarterly report on the individual plan (Resolution 585): a status for every measure, the plan overall, the commission when needed. */
export function PlanReportModal({ c, plan, reported, onClose }: { c: CaseDetail; plan: PlanView; reported: readonly string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const quarters = openQuarters(plan.agreement.agreedOn ?? todayInKyiv(), reported, todayInKyiv());
  const measures = plan.goals.flatMap((g) => g.measures.map((m) => ({ ...m, goal: g.text })));
  const [period, setPeriod] = useState(quarters[0] ?? '');
  const [drafts, setDrafts] = useState<Record<string, MeasureDraft>>(() => Object.fromEntries(measures.map((m) => [m.key, { status: '', comment: '' }])));
  const [overallStatus, setOverallStatus] = useState<OverallStatus>('on_track');
  const [overallComment, setOverallComment] = useState('');
  const [needsCommission, setNeedsCommission] = useState(false);
  const [ground, setGround] = useState<CommissionGround | ''>('');
  const [tried, setTried] = useState(false);
  const unset = measures.filter((m) => !drafts[m.key]?.status).map((m) => m.key);
  const uncommented = measures.filter((m) => drafts[m.key]?.status === 'impossible' && !drafts[m.key]?.comment.trim()).map((m) => m.key);
  const suggested = measures.some((m) => drafts[m.key]?.status === 'impossible');
  const save = useMutation({
    mutationFn: () =>
      createPlanReport(c.id, {
        period,
        measures: measures.map((m) => ({ measureKey: m.key, status: (drafts[m.key]?.status || 'not_started') as MeasureStatus, comment: drafts[m.key]?.comment ?? '' })),
        overallStatus,
        overallComment,
        needsCommission,
        commissionGround: needsCommission && ground ? ground : null,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      onClose();
    },
  });
  const serverProblems = save.error instanceof ApiError && Array.isArray(save.error.problem.details?.problems) ? (save.error.problem.details.problems as Array<{ path: string }>) : [];
  const set = (key: string, patch: Partial<MeasureDraft>) => setDrafts((d) => ({ ...d, [key]: { ...(d[key] ?? { status: '', comment: '' }), ...patch } }));
  return (
    <Modal opened onClose={onClose} title={t('work.reports.addTitle')} closeButtonProps={{ 'aria-label': t('common.close') }} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (unset.length === 0 && uncommented.length === 0 && period && (!needsCommission || ground)) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('work.reports.intro', { version: plan.versionNo, date: formatDate(plan.agreement.agreedOn) })}
          </Text>
          <NativeSelect
            label={t('work.reports.period')}
            required
            value={period}
            onChange={(e) => setPeriod(e.currentTarget.value)}
            data={quarters.length ? quarters.map((q) => ({ value: q, label: quarterLabel(t, q) })) : [{ value: '', label: t('work.reports.noOpenPeriod') }]}
            error={serverProblems.some((p) => p.path === 'period') ? t('work.reports.periodInvalid') : undefined}
          />
          {measures.map((m, i) => (
            <Paper key={m.key} withBorder p="sm" radius="sm" component="fieldset" style={{ margin: 0 }}>
              <Text component="legend" size="sm" fw={600} px={4}>
                {t('work.reports.measureN', { n: i + 1, action: m.action })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('work.reports.goal', { goal: m.goal })}
                {m.deadline ? ` · ${t('work.reports.deadline', { date: formatDate(m.deadline) })}` : ''}
              </Text>
              <Group grow align="flex-start" mt={4}>
                <NativeSelect
                  label={t('work.reports.status')}
                  required
                  value={drafts[m.key]?.status ?? ''}
                  onChange={(e) => set(m.key, { status: e.currentTarget.value as MeasureStatus })}
                  data={[{ value: '', label: t('work.reports.chooseStatus') }, ...measureStatuses.map((s) => ({ value: s, label: t(`work.measureStatus.${s}`) }))]}
                  error={tried && unset.includes(m.key) ? t('common.required') : undefined}
                />
                <Textarea
                  label={t('work.reports.comment')}
                  autosize
                  minRows={1}
                  required={drafts[m.key]?.status === 'impossible'}
                  value={drafts[m.key]?.comment ?? ''}
                  onChange={(e) => set(m.key, { comment: e.currentTarget.value })}
                  error={tried && uncommented.includes(m.key) ? t('work.reports.whyImpossible') : undefined}
                />
              </Group>
            </Paper>
          ))}
          <NativeSelect label={t('work.reports.overall')} value={overallStatus} onChange={(e) => setOverallStatus(e.currentTarget.value as OverallStatus)} data={overallStatuses.map((s) => ({ value: s, label: t(`work.overallStatus.${s}`) }))} />
          <Textarea label={t('work.reports.overallComment')} autosize minRows={2} value={overallComment} onChange={(e) => setOverallComment(e.currentTarget.value)} />
          {suggested && !needsCommission && (
            <Text size="sm" c="orange.9">
              {t('work.reports.commissionSuggested')}
            </Text>
          )}
          <Checkbox label={t('work.reports.needsCommission')} description={t('work.reports.needsCommissionHint')} checked={needsCommission} onChange={(e) => setNeedsCommission(e.currentTarget.checked)} />
          {needsCommission && (
            <NativeSelect
              label={t('work.reports.ground')}
              required
              value={ground}
              onChange={(e) => setGround(e.currentTarget.value as CommissionGround)}
              data={[{ value: '', label: t('work.reports.chooseGround') }, ...commissionGrounds.map((g) => ({ value: g, label: t(`work.commissionGround.${g}`) }))]}
              error={tried && !ground ? t('common.required') : undefined}
            />
          )}
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!period}>
              {t('work.reports.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
