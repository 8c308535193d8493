import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SessionForm } from '../features/workforce/session-form.tsx';
import { fetchSession, fetchSupervisionLog, submitSession, updateSession, type Session } from '../features/workforce/workforce.api.ts';
import { isApiError } from '../ui/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

function CardView({ s }: { s: Session }) {
  const { t } = useTranslation();
  const rows: Array<[string, string]> = [
    [t('workforce.supervision.supervisor'), s.supervisor.name],
    [t('workforce.supervision.participantsLabel'), s.participants.map((p) => p.name).join(', ')],
    [t('workforce.supervision.purposeLabel'), t(`workforce.supervision.purpose.${s.purpose}`)],
    [t('workforce.supervision.kindLabel'), t(`workforce.supervision.participantsKind.${s.participantsKind}`)],
    [t('workforce.supervision.timingLabel'), t(`workforce.supervision.timing.${s.timing}`)],
    [t('workforce.supervision.formatLabel'), t(`workforce.supervision.format.${s.format}`)],
    [t('workforce.supervision.stageLabel'), t(`workforce.supervision.stage.${s.stage}`)],
    [t('workforce.supervision.topics'), s.topics],
    [t('workforce.supervision.casesDiscussed'), s.casesDiscussed],
    [t('workforce.supervision.conclusions'), s.conclusions],
    [t('workforce.supervision.recommendations'), s.recommendations],
  ];
  return (
    <Paper withBorder p="md">
      <dl className="details-list">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>
              <Text fw={600} size="sm">
                {k}
              </Text>
            </dt>
            <dd style={{ marginLeft: 0, marginBottom: 8, whiteSpace: 'pre-wrap' }}>{v || '—'}</dd>
          </div>
        ))}
      </dl>
    </Paper>
  );
}

/** One supervision session with its card: the supervisor edits it and submits it to the head of the service. */
export function SupervisionSessionPage() {
  const { t } = useTranslation();
  const { sessionId } = useParams({ from: '/app/supervision/$sessionId' });
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['workforce', 'session', sessionId], queryFn: () => fetchSession(sessionId), retry: false });
  const log = useQuery({ queryKey: ['workforce', 'supervision-log'], queryFn: fetchSupervisionLog });
  const title = query.data ? t('workforce.supervision.cardTitle', { date: formatDate(query.data.sessionDate) }) : t('workforce.supervision.cardHeading');
  usePageTitle(title);
  const refresh = async (s: Session) => {
    queryClient.setQueryData(['workforce', 'session', sessionId], s);
    await queryClient.invalidateQueries({ queryKey: ['workforce', 'supervision-log'] });
  };
  const save = useMutation({ mutationFn: (body: Parameters<typeof updateSession>[1]) => updateSession(sessionId, body), onSuccess: refresh });
  const submit = useMutation({ mutationFn: (version: number) => submitSession(sessionId, version), onSuccess: refresh });
  if (query.isPending) return <PageLoader />;
  if (isApiError(query.error, 404)) return <NotFound />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const s = query.data;
  const editable = s.allowedActions.includes('edit');
  return (
    <Stack gap="md">
      <AnchorLink to="/supervision">{t('workforce.supervision.back')}</AnchorLink>
      <Title order={1}>{title}</Title>
      <div>
        <Anchor href={`/api/v1/supervision/sessions/${encodeURIComponent(s.id)}/card.pdf`} target="_blank" rel="noopener">
          {t('workforce.supervision.pdf')}
        </Anchor>
      </div>
      {s.submittedAt && s.submittedTo && (
        <Alert color="green" role="status">
          {t('workforce.supervision.submittedNote', { date: formatDateTime(s.submittedAt), name: s.submittedTo.name })}
        </Alert>
      )}
      {save.isSuccess && !s.submittedAt && (
        <Alert color="green" role="status">
          {t('workforce.supervision.saved')}
        </Alert>
      )}
      {editable ? (
        <Paper withBorder p="md">
          <SessionForm key={s.version} supervisees={log.data?.supervisees ?? []} initial={s} pending={save.isPending} error={save.error} submitLabel={t('common.save')} onSubmit={(b) => save.mutate({ ...b, version: s.version })} />
        </Paper>
      ) : (
        <CardView s={s} />
      )}
      {s.allowedActions.includes('submit') && (
        <Stack gap="xs">
          {submit.error ? <ErrorAlert error={submit.error} /> : null}
          <Group>
            <Button color="green" loading={submit.isPending} onClick={() => submit.mutate(s.version)}>
              {t('workforce.supervision.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
