import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actionStatuses, memberRoles, memberSectors, type ActionStatus, type MemberRole, type MemberSector } from '#domain/panels/panels.ts';
import { BodyForm } from '../features/panels/body-form.tsx';
import { MemberEdit } from '../features/panels/member-edit.tsx';
import { addMember, fetchActionReport, fetchBodies, fetchBody, createMeeting, panelKeys, updateActionItem, type ActionItem, type Body } from '../features/panels/panels.api.ts';
import { ConflictChoice, plainText } from '../ui/conflict-merge.tsx';
import { DateField, DateTimeField } from '../ui/date-field.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatDateTime, localDateTimeToInstant } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { isApiError } from '../ui/api-client.ts';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';
import { useConflictMerge } from '../ui/use-conflict-merge.ts';

/** One body: members with their marks, meetings, submissions waiting, a new meeting, the action report (SPEC §3, §9). */
export function PanelBodyPage() {
  const { t, i18n } = useTranslation();
  const { bodyId } = useParams({ from: '/app/panels/$bodyId' });
  const q = useQuery({ queryKey: panelKeys.body(bodyId), queryFn: () => fetchBody(bodyId) });
  const en = i18n.language === 'en';
  const body = q.data;
  const [editingMember, setEditingMember] = useState<string | null>(null);
  const [editingBody, setEditingBody] = useState(false);
  const keep = body?.allowedActions.includes('edit') ?? false;
  const list = useQuery({ queryKey: panelKeys.bodies, queryFn: fetchBodies, enabled: keep && editingBody });
  usePageTitle(body ? (en && body.nameEn ? body.nameEn : body.nameUk) : t('panels.title'));
  if (q.error && (isApiError(q.error, 404) || isApiError(q.error, 403))) return <NotFound />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!body) return <PageLoader />;
  return (
    <Stack gap="md">
      <AnchorLink to="/panels">{t('panels.backToList')}</AnchorLink>
      <div>
        <Title order={1}>{en && body.nameEn ? body.nameEn : body.nameUk}</Title>
        <Group gap="xs" mt={4}>
          <Text size="sm" c="dimmed">
            {t(`panels.kind.${body.kind}`)} · {en ? body.territory.nameEn : body.territory.nameUk}
          </Text>
          {body.notMetInQuarter && <Badge color="red" variant="light">{t('panels.notMetInQuarter')}</Badge>}
          {body.mentoring && <Badge color="blue" variant="light">{t('panels.mentoring')}</Badge>}
        </Group>
        {keep && !editingBody && (
          <Button size="xs" variant="light" mt="xs" onClick={() => setEditingBody(true)}>
            {t('panelKeeping.editBody')}
          </Button>
        )}
      </div>
      {editingBody && list.data && <BodyForm places={list.data.places} body={body} onDone={() => setEditingBody(false)} />}
      {editingBody && list.error && <ErrorAlert error={list.error} />}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="members-title">
        <Title order={2} size="h4" id="members-title" mb="xs">
          {t('panels.members.heading')}
        </Title>
        <Text size="sm" mb="xs" data-testid="quorum-line">
          {t('panelKeeping.quorum', { count: body.currentMembers, needed: Math.floor(body.currentMembers / 2) + 1 })}
        </Text>
        <RecordsTable
          caption={t('panels.members.caption')}
          rows={body.members}
          rowKey={(m) => m.id}
          columns={[
            { key: 'name', header: t('panels.members.name'), rowHeader: true, cell: (m) => [m.surname, m.givenName, m.patronymic].filter(Boolean).join(' ') },
            { key: 'role', header: t('panels.members.role'), cell: (m) => t(`panels.role.${m.role}`) },
            { key: 'org', header: t('panels.members.organisation'), cell: (m) => m.organisationName || '—' },
            { key: 'sector', header: t('panels.members.sector'), cell: (m) => t(`panels.sector.${m.sector}`) },
            { key: 'period', header: t('panels.members.period'), nowrap: true, cell: (m) => (m.toDate ? t('panels.members.until', { from: formatDate(m.fromDate), to: formatDate(m.toDate) }) : t('panels.members.since', { from: formatDate(m.fromDate) })) },
            {
              key: 'marks',
              header: t('panels.members.marks'),
              cell: (m) => (
                <Group gap={4}>
                  {m.conflictOfInterest && <Badge color="orange" variant="light">{t('panels.members.conflict')}</Badge>}
                  {m.livedExperience && <Badge color="grape" variant="light">{t('panels.members.lived')}</Badge>}
                  {!m.current && <Badge color="gray" variant="light">{t('panels.members.former')}</Badge>}
                </Group>
              ),
            },
            ...(body.allowedActions.includes('record')
              ? [
                  {
                    key: 'actions',
                    header: t('panelKeeping.actions'),
                    cell: (m: Body['members'][number]) => (
                      <Button size="xs" variant="light" aria-label={t('panelKeeping.editMemberLabel', { name: [m.surname, m.givenName].join(' ') })} onClick={() => setEditingMember(m.id)}>
                        {t('panelKeeping.editMember')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {editingMember && body.members.some((m) => m.id === editingMember) && (
          <MemberEdit key={editingMember} bodyId={body.id} member={body.members.find((m) => m.id === editingMember) as Body['members'][number]} onDone={() => setEditingMember(null)} />
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="meetings-title">
        <Title order={2} size="h4" id="meetings-title" mb="xs">
          {t('panels.meetings.heading')}
        </Title>
        <RecordsTable
          caption={t('panels.meetings.caption')}
          rows={body.meetings}
          rowKey={(m) => m.id}
          empty={t('panels.meetings.empty')}
          columns={[
            { key: 'no', header: '№', rowHeader: true, cell: (m) => <AnchorLink to="/panels/meetings/$meetingId" params={{ meetingId: m.id }}>{`${t('panels.meetings.number', { rank: m.rank })} — ${formatDateTime(m.scheduledAt)}`}</AnchorLink> },
            { key: 'place', header: t('panels.meetings.place'), cell: (m) => m.place || '—' },
            { key: 'items', header: t('panels.meetings.items'), cell: (m) => m.items },
            { key: 'signed', header: t('panels.meeting.signatures'), cell: (m) => (m.signed ? t('panels.meetings.signed') : t('panels.meetings.unsigned')) },
            { key: 'mentoring', header: t('panels.columns.flags'), cell: (m) => (m.mentoring ? <Badge color="blue" variant="light">{t('panels.mentoring')}</Badge> : null) },
          ]}
        />
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="pending-title">
        <Title order={2} size="h4" id="pending-title" mb="xs">
          {t('panels.pending.heading')}
        </Title>
        {body.pendingSubmissions.length === 0 ? (
          <Text size="sm">{t('panels.meetings.noSubmissions')}</Text>
        ) : (
          <Stack gap={4}>
            {body.pendingSubmissions.map((s) => (
              <Text size="sm" key={s.id}>
                {s.caseNumber} · {s.childName}: {s.question} ({t('panels.pending.submitted', { date: formatDate(s.submittedAt) })})
              </Text>
            ))}
          </Stack>
        )}
      </Paper>
      {body.allowedActions.includes('record') && <NewMember body={body} />}
      {body.allowedActions.includes('record') && <NewMeeting body={body} />}
      <ActionReportSection body={body} />
    </Stack>
  );
}

function NewMember({ body }: { body: Body }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const empty = { surname: '', givenName: '', patronymic: '', organisationName: '' };
  const [f, setF] = useState(empty);
  const [sector, setSector] = useState<MemberSector>('social_services');
  const [role, setRole] = useState<MemberRole>('member');
  const [lived, setLived] = useState(false);
  const [from, setFrom] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => addMember(body.id, { ...f, sector, role, livedExperience: lived, fromDate: from ?? '' }),
    onSuccess: (v) => {
      qc.setQueryData(panelKeys.body(body.id), v);
      setF(empty);
      setLived(false);
    },
  });
  const field = (k: keyof typeof empty, label: string, required = false) => <TextInput label={label} value={f[k]} onChange={(e) => {
    const value = e.currentTarget.value;
    setF((x) => ({ ...x, [k]: value }));
  }} required={required} maxLength={300} miw={180} />;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-member-title">
      <form onSubmit={onSubmit}>
        <Stack gap="xs">
          <Title order={2} size="h4" id="new-member-title">
            {t('panels.members.add')}
          </Title>
          <Group align="flex-end" wrap="wrap">
            {field('surname', t('panels.members.surname'), true)}
            {field('givenName', t('panels.members.givenName'), true)}
            {field('patronymic', t('panels.members.patronymic'))}
            {field('organisationName', t('panels.members.organisation'))}
            <NativeSelect label={t('panels.members.sector')} value={sector} onChange={(e) => setSector(e.currentTarget.value as MemberSector)} data={memberSectors.map((x) => ({ value: x, label: t(`panels.sector.${x}`) }))} />
            <NativeSelect label={t('panels.members.role')} value={role} onChange={(e) => setRole(e.currentTarget.value as MemberRole)} data={memberRoles.map((x) => ({ value: x, label: t(`panels.role.${x}`) }))} />
            <DateField label={t('panels.members.fromDate')} value={from} onChange={setFrom} required />
            <Checkbox label={t('panels.members.lived')} checked={lived} onChange={(e) => setLived(e.currentTarget.checked)} />
          </Group>
          {add.error && <ErrorAlert error={add.error} />}
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('panels.members.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function NewMeeting({ body }: { body: Body }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [when, setWhen] = useState<string | null>(null);
  const [place, setPlace] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [item, setItem] = useState('');
  const create = useMutation({
    mutationFn: () => createMeeting(body.id, { scheduledAt: when ? localDateTimeToInstant(when) : '', place, submissionIds: picked, items: item.trim() ? [{ title: item.trim() }] : [] }),
    onSuccess: async (m) => {
      await qc.invalidateQueries({ queryKey: panelKeys.body(body.id) });
      await navigate({ to: '/panels/meetings/$meetingId', params: { meetingId: m.id } });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-meeting-title">
      <form onSubmit={onSubmit}>
        <Stack gap="xs">
          <Title order={2} size="h4" id="new-meeting-title">
            {t('panels.meetings.new')}
          </Title>
          <DateTimeField label={t('panels.meetings.date')} value={when} onChange={setWhen} required />
          <TextInput label={t('panels.meetings.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} maxLength={300} />
          <Checkbox.Group label={t('panels.meetings.submissions')} value={picked} onChange={setPicked}>
            <Stack gap={4} mt={4}>
              {body.pendingSubmissions.length === 0 && <Text size="sm">{t('panels.meetings.noSubmissions')}</Text>}
              {body.pendingSubmissions.map((s) => (
                <Checkbox key={s.id} value={s.id} label={`${s.caseNumber} · ${s.childName}: ${s.question}`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <TextInput label={t('panels.meetings.freeItem')} description={t('panels.meetings.freeItemDescription')} value={item} onChange={(e) => setItem(e.currentTarget.value)} maxLength={500} />
          {create.error && <ErrorAlert error={create.error} />}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('panels.meetings.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ActionReportSection({ body }: { body: Body }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: panelKeys.report(body.id), queryFn: () => fetchActionReport(body.id) });
  // No lost updates (SPEC §11): after a 409 both versions of the action item are shown — keep mine or take theirs.
  type ActionValues = Pick<ActionItem, 'title' | 'owner' | 'dueDate' | 'status'>;
  const valuesOf = (a: ActionItem): ActionValues => ({ title: a.title, owner: a.owner, dueDate: a.dueDate, status: a.status });
  const pending = useRef<string | null>(null);
  const conflict = useConflictMerge<ActionValues>(
    async () => {
      const fresh = (await fetchActionReport(body.id)).items.find((a) => a.id === pending.current);
      return fresh ? { value: valuesOf(fresh), version: fresh.version } : null;
    },
    (value, version, how) => {
      if (how.save && pending.current) change.mutate({ id: pending.current, base: value, values: value, version });
      else {
        change.reset();
        void qc.invalidateQueries({ queryKey: panelKeys.report(body.id) });
      }
    },
  );
  const change = useMutation({
    mutationFn: ({ id, values, version }: { id: string; base: ActionValues; values: ActionValues; version: number }) => {
      pending.current = id;
      return updateActionItem(id, { ...values, version });
    },
    onError: (e, { base, values }) => void conflict.onConflict(e, base, values),
    onSuccess: () => qc.invalidateQueries({ queryKey: panelKeys.report(body.id) }),
  });
  const record = body.allowedActions.includes('record');
  const r = q.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-title">
      <Title order={2} size="h4" id="report-title" mb="xs">
        {t('panels.report.heading')}
      </Title>
      {q.error && <ErrorAlert error={q.error} />}
      <ConflictChoice
        conflict={conflict}
        labels={{ title: t('panels.meeting.actionTitle'), owner: t('panels.meeting.actionOwner'), dueDate: t('panels.meeting.actionDue'), status: t('panels.report.status') }}
        textOf={(c, v) => (c.path[c.path.length - 1] === 'status' && typeof v === 'string' ? t(`panels.actionStatus.${v as ActionStatus}`) : plainText(v, t))}
        onReload={() => {
          conflict.dismiss();
          change.reset();
          void qc.invalidateQueries({ queryKey: panelKeys.report(body.id) });
        }}
      />
      {change.error && !(isApiError(change.error, 'version_conflict') && (conflict.active || conflict.settled)) && <ErrorAlert error={change.error} />}
      {r && (
        <Stack gap="xs">
          <Group gap="xs">
            {actionStatuses.map((s) => (
              <Badge key={s} variant="light" color="gray">
                {t(`panels.actionStatus.${s}`)}: {r.counts[s]}
              </Badge>
            ))}
            <Badge variant="light" color={r.overdue > 0 ? 'red' : 'gray'}>
              {t('panels.report.overdue', { count: r.overdue })}
            </Badge>
          </Group>
          <RecordsTable
            caption={t('panels.report.caption')}
            rows={r.items}
            rowKey={(a) => a.id}
            columns={[
              { key: 'title', header: t('panels.meeting.actionTitle'), rowHeader: true, cell: (a) => a.title },
              { key: 'meeting', header: t('panels.report.meeting'), nowrap: true, cell: (a) => formatDate(a.meetingOn) },
              { key: 'owner', header: t('panels.meeting.actionOwner'), cell: (a) => a.owner },
              { key: 'due', header: t('panels.meeting.actionDue'), nowrap: true, cell: (a) => <>{formatDate(a.dueDate)} {a.overdue && <Badge color="red" variant="light">{t('panels.report.overdueMark')}</Badge>}</> },
              {
                key: 'status',
                header: t('panels.report.status'),
                cell: (a) =>
                  record ? (
                    <NativeSelect aria-label={t('panels.report.change', { title: a.title })} value={a.status} onChange={(e) => change.mutate({ id: a.id, base: valuesOf(a), values: { ...valuesOf(a), status: e.currentTarget.value as ActionStatus }, version: a.version })} data={actionStatuses.map((s) => ({ value: s, label: t(`panels.actionStatus.${s}`) }))} />
                  ) : (
                    t(`panels.actionStatus.${a.status}`)
                  ),
              },
            ]}
          />
        </Stack>
      )}
    </Paper>
  );
}
