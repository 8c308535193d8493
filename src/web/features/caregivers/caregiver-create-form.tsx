import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caregiverTypes, type CaregiverType } from '#domain/caregivers/caregivers.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { todayInKyiv } from '../../ui/format.ts';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import { DateField } from '../safety/date-fields.tsx';
import { hromadasQuery } from '../territories/territories.queries.ts';
import { createCaregiver, type Caregiver } from './caregivers.api.ts';
import { emptyMember, HouseholdFields, type MemberDraft } from './household-fields.tsx';

/** Registers a statement of intent: form of care, name, hromada, date, household. */
export function CaregiverCreateForm({ onSaved, onCancel }: { onSaved: (c: Caregiver) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const hromadas = useQuery(hromadasQuery);
  const [type, setType] = useState<CaregiverType | ''>('');
  const [name, setName] = useState('');
  const [hromadaId, setHromadaId] = useState('');
  const [intentDate, setIntentDate] = useState<string | null>(todayInKyiv());
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [members, setMembers] = useState<MemberDraft[]>([emptyMember('applicant')]);
  const [touched, setTouched] = useState(false);
  const saved = useRef(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const touch = <T,>(f: (v: T) => void) => (v: T) => {
    setTouched(true);
    f(v);
  };
  const save = useMutation({
    mutationFn: () => createCaregiver({ caregiverType: type as CaregiverType, name, hromadaId, intentDate: intentDate ?? '', address, phone, members: members.map((m) => ({ ...m, birthDate: m.birthDate ?? '' })) }),
    onSuccess: (c) => {
      saved.current = true;
      setTouched(false);
      void qc.invalidateQueries({ queryKey: ['caregivers'] });
      onSaved(c);
    },
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const req = t('common.required');
    const errors: Record<string, string> = {};
    if (!type) errors.type = req;
    if (!name.trim()) errors.name = req;
    if (!hromadaId) errors.hromadaId = req;
    if (!intentDate) errors.intentDate = req;
    members.forEach((m, i) => {
      if (!m.surname.trim()) errors[`m${i}.surname`] = req;
      if (!m.givenName.trim()) errors[`m${i}.givenName`] = req;
      if (!m.birthDate) errors[`m${i}.birthDate`] = req;
    });
    setLocal(errors);
    if (Object.keys(errors).length === 0) save.mutate();
  };
  const hromadaOptions = (hromadas.data ?? []).map((h) => ({ value: h.id, label: i18n.language === 'en' ? h.nameEn : h.nameUk }));
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-labelledby="caregiver-create-title">
      <UnsavedChangesGuard shouldBlock={() => touched && !saved.current} />
      <Stack gap="sm">
        <Title order={2} size="h3" id="caregiver-create-title">
          {t('caregivers.create.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect label={t('caregivers.create.type')} required error={local.type} value={type} data={[{ value: '', label: t('care.fields.choose'), disabled: true }, ...caregiverTypes.map((c) => ({ value: c, label: t(`caregivers.type.${c}`) }))]} onChange={(e) => touch(setType)(e.currentTarget.value as CaregiverType)} />
          <TextInput label={t('caregivers.create.name')} description={t('caregivers.create.nameHint')} required error={local.name} value={name} maxLength={300} onChange={(e) => touch(setName)(e.currentTarget.value)} />
          <NativeSelect label={t('caregivers.create.hromada')} required error={local.hromadaId} value={hromadaId} data={[{ value: '', label: t('care.fields.choose'), disabled: true }, ...hromadaOptions]} onChange={(e) => touch(setHromadaId)(e.currentTarget.value)} />
          <DateField label={t('caregivers.create.intentDate')} required error={local.intentDate} value={intentDate} onChange={touch(setIntentDate)} />
          <TextInput label={t('caregivers.create.address')} value={address} maxLength={500} onChange={(e) => touch(setAddress)(e.currentTarget.value)} />
          <TextInput label={t('caregivers.create.phone')} value={phone} maxLength={100} onChange={(e) => touch(setPhone)(e.currentTarget.value)} />
        </SimpleGrid>
        <HouseholdFields members={members} onChange={touch(setMembers)} errors={local} />
        {save.error && <ErrorAlert error={save.error} />}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('caregivers.create.submit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('caregivers.create.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
