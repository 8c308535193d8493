import { Checkbox, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { careCapacities, relativeRelations, verificationMethods, willingnessLevels, type CareCapacity, type RelativeRelation, type VerificationMethod, type Willingness } from '#domain/cases/family-tracing.ts';
import { isApiError } from '../../ui/api-client.ts';
import { ConflictChoice, plainText } from '../../ui/conflict-merge.tsx';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { todayInKyiv } from '../../ui/format.ts';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { formatFullName, sortBySurname } from '../persons/person-name.ts';
import { DateField } from '../safety/date-fields.tsx';
import { addRelative, fetchRelatives, saveRelative, type Relative } from './tracing.api.ts';
import { relativesQuery } from './tracing.queries.ts';
import { InlineFormActions } from '../../ui/form-actions.tsx';
import { caseChildren } from '../cases/case-title.ts';

type Assessment = {
  relation: RelativeRelation | '';
  contact: string;
  verified: boolean;
  verifiedOn: string | null;
  verificationMethod: VerificationMethod | '';
  willingness: Willingness;
  capacity: CareCapacity | '';
  assessmentNotes: string;
};
type Person = { surname: string; givenName: string; patronymic: string; birthDate: string | null; sex: 'female' | 'male' | '' };

const fromRelative = (r: Relative): Assessment => ({
  relation: r.relation,
  contact: r.contact,
  verified: r.verified,
  verifiedOn: r.verifiedOn,
  verificationMethod: r.verificationMethod ?? '',
  willingness: r.willingness,
  capacity: r.capacity ?? '',
  assessmentNotes: r.assessmentNotes,
});
const emptyAssessment = (): Assessment => ({ relation: '', contact: '', verified: false, verifiedOn: null, verificationMethod: '', willingness: 'undecided', capacity: '', assessmentNotes: '' });

/**
 * Adds a relative found (a new person) or updates a relative's verification, willingness and capacity
 * (000 §3.3 item 2: found kin are verified, then assessed for willingness and capacity).
 */
export function RelativeForm({ c, relative, onDone, onCancel }: { c: CaseDetail; relative?: Relative; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const children = sortBySurname(caseChildren(c));
  const [a, setA] = useState<Assessment>(() => (relative ? fromRelative(relative) : emptyAssessment()));
  const [p, setP] = useState<Person>({ surname: '', givenName: '', patronymic: '', birthDate: null, sex: '' });
  const [childId, setChildId] = useState(children[0]?.personId ?? '');
  const [touched, setTouched] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const bodyOf = (x: Assessment) => ({
    relation: x.relation as RelativeRelation,
    contact: x.contact,
    verified: x.verified,
    verifiedOn: x.verified ? x.verifiedOn : null,
    verificationMethod: x.verified && x.verificationMethod ? x.verificationMethod : null,
    willingness: x.willingness,
    capacity: x.capacity === '' ? null : x.capacity,
    assessmentNotes: x.assessmentNotes,
  });
  const assessmentBody = () => bodyOf(a);
  // No lost updates (SPEC §11): after a 409 the dialog shows both versions — keep mine or take theirs.
  const baseRef = useRef<Assessment | null>(relative ? fromRelative(relative) : null);
  const versionRef = useRef(relative?.version ?? 0);
  const pendingSave = useRef<Assessment | null>(null);
  const conflict = useConflictMerge<Assessment>(
    async () => {
      const current = (await fetchRelatives(c.id)).items.find((r) => r.id === relative?.id);
      return current ? { value: fromRelative(current), version: current.version, updatedAt: current.updatedAt } : null;
    },
    (value, version, how) => {
      versionRef.current = version;
      setA(value);
      if (how.save) {
        pendingSave.current = value;
        save.mutate();
      } else {
        baseRef.current = value;
        setTouched(false);
        save.reset();
      }
    },
  );
  const save = useMutation({
    mutationFn: () =>
      relative
        ? saveRelative(c.id, relative.id, { ...bodyOf(pendingSave.current ?? a), version: versionRef.current })
        : addRelative(c.id, {
            ...assessmentBody(),
            childPersonId: childId,
            person: { surname: p.surname, givenName: p.givenName, patronymic: p.patronymic, birthDate: p.birthDate ?? '', sex: p.sex as 'female' | 'male' },
          }),
    onError: (e) => {
      const mine = pendingSave.current ?? a;
      pendingSave.current = null;
      if (baseRef.current) conflict.onConflict(e, baseRef.current, mine);
    },
    onSuccess: async () => {
      pendingSave.current = null;
      setTouched(false);
      await Promise.all([queryClient.invalidateQueries({ queryKey: relativesQuery(c.id).queryKey }), queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey })]);
      onDone();
    },
  });
  const server = fieldErrorsOf(t, save.error);
  const setAs = <K extends keyof Assessment>(k: K, v: Assessment[K]) => {
    setTouched(true);
    setA((x) => ({ ...x, [k]: v }));
  };
  const setPs = <K extends keyof Person>(k: K, v: Person[K]) => {
    setTouched(true);
    setP((x) => ({ ...x, [k]: v }));
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    const req = t('common.required');
    if (!relative) {
      if (!p.surname.trim()) errors['person.surname'] = req;
      if (!p.givenName.trim()) errors['person.givenName'] = req;
      if (!p.birthDate) errors['person.birthDate'] = req;
      if (!p.sex) errors['person.sex'] = req;
    }
    if (!a.relation) errors.relation = req;
    if (a.verified && !a.verifiedOn) errors.verifiedOn = req;
    if (a.verified && !a.verificationMethod) errors.verificationMethod = req;
    setLocal(errors);
    if (Object.keys(errors).length === 0) save.mutate();
  };
  const err = (k: string) => local[k] ?? server[k];
  const titleId = relative ? `relative-form-${relative.id}` : 'relative-form-new';
  return (
    <Paper withBorder p="sm" radius="sm" component="form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <UnsavedChangesGuard shouldBlock={() => touched} />
      <Stack gap="sm">
        <Title order={3} size="h5" id={titleId}>
          {relative ? t('tracing.editRelative', { name: formatFullName(relative.person) }) : t('tracing.relativeFormTitle')}
        </Title>
        {!relative && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput label={t('tracing.relativeFields.surname')} required autoComplete="off" error={err('person.surname')} value={p.surname} onChange={(e) => setPs('surname', e.currentTarget.value)} />
              <TextInput label={t('tracing.relativeFields.givenName')} required autoComplete="off" error={err('person.givenName')} value={p.givenName} onChange={(e) => setPs('givenName', e.currentTarget.value)} />
              <TextInput label={t('tracing.relativeFields.patronymic')} autoComplete="off" value={p.patronymic} onChange={(e) => setPs('patronymic', e.currentTarget.value)} />
              <DateField label={t('tracing.relativeFields.birthDate')} required error={err('person.birthDate')} value={p.birthDate} onChange={(v) => setPs('birthDate', v)} />
              <Radio.Group label={t('tracing.relativeFields.sex')} required error={err('person.sex')} value={p.sex} onChange={(v) => setPs('sex', v as Person['sex'])}>
                <Group gap="md" mt={6}>
                  <Radio value="female" label={t('safetyAct.sex.female')} />
                  <Radio value="male" label={t('safetyAct.sex.male')} />
                </Group>
              </Radio.Group>
            </SimpleGrid>
            {children.length > 1 && (
              <NativeSelect label={t('tracing.relativeFields.child')} value={childId} data={children.map((m) => ({ value: m.personId, label: formatFullName(m) }))} onChange={(e) => setChildId(e.currentTarget.value)} />
            )}
          </>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('tracing.relativeFields.relation')}
            required
            error={err('relation')}
            value={a.relation}
            data={[{ value: '', label: '—', disabled: true }, ...relativeRelations.map((r) => ({ value: r, label: t(`tracing.relation.${r}`) }))]}
            onChange={(e) => setAs('relation', e.currentTarget.value as RelativeRelation)}
          />
          <TextInput label={t('tracing.relativeFields.contact')} value={a.contact} onChange={(e) => setAs('contact', e.currentTarget.value)} />
        </SimpleGrid>
        <Checkbox
          label={t('tracing.relativeFields.verified')}
          checked={a.verified}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setTouched(true);
            setA((x) => ({ ...x, verified: checked, verifiedOn: checked ? (x.verifiedOn ?? todayInKyiv()) : x.verifiedOn }));
          }}
        />
        {a.verified && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField label={t('tracing.relativeFields.verifiedOn')} required error={err('verifiedOn')} value={a.verifiedOn} onChange={(v) => setAs('verifiedOn', v)} />
            <NativeSelect
              label={t('tracing.relativeFields.verificationMethod')}
              required
              error={err('verificationMethod')}
              value={a.verificationMethod}
              data={[{ value: '', label: '—', disabled: true }, ...verificationMethods.map((m) => ({ value: m, label: t(`tracing.verificationMethod.${m}`) }))]}
              onChange={(e) => setAs('verificationMethod', e.currentTarget.value as VerificationMethod)}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Radio.Group label={t('tracing.relativeFields.willingness')} value={a.willingness} onChange={(v) => setAs('willingness', v as Willingness)}>
            <Stack gap={4} mt={6}>
              {willingnessLevels.map((w) => <Radio key={w} value={w} label={t(`tracing.willingness.${w}`)} />)}
            </Stack>
          </Radio.Group>
          <Radio.Group label={t('tracing.relativeFields.capacity')} value={a.capacity} onChange={(v) => setAs('capacity', v as CareCapacity | '')}>
            <Stack gap={4} mt={6}>
              <Radio value="" label={t('tracing.relativeFields.capacityNotAssessed')} />
              {careCapacities.map((cc) => <Radio key={cc} value={cc} label={t(`tracing.capacity.${cc}`)} />)}
            </Stack>
          </Radio.Group>
        </SimpleGrid>
        <Textarea label={t('tracing.relativeFields.assessmentNotes')} autosize minRows={2} value={a.assessmentNotes} onChange={(e) => setAs('assessmentNotes', e.currentTarget.value)} />
        <ConflictChoice
          conflict={conflict}
          labels={{
            relation: t('tracing.relativeFields.relation'),
            contact: t('tracing.relativeFields.contact'),
            verified: t('tracing.relativeFields.verified'),
            verifiedOn: t('tracing.relativeFields.verifiedOn'),
            verificationMethod: t('tracing.relativeFields.verificationMethod'),
            willingness: t('tracing.relativeFields.willingness'),
            capacity: t('tracing.relativeFields.capacity'),
            assessmentNotes: t('tracing.relativeFields.assessmentNotes'),
          }}
          textOf={(cf, v) => {
            const field = String(cf.path[cf.path.length - 1]);
            const prefix = { relation: 'tracing.relation', verificationMethod: 'tracing.verificationMethod', willingness: 'tracing.willingness', capacity: 'tracing.capacity' }[field];
            return prefix && typeof v === 'string' && v !== '' ? t(`${prefix}.${v}` as 'tracing.title', { defaultValue: v }) : plainText(v, t);
          }}
          onReload={() => {
            void queryClient.invalidateQueries({ queryKey: relativesQuery(c.id).queryKey });
            onCancel();
          }}
        />
        {save.error && !(isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled)) && <ErrorAlert error={save.error} onReload={
              isApiError(save.error, 'version_conflict')
                ? () => {
                    void queryClient.invalidateQueries({ queryKey: relativesQuery(c.id).queryKey });
                    onCancel();
                  }
                : undefined
            } />}
        <InlineFormActions onCancel={onCancel} pending={save.isPending} />
      </Stack>
    </Paper>
  );
}
