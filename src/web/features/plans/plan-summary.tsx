import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { ReferralForm, type ReferralPrefill } from '../referrals/referral-form.tsx';
import { caseReferralsQuery } from '../referrals/referrals.queries.ts';
import { usePlanLabels } from './plan-labels.ts';
import type { PlanMeasureView, PlanView } from './plans.api.ts';

const statusColor: Record<PlanView['status'], string> = { draft: 'yellow', agreed: 'green', superseded: 'gray' };

/** A plan version's status as a badge with words (not colour alone). */
export function PlanStatusBadge({ status }: { status: PlanView['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColor[status]}>
      {t(`plan.status.${status}`)}
    </Badge>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

function MeasureCard({ m, labels, onRefer }: { m: PlanMeasureView; labels: ReturnType<typeof usePlanLabels>; onRefer?: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap={6}>
        <Text fw={600} size="sm" className="wrap-anywhere">
          {m.action || t('plan.summary.noAction')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4}>
          <Field label={t('plan.measure.type')}>{t(`plan.measureType.${m.measureType}`)}</Field>
          <Field label={t('plan.measure.responsible')}>{labels.responsibleLabel(m.responsible)}</Field>
          <Field label={t('plan.measure.deadline')}>{m.deadline ? formatDate(m.deadline) : t('common.none')}</Field>
          <Field label={t('plan.measure.service')}>{m.serviceCode ? labels.serviceName(m.serviceCode) : t('plan.summary.noService')}</Field>
        </SimpleGrid>
        <Field label={t('plan.measure.expectedResult')}>{m.expectedResult || t('common.none')}</Field>
        {onRefer && (
          <Group>
            <Button size="compact-sm" variant="light" onClick={onRefer} aria-label={t('plan.summary.referFor', { action: m.action || t('plan.summary.noAction') })}>
              {t('plan.summary.refer')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The whole case when the caller has it (the case page does), to refer from the measures of the agreed version. */
function fullCase(c: Pick<CaseDetail, 'members'>): CaseDetail | null {
  return 'id' in c && 'hromada' in c ? (c as CaseDetail) : null;
}

/**
 * A plan version read-only: goals by well-being domain with their measures, the child's views, family participation
 * and agreement. On the agreed version, a measure with a catalogue service offers a referral to a provider (SPEC
 * §4.3) when the user may refer: the referral form opens with the service and the measure.
 */
export function PlanSummary({ c, plan, headingOrder = 3 }: { c: Pick<CaseDetail, 'members'>; plan: PlanView; headingOrder?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const labels = usePlanLabels(c);
  const sub = (headingOrder + 1) as 3 | 4 | 5;
  const whole = fullCase(c);
  const withService = plan.status === 'agreed' && plan.goals.some((g) => g.measures.some((m) => m.serviceCode !== null));
  const referrals = useQuery({ ...caseReferralsQuery(whole?.id ?? ''), enabled: whole !== null && withService });
  const mayRefer = whole !== null && withService && (referrals.data?.allowedActions.includes('create') ?? false);
  const [referring, setReferring] = useState<ReferralPrefill | null>(null);
  const [referred, setReferred] = useState(false);
  return (
    <Stack gap="md">
      {referred && whole && (
        <Alert color="green" variant="light" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setReferred(false)}>
          <Text size="sm">{t('plan.summary.referred')}</Text>
          <AnchorLink to="/cases/$caseId" params={{ caseId: whole.id }} search={{ tab: 'work' }} size="sm">
            {t('plan.summary.openReferrals')}
          </AnchorLink>
        </Alert>
      )}
      {referring && whole && (
        <ReferralForm
          c={whole}
          prefill={referring}
          onClose={() => setReferring(null)}
          onSaved={() => {
            setReferring(null);
            setReferred(true);
          }}
        />
      )}
      <Paper withBorder p="sm" radius="sm" bg="blue.0">
        <Title order={headingOrder} size="h5" mb={4}>
          {t('plan.childViews.title')}
        </Title>
        {plan.childViews ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} className="wrap-anywhere">
            {plan.childViews}
          </Text>
        ) : plan.childViewsNotHeardReason ? (
          <Text size="sm">{t('plan.summary.notHeard', { reason: plan.childViewsNotHeardReason })}</Text>
        ) : (
          <Text size="sm" c="red.8">
            {t('plan.summary.childViewsMissing')}
          </Text>
        )}
      </Paper>
      <Title order={headingOrder} size="h5">
        {t('plan.summary.goalsTitle', { n: plan.goals.length })}
      </Title>
      {plan.goals.length === 0 && <Text size="sm">{t('plan.summary.noGoals')}</Text>}
      {plan.goals.map((g, gi) => (
        <Stack key={g.key} gap="xs" component="section" aria-labelledby={`goal-${g.key}`}>
          <Title order={sub} size="h6" id={`goal-${g.key}`}>
            {t('plan.summary.goalHeading', { n: gi + 1, domain: labels.domainName(g.domain), text: g.text || t('plan.summary.noGoalText') })}
          </Title>
          {g.measures.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('plan.summary.noMeasures')}
            </Text>
          ) : (
            g.measures.map((m) => (
              <MeasureCard
                key={m.key}
                m={m}
                labels={labels}
                onRefer={
                  mayRefer && m.serviceCode
                    ? () => {
                        setReferred(false);
                        setReferring({ serviceCode: m.serviceCode, measure: { key: m.key, action: m.action } });
                      }
                    : undefined
                }
              />
            ))
          )}
        </Stack>
      ))}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Field label={t('plan.family.participation')}>{plan.familyParticipation || t('common.none')}</Field>
        <Field label={t('plan.family.conference')}>
          {plan.familyConferenceHeld ? t('plan.summary.conferenceHeld', { date: formatDate(plan.familyConferenceDate) }) : t('plan.summary.conferenceNotHeld')}
        </Field>
        <Field label={t('plan.family.agreement')}>
          {plan.agreement.agreed
            ? t('plan.summary.agreedOn', { date: formatDate(plan.agreement.agreedOn), who: plan.agreement.signedBy })
            : t('plan.summary.notAgreed')}
        </Field>
        {plan.agreement.recordedBy && (
          <Field label={t('plan.summary.recordedBy')}>
            {plan.agreement.recordedBy.name} · {formatDateTime(plan.agreement.agreedAt)}
          </Field>
        )}
      </SimpleGrid>
    </Stack>
  );
}

/** The supervisor's approval of a version: pending, approved or returned with the comment. */
export function PlanApprovalStatus({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const a = plan.approval;
  if (!a) return null;
  const color = a.status === 'approved' ? 'green' : a.status === 'returned' ? 'orange' : 'blue';
  return (
    <Alert color={color} variant="light" title={t(`plan.approval.status.${a.status}`)}>
      <Stack gap={4}>
        <Text size="sm">{t('plan.approval.requested', { name: a.requestedBy.name, at: formatDateTime(a.requestedAt) })}</Text>
        {a.decidedBy && <Text size="sm">{t('plan.approval.decided', { name: a.decidedBy.name, at: formatDateTime(a.decidedAt) })}</Text>}
        {a.comment && (
          <Group gap={4} align="flex-start" wrap="nowrap">
            <Text size="sm" fw={600}>
              {t('plan.approval.comment')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} className="wrap-anywhere">
              {a.comment}
            </Text>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
