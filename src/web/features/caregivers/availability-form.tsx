import { Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../ui/api-client.ts';
import { ConflictMerge, plainText } from '../../ui/conflict-merge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import { assigneesQuery } from '../territories/territories.queries.ts';
import { fetchCaregiver, updateCaregiver, type Caregiver } from './caregivers.api.ts';
import { HouseholdFields, type MemberDraft } from './household-fields.tsx';

/** The caregiver record as this form edits it. */
type Availability = { capacity: number; ageFrom: number; ageTo: number; siblingsAccepted: boolean; disabilitySpecialisation: boolean; workerId: string; notes: string; members: MemberDraft[] };
const availabilityOf = (c: Caregiver): Availability => ({
  capacity: c.capacity,
  ageFrom: c.ageFrom,
  ageTo: c.ageTo,
  siblingsAccepted: c.siblingsAccepted,
  disabilitySpecialisation: c.disabilitySpecialisation,
  workerId: c.assignedWorker?.id ?? '',
  notes: c.notes,
  members: c.members.map((m) => ({ role: m.role, surname: m.surname, givenName: m.givenName, patronymic: m.patronymic, birthDate: m.birthDate })),
});

/** What the family accepts, its household and the supporting worker (Child Affairs edits). */
export function AvailabilityForm({ c }: { c: Caregiver }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const workers = useQuery(assigneesQuery(c.hromada.id));
  const [capacity, setCapacity] = useState<number>(c.capacity);
  const [ageFrom, setAgeFrom] = useState<number>(c.ageFrom);
  const [ageTo, setAgeTo] = useState<number>(c.ageTo);
  const [siblingsAccepted, setSiblings] = useState(c.siblingsAccepted);
  const [disabilitySpecialisation, setDisability] = useState(c.disabilitySpecialisation);
  const [workerId, setWorkerId] = useState(c.assignedWorker?.id ?? '');
  const [notes, setNotes] = useState(c.notes);
  const [members, setMembers] = useState<MemberDraft[]>(c.members.map((m) => ({ role: m.role, surname: m.surname, givenName: m.givenName, patronymic: m.patronymic, birthDate: m.birthDate })));
  const [touched, setTouched] = useState(false);
  const touch = <T,>(f: (v: T) => void) => (v: T) => {
    setTouched(true);
    f(v);
  };
  // No lost updates (SPEC §11): the record as loaded is the base of a three-way merge after a 409.
  const baseRef = useRef<Availability>(availabilityOf(c));
  const versionRef = useRef(c.version);
  const nowValues = (): Availability => ({ capacity, ageFrom, ageTo, siblingsAccepted, disabilitySpecialisation, workerId, notes, members });
  const conflict = useConflictMerge<Availability>(
    async () => {
      const current = await fetchCaregiver(c.id);
      return { value: availabilityOf(current), version: current.version };
    },
    (v, version, how) => {
      versionRef.current = version;
      setCapacity(v.capacity);
      setAgeFrom(v.ageFrom);
      setAgeTo(v.ageTo);
      setSiblings(v.siblingsAccepted);
      setDisability(v.disabilitySpecialisation);
      setWorkerId(v.workerId);
      setNotes(v.notes);
      setMembers(v.members);
      if (how.save) save.mutate(v);
      else {
        baseRef.current = v;
        setTouched(false);
        save.reset();
      }
    },
  );
  const save = useMutation({
    mutationFn: (over?: Availability) => {
      const v = over ?? nowValues();
      return updateCaregiver(c.id, { version: versionRef.current, name: c.name, address: c.address, phone: c.phone, notes: v.notes, members: v.members.map((m) => ({ ...m, birthDate: m.birthDate ?? '' })), capacity: v.capacity, ageFrom: v.ageFrom, ageTo: v.ageTo, siblingsAccepted: v.siblingsAccepted, disabilitySpecialisation: v.disabilitySpecialisation, assignedWorkerId: v.workerId || null });
    },
    onError: (e, over) => void conflict.onConflict(e, baseRef.current, over ?? nowValues()),
    onSuccess: (next) => {
      versionRef.current = next.version;
      baseRef.current = availabilityOf(next);
      setTouched(false);
      qc.setQueryData(['caregivers', 'detail', c.id], next);
      void qc.invalidateQueries({ queryKey: ['caregivers', 'list'] });
    },
  });
  const workerOptions = [{ value: '', label: t('caregivers.page.noWorker') }, ...(workers.data ?? []).map((w) => ({ value: w.id, label: w.fullName })), ...(c.assignedWorker && !(workers.data ?? []).some((w) => w.id === c.assignedWorker?.id) ? [{ value: c.assignedWorker.id, label: c.assignedWorker.name }] : [])];
  return (
    <Paper withBorder p="md" radius="md" component="form" aria-labelledby="availability-title" onSubmit={(e: React.FormEvent) => (e.preventDefault(), save.mutate(undefined))} noValidate>
      <UnsavedChangesGuard shouldBlock={() => touched} />
      <Stack gap="sm">
        <Title order={2} size="h3" id="availability-title">
          {t('caregivers.page.availabilityTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput label={t('caregivers.page.capacity')} min={0} max={10} allowDecimal={false} value={capacity} onChange={(v) => touch(setCapacity)(Number(v) || 0)} />
          <NumberInput label={t('caregivers.page.ageFrom')} min={0} max={17} allowDecimal={false} value={ageFrom} onChange={(v) => touch(setAgeFrom)(Number(v) || 0)} />
          <NumberInput label={t('caregivers.page.ageTo')} min={0} max={17} allowDecimal={false} value={ageTo} onChange={(v) => touch(setAgeTo)(Number(v) || 0)} />
        </SimpleGrid>
        <Group gap="lg">
          <Checkbox label={t('caregivers.page.siblingsAccepted')} checked={siblingsAccepted} onChange={(e) => touch(setSiblings)(e.currentTarget.checked)} />
          <Checkbox label={t('caregivers.page.disabilitySpecialisation')} checked={disabilitySpecialisation} onChange={(e) => touch(setDisability)(e.currentTarget.checked)} />
        </Group>
        <NativeSelect label={t('caregivers.page.assignedWorker')} value={workerId} data={workerOptions} onChange={(e) => touch(setWorkerId)(e.currentTarget.value)} maw={420} />
        <HouseholdFields members={members} onChange={touch(setMembers)} errors={{}} />
        <Textarea label={t('caregivers.page.notes')} autosize minRows={1} value={notes} maxLength={4000} onChange={(e) => touch(setNotes)(e.currentTarget.value)} />
        <ConflictMerge
          conflict={conflict}
          labels={{
            capacity: t('caregivers.page.capacity'),
            ageFrom: t('caregivers.page.ageFrom'),
            ageTo: t('caregivers.page.ageTo'),
            siblingsAccepted: t('caregivers.page.siblingsAccepted'),
            disabilitySpecialisation: t('caregivers.page.disabilitySpecialisation'),
            workerId: t('caregivers.page.assignedWorker'),
            notes: t('caregivers.page.notes'),
            members: t('caregivers.page.householdTitle'),
          }}
          textOf={(cf, v) => (cf.path[cf.path.length - 1] === 'workerId' && typeof v === 'string' ? (workerOptions.find((w) => w.value === v)?.label ?? v) : plainText(v, t))}
          onReload={() => void qc.invalidateQueries({ queryKey: ['caregivers', 'detail', c.id] })}
        />
        {save.error && !(isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled)) && <ErrorAlert error={save.error} onReload={() => void qc.invalidateQueries({ queryKey: ['caregivers', 'detail', c.id] })} />}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={conflict.active}>
            {t('caregivers.page.save')}
          </Button>
          {save.isSuccess && !touched && (
            <Text size="sm" c="green.8" role="status">
              {t('caregivers.page.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
