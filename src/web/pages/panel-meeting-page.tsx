import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { presences, voteChoices, type Presence, type VoteChoice } from '#domain/panels/panels.ts';
import { DeterminationForm } from '../features/panels/determination-form.tsx';
import { addActionItem, fetchMeeting, minutesPdfUrl, panelKeys, recordVotes, saveAttendance, signMinutes, type AgendaItem, type Meeting } from '../features/panels/panels.api.ts';
import { isApiError } from '../ui/api-client.ts';
import { ConflictMerge } from '../ui/conflict-merge.tsx';
import { DateField } from '../ui/date-field.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';
import { useConflictMerge } from '../ui/use-conflict-merge.ts';

type Member = Meeting['members'][number];
const fullName = (m: Pick<Member, 'surname' | 'givenName' | 'patronymic'>) => [m.surname, m.givenName, m.patronymic].filter(Boolean).join(' ');

/** A meeting: attendance and quorum, the agenda with determinations and votes, action items, signatures and minutes (SPEC §3, §9). */
export function PanelMeetingPage() {
  const { t } = useTranslation();
  const { meetingId } = useParams({ from: '/app/panels/meetings/$meetingId' });
  const q = useQuery({ queryKey: panelKeys.meeting(meetingId), queryFn: () => fetchMeeting(meetingId) });
  const m = q.data;
  usePageTitle(m ? t('panels.meeting.title', { rank: m.rank, date: formatDateTime(m.scheduledAt) }) : t('panels.title'));
  if (q.error && (isApiError(q.error, 404) || isApiError(q.error, 403))) return <NotFound />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!m) return <PageLoader />;
  const record = m.allowedActions.includes('record');
  const signed = !!(m.signatures.chair || m.signatures.secretary);
  return (
    <Stack gap="md">
      <AnchorLink to="/panels/$bodyId" params={{ bodyId: m.body.id }}>
        {t('panels.meeting.backToBody')}
      </AnchorLink>
      <div>
        <Title order={1}>{t('panels.meeting.title', { rank: m.rank, date: formatDateTime(m.scheduledAt) })}</Title>
        <Group gap="xs" mt={4}>
          <Text size="sm" c="dimmed">
            {m.body.nameUk}
            {m.place ? ` · ${m.place}` : ''}
          </Text>
          {m.mentoring && <Badge color="blue" variant="light">{t('panels.mentoring')}</Badge>}
        </Group>
      </div>
      <Attendance m={m} editable={record && !signed && m.items.every((i) => i.outcome === 'pending')} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="agenda-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="agenda-title">
            {t('panels.meeting.agenda')}
          </Title>
          {m.items.map((i) => (
            <Item key={i.id} m={m} item={i} editable={record && !signed} />
          ))}
        </Stack>
      </Paper>
      <ActionItems m={m} editable={record} />
      <Signatures m={m} />
    </Stack>
  );
}

