import { Button, Checkbox, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { memberRoles, memberSectors, type MemberRole, type MemberSector } from '#domain/panels/panels.ts';
import { isApiError } from '../../ui/api-client.ts';
import { ConflictChoice, plainText } from '../../ui/conflict-merge.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { fetchBody, panelKeys, updateMember, type Member } from './panels.api.ts';

/** A membership as this form edits it. */
type MemberValues = { surname: string; givenName: string; patronymic: string; organisationName: string; sector: MemberSector; role: MemberRole; livedExperience: boolean; fromDate: string | null; toDate: string | null };
const valuesOf = (m: Member): MemberValues => ({ surname: m.surname, givenName: m.givenName, patronymic: m.patronymic, organisationName: m.organisationName, sector: m.sector, role: m.role, livedExperience: m.livedExperience, fromDate: m.fromDate, toDate: m.toDate });

/**
 * Changing a membership or ending it (SPEC §3, §9): role, sector, organisation, lived experience and the period. A
 * member whose period has ended no longer counts for quorum from the next day (the server counts current members).
 */
export function MemberEdit({ bodyId, member, onDone }: { bodyId: string; member: Member; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [f, setF] = useState({ surname: member.surname, givenName: member.givenName, patronymic: member.patronymic, organisationName: member.organisationName });
  const [sector, setSector] = useState<MemberSector>(member.sector);
  const [role, setRole] = useState<MemberRole>(member.role);
  const [lived, setLived] = useState(member.livedExperience);
  const [from, setFrom] = useState<string | null>(member.fromDate);
  const [to, setTo] = useState<string | null>(member.toDate);
  // No lost updates (SPEC §11): after a 409 both versions are shown — keep mine (saved over theirs) or take theirs.
  const baseRef = useRef<MemberValues>(valuesOf(member));
  const versionRef = useRef(member.version);
  const conflict = useConflictMerge<MemberValues>(
    async () => {
      const fresh = (await fetchBody(bodyId)).members.find((m) => m.id === member.id);
      return fresh ? { value: valuesOf(fresh), version: fresh.version } : null;
    },
    (value, version, how) => {
      versionRef.current = version;
      setF({ surname: value.surname, givenName: value.givenName, patronymic: value.patronymic, organisationName: value.organisationName });
      setSector(value.sector);
      setRole(value.role);
      setLived(value.livedExperience);
      setFrom(value.fromDate);
      setTo(value.toDate);
      if (how.save) save.mutate(value);
      else {
        baseRef.current = value;
        save.reset();
      }
    },
  );
  const save = useMutation({
    mutationFn: ({ fromDate, ...v }: MemberValues) =>
      updateMember(member.id, { ...v, fromDate: fromDate ?? '', organisationId: member.organisationId, institutionId: member.institutionId, userId: member.userId, version: versionRef.current }),
    onSuccess: (v) => {
      qc.setQueryData(panelKeys.body(bodyId), v);
      void qc.invalidateQueries({ queryKey: panelKeys.bodies });
      onDone();
    },
    onError: (e, v) => void conflict.onConflict(e, baseRef.current, v),
  });
  const errors = fieldErrorsOf(t, save.error);
  const name = [member.surname, member.givenName, member.patronymic].filter(Boolean).join(' ');
  const field = (k: keyof typeof f, label: string, required = false) => (
    <TextInput
      label={label}
      value={f[k]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setF((x) => ({ ...x, [k]: value }));
      }}
      error={errors[k]}
      required={required}
      maxLength={300}
      miw={180}
    />
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ ...f, sector, role, livedExperience: lived, fromDate: from, toDate: to });
  };
  return (
    <Paper withBorder p="md" radius="md" mt="sm" component="section" aria-labelledby="member-edit-title">
      <form onSubmit={onSubmit}>
        <Stack gap="xs">
          <Title order={3} size="h5" id="member-edit-title">
            {t('panelKeeping.memberHeading', { name })}
          </Title>
          <Group align="flex-end" wrap="wrap">
            {field('surname', t('panels.members.surname'), true)}
            {field('givenName', t('panels.members.givenName'), true)}
            {field('patronymic', t('panels.members.patronymic'))}
            {field('organisationName', t('panels.members.organisation'))}
            <NativeSelect label={t('panels.members.sector')} value={sector} onChange={(e) => setSector(e.currentTarget.value as MemberSector)} data={memberSectors.map((x) => ({ value: x, label: t(`panels.sector.${x}`) }))} />
            <NativeSelect label={t('panels.members.role')} value={role} onChange={(e) => setRole(e.currentTarget.value as MemberRole)} data={memberRoles.map((x) => ({ value: x, label: t(`panels.role.${x}`) }))} />
            <Checkbox label={t('panels.members.lived')} checked={lived} onChange={(e) => setLived(e.currentTarget.checked)} />
          </Group>
          <Group align="flex-start" wrap="wrap">
            <DateField label={t('panels.members.fromDate')} value={from} onChange={setFrom} error={errors.fromDate} required />
            <DateField label={t('panelKeeping.toDate')} description={t('panelKeeping.toDateDescription')} value={to} onChange={setTo} error={errors.toDate} clearLabel={t('panelKeeping.clearToDate')} maw={420} />
          </Group>
          <ConflictChoice
            conflict={conflict}
            labels={{
              surname: t('panels.members.surname'),
              givenName: t('panels.members.givenName'),
              patronymic: t('panels.members.patronymic'),
              organisationName: t('panels.members.organisation'),
              sector: t('panels.members.sector'),
              role: t('panels.members.role'),
              livedExperience: t('panels.members.lived'),
              fromDate: t('panels.members.fromDate'),
              toDate: t('panelKeeping.toDate'),
            }}
            textOf={(c, v) => {
              const field = c.path[c.path.length - 1];
              if (field === 'sector' && typeof v === 'string') return t(`panels.sector.${v as MemberSector}`);
              if (field === 'role' && typeof v === 'string') return t(`panels.role.${v as MemberRole}`);
              return plainText(v, t);
            }}
            onReload={() => void qc.invalidateQueries({ queryKey: panelKeys.body(bodyId) }).then(onDone)}
          />
          {save.error && !(isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled)) && (
            <ErrorAlert error={save.error} onReload={() => void qc.invalidateQueries({ queryKey: panelKeys.body(bodyId) }).then(onDone)} />
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('panelKeeping.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('panelKeeping.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
