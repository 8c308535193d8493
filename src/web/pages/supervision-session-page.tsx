import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionForm } from '../features/workforce/session-form.tsx';
import { fetchSession, fetchSupervisionLog, submitSession, updateSession, type Session, type SessionBody } from '../features/workforce/workforce.api.ts';
import { isApiError } from '../ui/api-client.ts';
import { ConflictMerge, plainText } from '../ui/conflict-merge.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { useConflictMerge } from '../ui/use-conflict-merge.ts';

/** The session as its form sends it. */
const bodyOf = (s: Session): SessionBody => ({
  purpose: s.purpose,
  participantsKind: s.participantsKind,
  timing: s.timing,
  format: s.format,
  stage: s.stage,
  sessionDate: s.sessionDate,
  participantIds: s.participants.map((p) => p.id),
  topics: s.topics,
  casesDiscussed: s.casesDiscussed,
  conclusions: s.conclusions,
  recommendations: s.recommendations,
});

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
  // No lost updates (SPEC §11): after a 409 what both people changed on the card is shown side by side to choose from;
  // taking the stored version reloads the form with it.
  const fresh = useRef<Session | null>(null);
  const conflict = useConflictMerge<SessionBody>(
    async () => {
      const current = await fetchSession(sessionId);
      fresh.current = current;
      return current.allowedActions.includes('edit') ? { value: bodyOf(current), version: current.version } : null;
    },
    (value, version, how) => {
      if (how.save) save.mutate({ body: value, base: value, version });
      else {
        save.reset();
        if (fresh.current) queryClient.setQueryData(['workforce', 'session', sessionId], fresh.current);
      }
    },
  );
  const save = useMutation({
    mutationFn: ({ body, version }: { body: SessionBody; base: SessionBody; version: number }) => updateSession(sessionId, { ...body, version }),
    onSuccess: refresh,
    onError: (e, { body, base }) => void conflict.onConflict(e, base, body),
  });
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
          <SessionForm
            key={s.version}
            supervisees={log.data?.supervisees ?? []}
            initial={s}
            pending={save.isPending}
            error={isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled) ? null : save.error}
            submitLabel={t('common.save')}
            onSubmit={(b) => save.mutate({ body: b, base: bodyOf(s), version: s.version })}
          />
          <ConflictMerge
            conflict={conflict}
            labels={{
              purpose: t('workforce.supervision.purposeLabel'),
              participantsKind: t('workforce.supervision.kindLabel'),
              timing: t('workforce.supervision.timingLabel'),
              format: t('workforce.supervision.formatLabel'),
              stage: t('workforce.supervision.stageLabel'),
              sessionDate: t('workforce.supervision.dateLabel'),
              participantIds: t('workforce.supervision.participantsLabel'),
              topics: t('workforce.supervision.topics'),
              casesDiscussed: t('workforce.supervision.casesDiscussed'),
              conclusions: t('workforce.supervision.conclusions'),
              recommendations: t('workforce.supervision.recommendations'),
            }}
            textOf={(c, v) => {
              const field = String(c.path[c.path.length - 1]);
              if (field === 'participantIds' && Array.isArray(v)) {
                const people = [...(log.data?.supervisees ?? []), ...s.participants, ...(fresh.current?.participants ?? [])];
                return v.map((id) => people.find((p) => p.id === id)?.name ?? String(id)).join(', ');
              }
              const prefix = { purpose: 'workforce.supervision.purpose', participantsKind: 'workforce.supervision.participantsKind', timing: 'workforce.supervision.timing', format: 'workforce.supervision.format', stage: 'workforce.supervision.stage' }[field];
              return prefix && typeof v === 'string' ? t(`${prefix}.${v}` as 'workforce.supervision.purposeLabel') : plainText(v, t);
            }}
            onReload={() => {
              conflict.dismiss();
              save.reset();
              void query.refetch();
            }}
          />
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
