import { Alert, Button, Divider, Group, List, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralAction } from '#domain/services/referrals.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { childName, ReferralBadges, ResponseDeadline } from './referral-badges.tsx';
import { ReferralStepForm } from './referral-step-form.tsx';
import { referralStep, type Referral } from './referrals.api.ts';
import { invalidateReferrals, referralQuery } from './referrals.queries.ts';

function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }} className="wrap-anywhere">
        {children}
      </Text>
    </div>
  );
}

/** What the referral carries (Order 1005 form): the same for the provider and the referrer; the case only for the referrer. */
function ReferralFacts({ r }: { r: Referral }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const dash = t('referrals.panel.notShown');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
      <Field label={t('referrals.panel.child')}>{childName(r)}</Field>
      <Field label={t('referrals.panel.age')}>{t('referrals.panel.ageYears', { count: r.child.age })}</Field>
      <Field label={t('referrals.panel.provider')}>{en ? r.provider.nameEn : r.provider.nameUk}</Field>
      <Field label={t('referrals.panel.urgency')}>{t(`referrals.urgency.${r.urgency}`)}</Field>
      <Field label={t('referrals.panel.from')}>{en ? r.referringOrganisation.nameEn : r.referringOrganisation.nameUk}</Field>
      <Field label={t('referrals.panel.referredBy')}>{r.referredBy.name}</Field>
      <Field label={t('referrals.panel.sentAt')}>{r.sentAt ? formatDateTime(r.sentAt) : t('referrals.notSent')}</Field>
      <Field label={t('referrals.responseDue')}>
        <ResponseDeadline r={r} />
      </Field>
      {r.case && (
        <Field label={t('referrals.columns.case')}>
          <AnchorLink to="/cases/$caseId" params={{ caseId: r.case.id }} search={{ tab: 'work' }}>
            {t('referrals.panel.caseLink', { number: r.case.number })}
          </AnchorLink>
        </Field>
      )}
      {r.measure && <Field label={t('referrals.panel.measure')}>{r.measure.action}</Field>}
      <Field label={t('referrals.panel.reason')} wide>
        {r.reason}
      </Field>
      <Field label={t('referrals.panel.requestedIntervention')} wide>
        {r.requestedIntervention || dash}
      </Field>
      <Field label={t('referrals.panel.earlierServices')} wide>
        {r.earlierServices || dash}
      </Field>
      <Field label={t('referrals.panel.additionalInfo')} wide>
        {r.additionalInfo || dash}
      </Field>
      <Field label={t('referrals.panel.contact')}>{r.contact || dash}</Field>
      <Field label={t('referrals.panel.signedBy')}>{r.signedBy || dash}</Field>
    </SimpleGrid>
  );
}

/** The provider's answer: decline reason and feedback, and the dated history of steps. */
function ReferralOutcome({ r }: { r: Referral }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {r.declineReason && (
        <Field label={t('referrals.panel.declineReason')}>
          <Text span fw={700} size="sm">
            {t(`referrals.declineReason.${r.declineReason}`)}
          </Text>
        </Field>
      )}
      <Field label={t('referrals.panel.feedback')}>{r.feedback || <Text span c="dimmed" size="sm">{t('referrals.panel.noFeedback')}</Text>}</Field>
      {r.history.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('referrals.panel.history')}
          </Title>
          <List size="sm" spacing={4}>
            {r.history.map((h) => (
              <List.Item key={`${h.at}-${h.to}`}>
                {t('referrals.panel.historyLine', { date: formatDateTime(h.at), status: t(`referrals.status.${h.to}`), name: h.by.name })}
                {h.reasonCode && ` · ${t(`referrals.declineReason.${h.reasonCode}` as 'referrals.declineReason.other', { defaultValue: h.reasonCode })}`}
                {h.note && (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {h.note}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}

type Props = { referralId: string; onClose: () => void; onEdit?: ((r: Referral) => void) | undefined };

/**
 * A referral opened from a box or the case: what it carries, the answer deadline, the provider's feedback and
 * history, and the steps the user may take (allowedActions): send, accept, decline, start, complete, drop.
 */
export function ReferralPanel({ referralId, onClose, onEdit }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(referralQuery(referralId));
  const [action, setAction] = useState<ReferralAction | null>(null);
  const [done, setDone] = useState<ReferralAction | null>(null);
  const r = query.data;
  const send = useMutation({
    mutationFn: (x: Referral) => referralStep(x.id, { action: 'send', version: x.version, note: '' }),
    onSuccess: async (saved) => {
      await invalidateReferrals(queryClient, saved.case?.id);
      setDone('send');
    },
  });
  const service = r ? (i18n.language === 'en' ? r.service.nameEn : r.service.nameUk) : '';
  const steps = (r?.allowedActions ?? []).filter((a): a is ReferralAction => a !== 'edit');
  return (
    <Modal opened onClose={onClose} title={r ? t('referrals.panel.title', { service }) : t('common.loading')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {query.isPending ? (
        <PageLoader />
      ) : !r ? (
        <ErrorAlert error={query.error} />
      ) : (
        <Stack gap="md">
          <ReferralBadges r={r} />
          {done && (
            <Alert color="green" variant="light" role="status">
              {t(`referrals.done.${done}`)}
            </Alert>
          )}
          <ReferralFacts r={r} />
          <Divider />
          <ReferralOutcome r={r} />
          <Divider />
          <Stack gap="xs" component="section" aria-label={t('referrals.panel.actions')}>
            {action ? (
              <ReferralStepForm
                r={r}
                action={action}
                onCancel={() => setAction(null)}
                onDone={() => {
                  setDone(action);
                  setAction(null);
                }}
              />
            ) : steps.length === 0 && !r.allowedActions.includes('edit') ? (
              <Text size="sm" c="dimmed">
                {t('referrals.panel.noActions')}
              </Text>
            ) : (
              <Group gap="sm" wrap="wrap">
                {r.allowedActions.includes('edit') && onEdit && (
                  <Button variant="default" onClick={() => onEdit(r)}>
                    {t('referrals.form.titleEdit')}
                  </Button>
                )}
                {steps.map((a) =>
                  a === 'send' ? (
                    <Button key={a} onClick={() => send.mutate(r)} loading={send.isPending}>
                      {t('referrals.action.send')}
                    </Button>
                  ) : (
                    <Button
                      key={a}
                      variant={a === 'decline' || a === 'drop' ? 'light' : 'filled'}
                      color={a === 'decline' || a === 'drop' ? 'red' : undefined}
                      onClick={() => {
                        setDone(null);
                        setAction(a);
                      }}
                    >
                      {t(`referrals.action.${a}`)}
                    </Button>
                  ),
                )}
              </Group>
            )}
            <ErrorAlert error={send.error} onReload={() => void invalidateReferrals(queryClient, r.case?.id)} />
          </Stack>
        </Stack>
      )}
    </Modal>
  );
}
