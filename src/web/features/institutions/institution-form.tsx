import { Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  institutionGovernanceLevels,
  institutionOwnerships,
  institutionStatuses,
  institutionSubordinations,
  institutionTypes,
  type InstitutionGovernanceLevel,
  type InstitutionOwnership,
  type InstitutionStatus,
  type InstitutionSubordination,
  type InstitutionType,
} from '#domain/institutions/institutions.ts';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { createInstitution, updateInstitution, type Institution } from './institutions.api.ts';
import { institutionQuery, usePlaceOptions } from './institutions.queries.ts';

type Props = { institution?: Institution | undefined; onClose: () => void; onSaved: (i: Institution) => void };

/**
 * Creates or changes an institution of the register (SPEC §6): names, type, subordination, ownership, founder level,
 * places, place and status. What was typed stays when the server refuses (e.g. a stale version: reload offered).
 */
export function InstitutionForm({ institution, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const places = usePlaceOptions();
  const i = institution;
  const [nameUk, setNameUk] = useState(i?.nameUk ?? '');
  const [nameEn, setNameEn] = useState(i?.nameEn ?? '');
  const [type, setType] = useState<InstitutionType | null>(i?.type ?? null);
  const [subordination, setSubordination] = useState<InstitutionSubordination | null>(i?.subordination ?? null);
  const [ownership, setOwnership] = useState<InstitutionOwnership | null>(i?.ownership ?? null);
  const [governanceLevel, setGovernanceLevel] = useState<InstitutionGovernanceLevel | null>(i?.governanceLevel ?? null);
  const [capacity, setCapacity] = useState<number | string>(i?.capacity ?? '');
  const [status, setStatus] = useState<InstitutionStatus>(i?.status ?? 'operating');
  const [oblastId, setOblastId] = useState<string | null>(i?.oblast.id ?? (places.oblasts.length === 1 ? (places.oblasts[0]?.value ?? null) : null));
  const [hromadaId, setHromadaId] = useState<string | null>(i?.hromada?.id ?? null);
  const [address, setAddress] = useState(i?.address ?? '');
  const [edrpou, setEdrpou] = useState(i?.edrpou ?? '');
  const [notes, setNotes] = useState(i?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The version the change is based on; a conflict reloads it while the typed values stay.
  const [baseVersion, setBaseVersion] = useState(i?.version ?? 0);
  const mutation = useMutation({
    mutationFn: () => {
      const body = {
        nameUk: nameUk.trim(),
        nameEn: nameEn.trim(),
        type: type as InstitutionType,
        subordination: subordination as InstitutionSubordination,
        ownership: ownership as InstitutionOwnership,
        governanceLevel: governanceLevel as InstitutionGovernanceLevel,
        capacity: Number(capacity),
        status,
        oblastId: oblastId ?? '',
        hromadaId,
        address: address.trim(),
        edrpou: edrpou.trim(),
        notes: notes.trim(),
      };
      return i ? updateInstitution(i.id, { ...body, version: baseVersion }) : createInstitution(body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['institutions'] });
      onSaved(saved);
    },
  });
  const serverErrors = fieldErrorsOf(t, mutation.error);
  const err = (k: string) => errors[k] ?? serverErrors[k];
  const submit = () => {
    const next: Record<string, string> = {};
    const required = t('institutions.form.required');
    if (!nameUk.trim()) next.nameUk = required;
    if (!type) next.type = required;
    if (!subordination) next.subordination = required;
    if (!ownership) next.ownership = required;
    if (!governanceLevel) next.governanceLevel = required;
    if (capacity === '') next.capacity = required;
    if (!oblastId) next.oblastId = required;
    if (edrpou.trim() && !/^\d{8}$/.test(edrpou.trim())) next.edrpou = t('institutions.form.edrpouInvalid');
    setErrors(next);
    if (Object.keys(next).length === 0) mutation.mutate();
  };
  const options = <T extends string>(codes: readonly T[], prefix: string) => codes.map((c) => ({ value: c, label: t(`${prefix}.${c}` as 'institutions.nav') }));
  return (
    <Modal opened onClose={onClose} title={i ? t('institutions.form.titleEdit') : t('institutions.form.titleNew')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput label={t('institutions.form.nameUk')} value={nameUk} onChange={(e) => setNameUk(e.currentTarget.value)} error={err('nameUk')} maxLength={300} required />
          <TextInput label={t('institutions.form.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} maxLength={300} />
          <Group grow align="flex-start" wrap="wrap">
            <Select label={t('institutions.form.type')} data={options(institutionTypes, 'institutions.type')} value={type} onChange={(v) => setType(v as InstitutionType | null)} error={err('type')} required miw={220} comboboxProps={{ withinPortal: true }} />
            <Select
              label={t('institutions.form.subordination')}
              data={options(institutionSubordinations, 'institutions.subordination')}
              value={subordination}
              onChange={(v) => setSubordination(v as InstitutionSubordination | null)}
              error={err('subordination')}
              required
              miw={220}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <Select label={t('institutions.form.ownership')} data={options(institutionOwnerships, 'institutions.ownership')} value={ownership} onChange={(v) => setOwnership(v as InstitutionOwnership | null)} error={err('ownership')} required miw={160} comboboxProps={{ withinPortal: true }} />
            <Select
              label={t('institutions.form.governanceLevel')}
              data={options(institutionGovernanceLevels, 'institutions.governanceLevel')}
              value={governanceLevel}
              onChange={(v) => setGovernanceLevel(v as InstitutionGovernanceLevel | null)}
              error={err('governanceLevel')}
              required
              miw={160}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput label={t('institutions.form.capacity')} value={capacity} onChange={setCapacity} min={0} max={100000} allowDecimal={false} allowNegative={false} error={err('capacity')} required miw={120} />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('institutions.form.oblast')}
              data={places.oblasts}
              value={oblastId}
              onChange={(v) => {
                setOblastId(v);
                setHromadaId(null);
              }}
              error={err('oblastId')}
              required
              searchable
              miw={200}
              comboboxProps={{ withinPortal: true }}
            />
            <Select label={t('institutions.form.hromada')} description={t('institutions.form.hromadaHint')} data={places.hromadasOf(oblastId)} value={hromadaId} onChange={setHromadaId} error={err('hromadaId')} searchable clearable miw={200} comboboxProps={{ withinPortal: true }} />
          </Group>
          <Select label={t('institutions.form.status')} data={options(institutionStatuses, 'institutions.status')} value={status} onChange={(v) => v && setStatus(v as InstitutionStatus)} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('institutions.form.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} maxLength={500} miw={240} />
            <TextInput label={t('institutions.form.edrpou')} value={edrpou} onChange={(e) => setEdrpou(e.currentTarget.value)} error={err('edrpou')} inputMode="numeric" maxLength={8} miw={140} />
          </Group>
          <Textarea label={t('institutions.form.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          <ErrorAlert
            error={mutation.error}
            onReload={
              i
                ? () => {
                    void queryClient.fetchQuery({ ...institutionQuery(i.id), staleTime: 0 }).then((fresh) => {
                      setBaseVersion(fresh.version);
                      mutation.reset();
                    });
                  }
                : undefined
            }
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('institutions.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