function Attendance({ m, editable }: { m: Meeting; editable: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const presenceOf = (x: Meeting): Record<string, Presence> => Object.fromEntries(x.members.map((y) => [y.id, y.presence ?? 'absent']));
  const [draft, setDraft] = useState<Record<string, Presence>>(() => presenceOf(m));
  // No lost updates (SPEC §11): after a 409 the marks are merged member by member; where both people marked the same
  // member differently, both marks are shown to choose from.
  const baseRef = useRef<Record<string, Presence>>(presenceOf(m));
  // The version as last loaded (the meeting is also reloaded after this user's other changes to it).
  const versionRef = useRef(m.version);
  const conflict = useConflictMerge<Record<string, Presence>>(
    async () => {
      const fresh = await fetchMeeting(m.id);
      return { value: presenceOf(fresh), version: fresh.version };
    },
    (value, version, how) => {
      versionRef.current = version;
      setDraft(value);
      if (how.save) save.mutate(value);
      else {
        baseRef.current = value;
        save.reset();
      }
    },
  );
  const save = useMutation({
    mutationFn: (marks: Record<string, Presence>) => saveAttendance(m.id, { version: Math.max(versionRef.current, m.version), attendance: m.members.map((x) => ({ memberId: x.id, presence: marks[x.id] ?? 'absent' })) }),
    onSuccess: (v) => {
      versionRef.current = v.version;
      baseRef.current = presenceOf(v);
      qc.setQueryData(panelKeys.meeting(m.id), v);
    },
    onError: (e, marks) => void conflict.onConflict(e, baseRef.current, marks),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft);
  };
  const qv = { present: m.quorum.present, members: m.quorum.currentMembers, needed: m.quorum.needed };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="attendance-title">
      <form onSubmit={onSubmit}>
        <Stack gap="xs">
          <Title order={2} size="h4" id="attendance-title">
            {t('panels.meeting.attendance')}
          </Title>
          {editable && (
            <Text size="sm" c="dimmed">
              {t('panels.meeting.attendanceIntro')}
            </Text>
          )}
          <RecordsTable
            caption={t('panels.members.caption')}
            rows={m.members}
            rowKey={(x) => x.id}
            columns={[
              { key: 'name', header: t('panels.members.name'), rowHeader: true, cell: (x) => fullName(x) },
              { key: 'role', header: t('panels.members.role'), cell: (x) => t(`panels.role.${x.role}`) },
              {
                key: 'marks',
                header: t('panels.members.marks'),
                cell: (x) => (
                  <Group gap={4}>
                    {x.conflictOfInterest && <Badge color="orange" variant="light">{t('panels.members.conflict')}</Badge>}
                    {x.livedExperience && <Badge color="grape" variant="light">{t('panels.members.lived')}</Badge>}
                  </Group>
                ),
              },
              {
                key: 'presence',
                header: t('panels.meeting.attendance'),
                cell: (x) =>
                  editable ? (
                    <NativeSelect aria-label={`${t('panels.meeting.attendance')}: ${fullName(x)}`} value={draft[x.id] ?? 'absent'} onChange={(e) => {
                        const value = e.currentTarget.value as Presence;
                        setDraft((d) => ({ ...d, [x.id]: value }));
                      }} data={presences.map((p) => ({ value: p, label: t(`panels.meeting.presence.${p}`) }))} />
                  ) : x.presence ? (
                    t(`panels.meeting.presence.${x.presence}`)
                  ) : (
                    t('panels.meeting.notMarked')
                  ),
              },
            ]}
          />
          <Alert color={m.quorum.reached ? 'green' : 'yellow'} variant="light" role="status">
            {m.quorum.reached ? t('panels.meeting.quorumReached', qv) : t('panels.meeting.quorumMissing', qv)}
          </Alert>
          <ConflictMerge
            conflict={conflict}
            labels={Object.fromEntries(m.members.map((x) => [x.id, `${t('panels.meeting.attendance')}: ${fullName(x)}`]))}
            textOf={(_c, v) => (typeof v === 'string' ? t(`panels.meeting.presence.${v as Presence}`) : '')}
            onReload={() => void qc.invalidateQueries({ queryKey: panelKeys.meeting(m.id) })}
          />
          {save.error && !(isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled)) && <ErrorAlert error={save.error} />}
          {editable && (
            <Group>
              <Button type="submit" loading={save.isPending} disabled={conflict.active}>
                {t('panels.meeting.saveAttendance')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function Item({ m, item, editable }: { m: Meeting; item: AgendaItem; editable: boolean }) {
  const { t } = useTranslation();
  const s = item.submission;
  const conflicted = m.members.filter((x) => s?.conflictedMemberIds.includes(x.id));
  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-labelledby={`item-${item.id}`}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={`item-${item.id}`}>
          {item.position}. {item.title}
        </Title>
        {item.motion && <Text size="sm">{item.motion}</Text>}
        {s && <Text size="sm">{t('panels.meeting.child', { name: s.childName })}</Text>}
        {s?.provider && <Text size="sm">{t('panels.meeting.provider', { name: s.provider.nameUk })}</Text>}
        {conflicted.length > 0 && (
          <Text size="sm" c="orange.9">
            {t('panels.meeting.conflicted', { names: conflicted.map(fullName).join(', ') })}
          </Text>
        )}
        <Group gap="xs">
          <Badge color={item.outcome === 'adopted' ? 'green' : item.outcome === 'rejected' ? 'red' : 'gray'} variant="light">
            {t(`panels.meeting.outcome.${item.outcome}`)}
          </Badge>
          {item.outcome !== 'pending' && (
            <Text size="sm">
              {t('panels.meeting.tally', item.votes)}
              {item.castingVote ? ` (${t('panels.meeting.casting')})` : ''}
            </Text>
          )}
        </Group>
        {s?.determination && item.outcome !== 'pending' && <Text size="sm" fw={600}>{t('panels.case.decision', { option: t(`panels.options.${s.determination.chosenOption}`) })}</Text>}
        {editable && item.outcome === 'pending' && s && <DeterminationForm meeting={m} item={item} />}
        {editable && item.outcome === 'pending' && <VoteForm m={m} item={item} />}
      </Stack>
    </Paper>
  );
}

function VoteForm({ m, item }: { m: Meeting; item: AgendaItem }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const voters = m.members.filter((x) => x.presence === 'in_person' || x.presence === 'online');
  type Ballots = Record<string, VoteChoice | 'none'>;
  const ballotsOf = (i: AgendaItem): Ballots => Object.fromEntries(voters.map((x) => [x.id, i.ballots.find((b) => b.memberId === x.id)?.vote ?? 'none']));
  const [votes, setVotes] = useState<Ballots>({});
  // No lost updates (SPEC §11): votes recorded meanwhile are merged member by member; where both people recorded a
  // different vote for the same member, both are shown to choose from. A decided item can no longer be changed.
  const baseRef = useRef<Ballots>(ballotsOf(item));
  const versionRef = useRef(item.version);
  const conflict = useConflictMerge<Ballots>(
    async () => {
      const fresh = (await fetchMeeting(m.id)).items.find((i) => i.id === item.id);
      return fresh && fresh.outcome === 'pending' ? { value: ballotsOf(fresh), version: fresh.version } : null;
    },
    (value, version, how) => {
      versionRef.current = version;
      setVotes(value);
      if (how.save) save.mutate(value);
      else {
        baseRef.current = value;
        save.reset();
      }
    },
  );
  const save = useMutation({
    mutationFn: (v: Ballots) =>
      recordVotes(item.id, {
        version: Math.max(versionRef.current, item.version),
        votes: Object.entries(v)
          .filter((e): e is [string, VoteChoice] => e[1] !== 'none')
          .map(([memberId, vote]) => ({ memberId, vote })),
      }),
    onSuccess: (v) => qc.setQueryData(panelKeys.meeting(m.id), v),
    onError: (e, v) => void conflict.onConflict(e, baseRef.current, Object.fromEntries(voters.map((x) => [x.id, v[x.id] ?? 'none']))),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(votes);
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby={`vote-${item.id}`}>
      <Stack gap="xs">
        <Title order={4} size="h5" id={`vote-${item.id}`}>
          {t('panels.meeting.vote')}
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {voters.map((x) => (
            <NativeSelect
              key={x.id}
              label={t('panels.meeting.voteOf', { name: fullName(x) })}
              value={votes[x.id] ?? 'none'}
              onChange={(e) => {
                const value = e.currentTarget.value as VoteChoice | 'none';
                setVotes((v) => ({ ...v, [x.id]: value }));
              }}
              data={[{ value: 'none', label: t('panels.meeting.voteChoice.none') }, ...voteChoices.map((c) => ({ value: c, label: t(`panels.meeting.voteChoice.${c}`) }))]}
              miw={220}
            />
          ))}
        </Group>
        <ConflictMerge
          conflict={conflict}
          labels={Object.fromEntries(voters.map((x) => [x.id, t('panels.meeting.voteOf', { name: fullName(x) })]))}
          textOf={(_c, v) => (typeof v === 'string' ? t(`panels.meeting.voteChoice.${v as VoteChoice | 'none'}`) : '')}
          onReload={() => void qc.invalidateQueries({ queryKey: panelKeys.meeting(m.id) })}
        />
        {save.error && !(isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled)) && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={conflict.active}>
            {t('panels.meeting.recordVote')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ActionItems({ m, editable }: { m: Meeting; editable: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => addActionItem(m.id, { title, owner, dueDate: due ?? '' }),
    onSuccess: (v) => {
      qc.setQueryData(panelKeys.meeting(m.id), v);
      setTitle('');
      setOwner('');
      setDue(null);
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="actions-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="actions-title">
          {t('panels.meeting.actions')}
        </Title>
        <RecordsTable
          caption={t('panels.report.caption')}
          rows={m.actionItems}
          rowKey={(a) => a.id}
          columns={[
            { key: 'title', header: t('panels.meeting.actionTitle'), rowHeader: true, cell: (a) => a.title },
            { key: 'owner', header: t('panels.meeting.actionOwner'), cell: (a) => a.owner },
            { key: 'due', header: t('panels.meeting.actionDue'), nowrap: true, cell: (a) => formatDate(a.dueDate) },
            { key: 'status', header: t('panels.report.status'), cell: (a) => t(`panels.actionStatus.${a.status}`) },
          ]}
        />
        {editable && (
          <form onSubmit={onSubmit}>
            <Group align="flex-end" wrap="wrap">
              <TextInput label={t('panels.meeting.actionTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={500} miw={260} />
              <TextInput label={t('panels.meeting.actionOwner')} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} required maxLength={300} miw={200} />
              <DateField label={t('panels.meeting.actionDue')} value={due} onChange={setDue} required />
              <Button type="submit" loading={add.isPending}>
                {t('panels.meeting.addAction')}
              </Button>
            </Group>
            {add.error && <ErrorAlert error={add.error} />}
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function Signatures({ m }: { m: Meeting }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const sign = useMutation({ mutationFn: () => signMinutes(m.id, m.version), onSuccess: (v) => qc.setQueryData(panelKeys.meeting(m.id), v) });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="signatures-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="signatures-title">
          {t('panels.meeting.signatures')}
        </Title>
        {m.signatures.chair && <Text size="sm">{t('panels.meeting.chairSigned', { name: `${m.signatures.chair.name}, ${formatDateTime(m.signatures.chair.at)}` })}</Text>}
        {m.signatures.secretary && <Text size="sm">{t('panels.meeting.secretarySigned', { name: `${m.signatures.secretary.name}, ${formatDateTime(m.signatures.secretary.at)}` })}</Text>}
        {sign.error && <ErrorAlert error={sign.error} />}
        <Group>
          <Anchor href={minutesPdfUrl(m.id)} target="_blank" rel="noopener">
            {t('panels.meeting.minutes')}
          </Anchor>
          {m.allowedActions.includes('sign') && (
            <Button variant="light" onClick={() => sign.mutate()} loading={sign.isPending}>
              {t('panels.meeting.sign')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
