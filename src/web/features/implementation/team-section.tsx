import { Badge, Button, Checkbox, Group, Modal, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamRoles, type TeamRole } from '#domain/cases/case-team.ts';
import { RecordsTable } from '../../ui/records-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import { CaseSection } from '../cases/case-sections.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { DateField } from './case-form-page.tsx';
import { addTeamMember, endTeamMember, type TeamMember } from './implementation.api.ts';
import { assigneesQuery, teamQuery } from './implementation.queries.ts';
import { ModalFormActions } from '../../ui/form-actions.tsx';

function memberName(m: TeamMember): string {
  return m.user ? m.user.name : m.externalName;
}

function AddMemberModal({ c, opened, onClose }: { c: CaseDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const assignees = useQuery({ ...assigneesQuery(c.hromada.id), enabled: opened });
  const [kind, setKind] = useState<'user' | 'external'>('user');
  const [userId, setUserId] = useState('');
  const [externalName, setExternalName] = useState('');
  const [externalOrganisation, setExternalOrganisation] = useState('');
  const [externalProfession, setExternalProfession] = useState('');
  const [teamRole, setTeamRole] = useState<TeamRole>('psychologist');
  const [emergency, setEmergency] = useState(false);
  const [fromDate, setFromDate] = useState(todayInKyiv());
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      addTeamMember(c.id, {
        userId: kind === 'user' ? userId : null,
        externalName: kind === 'external' ? externalName : '',
        externalOrganisation: kind === 'external' ? externalOrganisation : '',
        externalProfession: kind === 'external' ? externalProfession : '',
        teamRole,
        emergencyIntervention: emergency,
        fromDate,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      setUserId('');
      setExternalName('');
      setExternalOrganisation('');
      setExternalProfession('');
      setTried(false);
      onClose();
    },
  });
  const invalid = kind === 'user' ? !userId : !externalName.trim();
  const candidates = (assignees.data ?? []).filter((a) => a.id !== c.caseManager.id);
  return (
    <Modal opened={opened} onClose={onClose} title={t('work.team.addTitle')} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!invalid) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Radio.Group label={t('work.team.kind')} value={kind} onChange={(v) => setKind(v as 'user' | 'external')}>
            <Group gap="md" mt={4}>
              <Radio value="user" label={t('work.team.kindUser')} />
              <Radio value="external" label={t('work.team.kindExternal')} />
            </Group>
          </Radio.Group>
          {kind === 'user' ? (
            <NativeSelect
              label={t('work.team.user')}
              description={t('work.team.userHint')}
              required
              value={userId}
              onChange={(e) => setUserId(e.currentTarget.value)}
              data={[{ value: '', label: t('work.team.choose') }, ...candidates.map((a) => ({ value: a.id, label: `${a.fullName} — ${a.organisationName}` }))]}
              error={tried && !userId ? t('common.required') : undefined}
            />
          ) : (
            <>
              <TextInput label={t('work.team.externalName')} required value={externalName} onChange={(e) => setExternalName(e.currentTarget.value)} error={tried && !externalName.trim() ? t('common.required') : undefined} />
              <TextInput label={t('work.team.externalProfession')} value={externalProfession} onChange={(e) => setExternalProfession(e.currentTarget.value)} />
              <TextInput label={t('work.team.externalOrganisation')} value={externalOrganisation} onChange={(e) => setExternalOrganisation(e.currentTarget.value)} />
            </>
          )}
          <NativeSelect label={t('work.team.role')} value={teamRole} onChange={(e) => setTeamRole(e.currentTarget.value as TeamRole)} data={teamRoles.map((r) => ({ value: r, label: t(`work.teamRole.${r}`) }))} />
          <Checkbox label={t('work.team.emergency')} checked={emergency} onChange={(e) => setEmergency(e.currentTarget.checked)} />
          <DateField label={t('work.team.fromDate')} value={fromDate} onChange={setFromDate} maxDate={todayInKyiv()} required maw={240} />
          <ErrorAlert error={save.error} />
          <ModalFormActions onCancel={onClose} pending={save.isPending} submitLabel={t('work.team.add')} />
        </Stack>
      </form>
    </Modal>
  );
}

function EndMemberModal({ c, member, onClose }: { c: CaseDetail; member: TeamMember | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: (m: TeamMember) => endTeamMember(c.id, m.id, { version: m.version, reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      setReason('');
      onClose();
    },
  });
  return (
    <Modal opened={member !== null} onClose={onClose} title={t('work.team.endTitle', { name: member ? memberName(member) : '' })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Text size="sm">{t('work.team.endHint')}</Text>
        <Textarea label={t('work.team.endReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
        <ErrorAlert error={save.error} onReload={() => void queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey }).then(onClose)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={save.isPending} onClick={() => member && save.mutate(member)}>
            {t('work.team.end')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The interdisciplinary team (SPEC §2.16): current members first; add a user or an outside specialist; end a membership. */
export function TeamSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const team = useQuery(teamQuery(c.id));
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<TeamMember | null>(null);
  const items = team.data?.items ?? [];
  return (
    <CaseSection id="team-title" title={t('work.team.title')} intro={t('work.team.intro')}>
      <ErrorAlert error={team.error} />
      <RecordsTable
        caption={t('work.team.title')}
        rows={team.data ? items : undefined}
        rowKey={(m) => m.id}
        empty={team.data?.allowedActions.includes('add') ? t('work.team.emptyCanAdd') : t('work.team.empty')}
        columns={[
          {
            key: 'member',
            header: t('work.team.columns.member'),
            cell: (m) => (
              <>
                <Text size="sm" fw={600}>
                  {memberName(m)}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.user ? t('work.team.kindUser') : [m.externalProfession, m.externalOrganisation].filter(Boolean).join(', ') || t('work.team.kindExternal')}
                </Text>
              </>
            ),
          },
          {
            key: 'role',
            header: t('work.team.columns.role'),
            cell: (m) => (
              <>
                {t(`work.teamRole.${m.teamRole}`)}
                {m.emergencyIntervention && (
                  <Badge ml={6} color="red" variant="light">
                    {t('work.team.emergencyBadge')}
                  </Badge>
                )}
              </>
            ),
          },
          {
            key: 'period',
            header: t('work.team.columns.period'),
            nowrap: true,
            cell: (m) => (
              <>
                {formatDate(m.fromDate)} – {m.toDate ? formatDate(m.toDate) : t('work.team.now')}
                {!m.current && (
                  <Badge ml={6} color="gray" variant="light">
                    {t('work.team.former')}
                  </Badge>
                )}
              </>
            ),
          },
          {
            key: 'actions',
            header: t('work.team.columns.actions'),
            cell: (m) =>
              m.allowedActions.includes('end') ? (
                <Button size="xs" variant="subtle" color="red" onClick={() => setEnding(m)} aria-label={t('work.team.endFor', { name: memberName(m) })}>
                  {t('work.team.end')}
                </Button>
              ) : (
                t('common.none')
              ),
          },
        ]}
      />
      {team.data?.allowedActions.includes('add') && (
        <Group>
          <Button variant="light" onClick={() => setAdding(true)}>
            {t('work.team.add')}
          </Button>
        </Group>
      )}
      <AddMemberModal c={c} opened={adding} onClose={() => setAdding(false)} />
      <EndMemberModal c={c} member={ending} onClose={() => setEnding(null)} />
    </CaseSection>
  );
}
