import { Button, Checkbox, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { localDateTimeToInstant, nowLocalDateTime, parseUserDateTime, todayInKyiv } from '../../ui/format.ts';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import { useMe } from '../auth/auth.queries.ts';
import { compareUkrainian } from '../persons/person-name.ts';
import { DateField, ServicesPicker } from '../plans/service-picker.tsx';
import { hromadasQuery } from '../territories/territories.queries.ts';
import { postEmergencyContact, type EmergencyContact } from './emergency.api.ts';

type Member = { uid: string; role: 'child' | 'adult'; surname: string; givenName: string; patronymic: string; birthDate: string | null; sex: 'female' | 'male' | ''; relationship: string };
type Draft = { hromadaId: string; occurredAt: string | null; situation: string; threat: boolean; serviceCodes: string[]; members: Member[] };

let n = 0;
const member = (role: Member['role']): Member => ({ uid: `m${(n += 1)}`, role, surname: '', givenName: '', patronymic: '', birthDate: null, sex: '', relationship: '' });
const empty = (): Draft => ({ hromadaId: '', occurredAt: nowLocalDateTime(), situation: '', threat: false, serviceCodes: [], members: [member('child')] });

function MemberFields({ m, index, ordinal, canRemove, onChange, onRemove, errors }: { m: Member; index: number; ordinal: number; canRemove: boolean; onChange: (m: Member) => void; onRemove: () => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const heading = t('emergency.form.memberTitle', { role: t(`memberRole.${m.role}`), n: ordinal });
  const err = (f: string) => errors[`members.${index}.${f}`] ?? errors[`members.${index}.person.${f}`];
  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby={`ec-${m.uid}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h6" id={`ec-${m.uid}`}>
            {heading}
          </Title>
          {canRemove && (
            <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove}>
              {t('emergency.form.removeMember', { who: heading })}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t('emergency.form.surname')} required value={m.surname} onChange={(e) => onChange({ ...m, surname: e.currentTarget.value })} error={err('surname')} />
          <TextInput label={t('emergency.form.givenName')} required value={m.givenName} onChange={(e) => onChange({ ...m, givenName: e.currentTarget.value })} error={err('givenName')} />
          <TextInput label={t('emergency.form.patronymic')} value={m.patronymic} onChange={(e) => onChange({ ...m, patronymic: e.currentTarget.value })} />
          <DateField label={t('emergency.form.birthDate')} required value={m.birthDate} maxDate={todayInKyiv()} minDate="1900-01-01" onChange={(v) => onChange({ ...m, birthDate: v })} error={err('birthDate')} />
          <Radio.Group label={t('emergency.form.sex')} required value={m.sex} onChange={(v) => onChange({ ...m, sex: v as Member['sex'] })} error={err('sex')}>
            <Group gap="md" mt={6}>
              <Radio value="female" label={t('sex.female')} />
              <Radio value="male" label={t('sex.male')} />
            </Group>
          </Radio.Group>
          <TextInput label={t('emergency.form.relationship')} value={m.relationship} onChange={(e) => onChange({ ...m, relationship: e.currentTarget.value })} />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** Records crisis services given without case management (Law "On Social Services" art. 23; SPEC §2.9). */
export function EmergencyContactForm({ onDone }: { onDone: (created: EmergencyContact | null) => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const hromadas = useQuery(hromadasQuery);
  const [d, setD] = useState<Draft>(empty);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = (next: Draft) => {
    setD(next);
    setDirty(true);
  };
  useEffect(() => {
    const items = hromadas.data;
    if (!items || d.hromadaId) return;
    const own = me.grants.filter((g) => g.organisationType === 'css' || g.organisationType === 'cas').map((g) => g.hromadaId).find((id) => id !== null && items.some((h) => h.id === id));
    const pick = own ?? (items.length === 1 ? items[0]?.id : undefined);
    if (pick) setD((x) => ({ ...x, hromadaId: pick }));
  }, [hromadas.data, d.hromadaId, me.grants]);
  const hromadaOptions = useMemo(
    () => [
      { value: '', label: t('emergency.form.hromadaPlaceholder'), disabled: true },
      ...(hromadas.data ?? []).map((h) => ({ value: h.id, label: i18n.language === 'en' ? h.nameEn || h.nameUk : h.nameUk })).sort((a, b) => compareUkrainian(a.label, b.label)),
    ],
    [hromadas.data, i18n.language, t],
  );
  const save = useMutation({
    mutationFn: () =>
      postEmergencyContact({
        hromadaId: d.hromadaId,
        occurredAt: localDateTimeToInstant(d.occurredAt ?? nowLocalDateTime()),
        situation: d.situation,
        threatToLifeOrHealth: d.threat,
        serviceCodes: d.serviceCodes,
        members: d.members.map((m) => ({
          role: m.role,
          relationship: m.relationship,
          person: { surname: m.surname, givenName: m.givenName, patronymic: m.patronymic, birthDate: m.birthDate ?? '', sex: m.sex as 'female' | 'male' },
        })),
      }),
    onSuccess: async (created) => {
      setDirty(false);
      await queryClient.invalidateQueries({ queryKey: ['emergency-contacts'] });
      onDone(created);
    },
    onError: (e) => setErrors(fieldErrorsOf(t, e)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const req = t('common.required');
    const errs: Record<string, string> = {};
    if (!d.hromadaId) errs.hromadaId = req;
    if (!d.occurredAt) errs.occurredAt = req;
    if (!d.situation.trim()) errs.situation = req;
    if (d.serviceCodes.length === 0) errs.serviceCodes = t('emergency.form.servicesRequired');
    d.members.forEach((m, i) => {
      if (!m.surname.trim()) errs[`members.${i}.surname`] = req;
      if (!m.givenName.trim()) errs[`members.${i}.givenName`] = req;
      if (!m.birthDate) errs[`members.${i}.birthDate`] = req;
      if (!m.sex) errs[`members.${i}.sex`] = req;
    });
    setErrors(errs);
    if (Object.keys(errs).length === 0) save.mutate();
  };
  const ordinal = (i: number) => d.members.slice(0, i + 1).filter((m) => m.role === d.members[i]?.role).length;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ec-form-title">
      <UnsavedChangesGuard shouldBlock={() => dirty} />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="ec-form-title">
            {t('emergency.form.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('emergency.legal')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect label={t('emergency.form.hromada')} required data={hromadaOptions} value={d.hromadaId} onChange={(e) => change({ ...d, hromadaId: e.currentTarget.value })} error={errors.hromadaId} />
            <DateInput
              label={t('emergency.form.occurredAt')}
              description={t('common.dateTimeFormatHint')}
              required
              withTime
              valueFormat="DD.MM.YYYY HH:mm"
              dateParser={parseUserDateTime}
              value={d.occurredAt}
              onChange={(v) => change({ ...d, occurredAt: v ? String(v) : null })}
              error={errors.occurredAt}
            />
          </SimpleGrid>
          <Textarea label={t('emergency.form.situation')} description={t('emergency.form.situationHint')} required autosize minRows={3} value={d.situation} onChange={(e) => change({ ...d, situation: e.currentTarget.value })} error={errors.situation} />
          <Checkbox label={t('emergency.form.threat')} checked={d.threat} onChange={(e) => change({ ...d, threat: e.currentTarget.checked })} />
          <ServicesPicker label={t('emergency.form.services')} value={d.serviceCodes} onChange={(codes) => change({ ...d, serviceCodes: codes })} error={errors.serviceCodes} />
          {d.members.map((m, i) => (
            <MemberFields
              key={m.uid}
              m={m}
              index={i}
              ordinal={ordinal(i)}
              canRemove={d.members.length > 1}
              errors={errors}
              onChange={(next) => change({ ...d, members: d.members.map((x) => (x.uid === m.uid ? next : x)) })}
              onRemove={() => change({ ...d, members: d.members.filter((x) => x.uid !== m.uid) })}
            />
          ))}
          <Group gap="sm">
            <Button variant="default" size="sm" onClick={() => change({ ...d, members: [...d.members, member('child')] })}>
              {t('emergency.form.addChild')}
            </Button>
            <Button variant="default" size="sm" onClick={() => change({ ...d, members: [...d.members, member('adult')] })}>
              {t('emergency.form.addAdult')}
            </Button>
          </Group>
          {save.isError && <ErrorAlert error={save.error} />}
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {t('emergency.form.submit')}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                setDirty(false);
                onDone(null);
              }}
            >
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
