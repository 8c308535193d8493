import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { formatFullName } from '../persons/person-name.ts';
import { DeclineForm, RegisterForm } from './inbox-actions.tsx';
import { DueCell, UrgencyBadges } from './inbox-list.tsx';
import type { InboxDetail } from './inbox.api.ts';
import { inboxNotificationQuery } from './inbox.queries.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function TextValue({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
      {value.trim() === '' ? t('inbox.detail.none') : value}
    </Text>
  );
}

function ListValue({ items }: { items: string[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text size="sm">{t('inbox.detail.none')}</Text>;
  return (
    <Stack component="ul" gap={2} m={0} pl="md">
      {items.map((s) => (
        <Text component="li" size="sm" key={s}>
          {s}
        </Text>
      ))}
    </Stack>
  );
}

function Decision({ n }: { n: InboxDetail }) {
  const { t } = useTranslation();
  if (n.status === 'received') return null;
  return (
    <Alert color={n.status === 'registered' ? 'green' : 'gray'} variant="light" role="status" title={t(`notificationStatus.${n.status}`)}>
      <Stack gap={4}>
        <Text size="sm">{t(`inbox.handled.${n.status}`, { date: formatDate(n.handledAt), name: n.handledByName ?? '—' })}</Text>
        {n.case && (
          <AnchorLink to="/cases/$caseId" params={{ caseId: n.case.id }} size="sm">
            {t('inbox.caseLink', { number: n.case.number })}
          </AnchorLink>
        )}
        {n.status === 'declined' && (
          <Text size="sm" className="wrap-anywhere">
            {t('inbox.declineReasonLine', { reason: n.declineReason })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** The whole notification (Order 1005 form) and, while it waits, registration as a case or declining it. */
export function InboxNotificationPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useQuery(inboxNotificationQuery(id));
  const [declined, setDeclined] = useState(false);
  if (query.isPending) return <PageLoader />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const n = query.data;
  const reload = () => void query.refetch();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="inbox-detail-title">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} id="inbox-detail-title">
            {t('inbox.detail.title', { date: formatDateTime(n.receivedAt) })}
          </Title>
          <Button variant="default" size="compact-sm" onClick={onClose}>
            {t('inbox.detail.close')}
          </Button>
        </Group>
        {declined && n.status === 'declined' && (
          <Alert color="green" variant="light" role="status">
            {t('inbox.decline.done')}
          </Alert>
        )}
        <Decision n={n} />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <Field label={t('inbox.detail.status')}>
            <Group gap={6}>
              <Badge variant="light">{t(`notificationStatus.${n.status}`)}</Badge>
              <UrgencyBadges n={n} />
            </Group>
          </Field>
          {n.due && (
            <Field label={t('inbox.detail.due')}>
              <DueCell due={n.due} />
            </Field>
          )}
          <Field label={t('inbox.detail.hromada')}>
            <Text size="sm">{n.hromada.name}</Text>
          </Field>
          <Field label={t('inbox.detail.source')}>
            <Text size="sm">{t(`reportSource.${n.source}`)}</Text>
          </Field>
          <Field label={t('inbox.detail.reporterOrganisation')}>
            <TextValue value={n.reporterOrganisation} />
          </Field>
          <Field label={t('inbox.detail.reporterPerson')}>
            <TextValue value={n.reporterPerson} />
          </Field>
          <Field label={t('inbox.detail.reporterContact')}>
            <TextValue value={n.reporterContact} />
          </Field>
          <Field label={t('inbox.detail.submittedBy')}>
            <Text size="sm">{n.submittedByName}</Text>
          </Field>
          <Field label={t('inbox.detail.receivedBy')}>
            <Text size="sm">{n.receivedByName}</Text>
          </Field>
        </SimpleGrid>
        <Field label={t('inbox.detail.description')}>
          <TextValue value={n.description} />
        </Field>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Field label={t('inbox.detail.childFactors')}>
            <ListValue items={n.childFactors.map((f) => t(`childFactor.${f}` as 'childFactor.homelessness'))} />
          </Field>
          <Field label={t('inbox.detail.adultFactors')}>
            <ListValue items={n.adultFactors.map((f) => t(`adultFactor.${f}` as 'adultFactor.unemployment'))} />
          </Field>
          <Field label={t('inbox.detail.actionsTaken')}>
            <TextValue value={n.actionsTaken} />
          </Field>
          <Field label={t('inbox.detail.urgentActions')}>
            <ListValue items={n.urgentActions.map((a) => t(`urgentAction.${a}` as 'urgentAction.police_notified'))} />
          </Field>
          <Field label={t('inbox.detail.documents')}>
            <TextValue value={n.documents} />
          </Field>
        </SimpleGrid>
        <Stack gap={4}>
          <Title order={3}>{t('inbox.detail.members')}</Title>
          <Stack component="ul" gap={2} m={0} pl="md">
            {n.members.map((m) => (
              <Text component="li" size="sm" key={m.personId}>
                {t('inbox.member.line', { name: formatFullName(m), date: formatDate(m.birthDate) })} — {t(`memberRole.${m.role}`).toLowerCase()}
                {m.relationship ? `, ${m.relationship}` : ''}
              </Text>
            ))}
          </Stack>
        </Stack>
        {n.allowedActions.includes('register') && <RegisterForm notification={n} onReload={reload} />}
        {n.allowedActions.includes('decline') && <DeclineForm notification={n} onReload={reload} onDeclined={() => setDeclined(true)} />}
      </Stack>
    </Paper>
  );
}
