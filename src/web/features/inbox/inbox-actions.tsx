import { Alert, Button, Group, NativeSelect, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseTypes, type CaseType } from '#domain/cases/case-types.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { useMe } from '../auth/auth.queries.ts';
import { formatFullName } from '../persons/person-name.ts';
import { assigneesQuery } from '../territories/territories.queries.ts';
import { declineNotification, registerNotification, type InboxDetail, type InboxMember } from './inbox.api.ts';
import { inboxKey } from './inbox.queries.ts';

/** For a member with possible duplicates: keep the record from the notification, or use one already on record (SPEC §2.3). */
function MemberChoice({ member, value, onChange }: { member: InboxMember; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const name = formatFullName(member);
  return (
    <Radio.Group label={t('inbox.member.matchesLegend', { name })} value={value} onChange={onChange}>
      <Stack gap={6} mt={6}>
        <Radio value="" label={t('inbox.member.keepNew')} />
        {member.matches.map((m) => (
          <Radio
            key={m.id}
            value={m.id}
            label={t('inbox.member.useExisting', { name: formatFullName(m), date: formatDate(m.birthDate) })}
            description={[m.sameBirthDate ? t('inbox.member.sameBirthDate') : '', m.openCaseNumbers.length > 0 ? t('inbox.member.openCases', { numbers: m.openCaseNumbers.join(', ') }) : ''].filter(Boolean).join('; ') || undefined}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** Registers the notification as a case: case type, the CSS case manager, and which members are persons already on record. */
export function RegisterForm({ notification, onReload }: { notification: InboxDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [caseType, setCaseType] = useState<CaseType>('prevention');
  const [caseManagerId, setCaseManagerId] = useState('');
  const [missingManager, setMissingManager] = useState(false);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const assignees = useQuery(assigneesQuery(notification.hromada.id));
  useEffect(() => {
    // The registering case manager by default, when they work in the notification's hromada.
    if (caseManagerId === '' && assignees.data?.some((a) => a.id === me.id)) setCaseManagerId(me.id);
  }, [assignees.data, me.id, caseManagerId]);

  const register = useMutation({
    mutationFn: () =>
      registerNotification(notification.id, {
        caseType,
        caseManagerId,
        version: notification.version,
        useExisting: Object.entries(choices)
          .filter(([, existing]) => existing !== '')
          .map(([personId, existingPersonId]) => ({ personId, existingPersonId })),
      }),
    onSuccess: async (res) => {
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      await navigate({ to: '/cases/$caseId', params: { caseId: res.caseId }, search: { registered: res.urgent ? 'urgent' : 'yes' } });
    },
  });
  const withMatches = notification.members.filter((m) => m.matches.length > 0);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="inbox-register-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (caseManagerId === '') {
            setMissingManager(true);
            return;
          }
          register.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={3} id="inbox-register-title">
            {t('inbox.register.heading')}
          </Title>
          <Text size="sm">{t('inbox.register.intro')}</Text>
          {notification.urgent && (
            <Alert color="red" variant="light">
              {t('inbox.register.urgentNote')}
            </Alert>
          )}
          {withMatches.map((m) => (
            <MemberChoice key={m.personId} member={m} value={choices[m.personId] ?? ''} onChange={(v) => setChoices((c) => ({ ...c, [m.personId]: v }))} />
          ))}
          <NativeSelect label={t('inbox.register.caseType')} value={caseType} onChange={(e) => setCaseType(e.currentTarget.value as CaseType)} data={caseTypes.map((k) => ({ value: k, label: t(`caseType.${k}`) }))} />
          <NativeSelect
            label={t('inbox.register.caseManager')}
            required
            value={caseManagerId}
            error={missingManager && caseManagerId === '' ? t('inbox.register.caseManagerRequired') : undefined}
            onChange={(e) => setCaseManagerId(e.currentTarget.value)}
            data={[{ value: '', label: t('inbox.register.caseManagerPlaceholder') }, ...(assignees.data ?? []).map((a) => ({ value: a.id, label: a.fullName }))]}
          />
          {register.isError && <ErrorAlert error={register.error} onReload={onReload} />}
          <Group>
            <Button type="submit" loading={register.isPending}>
              {t('inbox.register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Declines the notification with a reason the reporter will see. */
export function DeclineForm({ notification, onReload, onDeclined }: { notification: InboxDetail; onReload: () => void; onDeclined: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const decline = useMutation({
    mutationFn: () => declineNotification(notification.id, { reason: reason.trim(), version: notification.version }),
    onSuccess: async (updated) => {
      queryClient.setQueryData([...inboxKey, 'one', notification.id], updated);
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
      onDeclined();
    },
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="inbox-decline-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim() === '') {
            setMissing(true);
            return;
          }
          decline.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={3} id="inbox-decline-title">
            {t('inbox.decline.heading')}
          </Title>
          <Text size="sm">{t('inbox.decline.intro')}</Text>
          <Textarea
            label={t('inbox.decline.reason')}
            description={t('inbox.decline.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            error={missing && reason.trim() === '' ? t('inbox.decline.reasonRequired') : undefined}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {decline.isError && <ErrorAlert error={decline.error} onReload={onReload} />}
          <Group>
            <Button type="submit" color="red" variant="outline" loading={decline.isPending}>
              {t('inbox.decline.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
