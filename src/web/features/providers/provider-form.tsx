import { ActionIcon, Button, Fieldset, Group, Modal, MultiSelect, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { providerKinds, providerStatuses, type ProviderKind, type ProviderStatus } from '#domain/services/providers.ts';
import { ConflictMerge, plainText } from '../../ui/conflict-merge.tsx';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { isApiError } from '../../ui/api-client.ts';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { hasRole, useMe } from '../auth/auth.queries.ts';
import { useServiceOptions } from '../catalogue/catalogue.queries.ts';
import { hromadasQuery } from '../territories/territories.queries.ts';
import { createProvider, fetchProvider, updateProvider, type Provider } from './providers.api.ts';
import { ModalFormActions } from '../../ui/form-actions.tsx';

type ServiceRow = { key: number; serviceCode: string | null; capacity: number | string };
/** The provider as this form edits it (the body of a save, without the version). */
type ProviderValues = {
  nameUk: string;
  nameEn: string;
  hromadaId: string;
  kind: ProviderKind;
  status: ProviderStatus;
  registryNumber: string;
  edrpou: string;
  address: string;
  phone: string;
  email: string;
  contactPerson: string;
  notes: string;
  services: Array<{ serviceCode: string; capacity: number | null }>;
  servedHromadaIds: string[];
};
const valuesOf = (p: Provider): ProviderValues => ({
  nameUk: p.nameUk,
  nameEn: p.nameEn,
  hromadaId: p.hromada?.id ?? '',
  kind: p.kind,
  status: p.status,
  registryNumber: p.registryNumber,
  edrpou: p.edrpou,
  address: p.address,
  phone: p.phone,
  email: p.email,
  contactPerson: p.contactPerson,
  notes: p.notes,
  services: p.services.map((s) => ({ serviceCode: s.serviceCode, capacity: s.capacity ?? null })),
  servedHromadaIds: p.servedHromadas.map((h) => h.id),
});
type Props = { provider?: Provider | undefined; onClose: () => void; onSaved: (p: Provider) => void };

/** Hromadas as options in the interface language; `only` limits them (a planner registers providers of their hromada). */
function useHromadaOptions(only?: readonly string[]) {
  const { i18n } = useTranslation();
  const query = useQuery(hromadasQuery);
  return useMemo(
    () => (query.data ?? []).filter((h) => !only || only.includes(h.id)).map((h) => ({ value: h.id, label: i18n.language === 'en' ? h.nameEn : h.nameUk })),
    [query.data, only, i18n.language],
  );
}

/**
 * Creates or changes a provider of the register (SPEC §4.2): names, location, legal form, status, contacts, the
 * services with their places, the hromadas served. The system administrator registers anywhere, a community planner
 * in their hromada. What was typed stays when the server refuses.
 */
export function ProviderForm({ provider, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const isAdmin = hasRole(me, 'system_admin');
  const plannerHromadas = useMemo(() => me.grants.filter((g) => g.role === 'community_planner' && g.hromadaId).map((g) => g.hromadaId as string), [me.grants]);
  const locationOptions = useHromadaOptions(isAdmin ? undefined : plannerHromadas);
  const allHromadas = useHromadaOptions();
  const serviceOptions = useServiceOptions();
  const [nameUk, setNameUk] = useState(provider?.nameUk ?? '');
  const [nameEn, setNameEn] = useState(provider?.nameEn ?? '');
  const [hromadaId, setHromadaId] = useState<string | null>(provider?.hromada?.id ?? (plannerHromadas.length === 1 && !isAdmin ? (plannerHromadas[0] ?? null) : null));
  const [kind, setKind] = useState<ProviderKind | null>(provider?.kind ?? null);
  const [status, setStatus] = useState<ProviderStatus>(provider?.status ?? 'active');
  const [registryNumber, setRegistryNumber] = useState(provider?.registryNumber ?? '');
  const [edrpou, setEdrpou] = useState(provider?.edrpou ?? '');
  const [address, setAddress] = useState(provider?.address ?? '');
  const [phone, setPhone] = useState(provider?.phone ?? '');
  const [email, setEmail] = useState(provider?.email ?? '');
  const [contactPerson, setContactPerson] = useState(provider?.contactPerson ?? '');
  const [notes, setNotes] = useState(provider?.notes ?? '');
  const [rows, setRows] = useState<ServiceRow[]>(() => (provider?.services ?? []).map((s, i) => ({ key: i, serviceCode: s.serviceCode, capacity: s.capacity ?? '' })));
  const [served, setServed] = useState<string[]>(provider?.servedHromadas.map((h) => h.id) ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // No lost updates (SPEC §11): the provider as loaded is the base of a three-way merge after a 409.
  const baseRef = useRef<ProviderValues | null>(provider ? valuesOf(provider) : null);
  const versionRef = useRef(provider?.version ?? 0);
  const applyValues = (v: ProviderValues) => {
    setNameUk(v.nameUk);
    setNameEn(v.nameEn);
    setHromadaId(v.hromadaId || null);
    setKind(v.kind);
    setStatus(v.status);
    setRegistryNumber(v.registryNumber);
    setEdrpou(v.edrpou);
    setAddress(v.address);
    setPhone(v.phone);
    setEmail(v.email);
    setContactPerson(v.contactPerson);
    setNotes(v.notes);
    setRows(v.services.map((s, i) => ({ key: i, serviceCode: s.serviceCode, capacity: s.capacity ?? '' })));
    setServed(v.servedHromadaIds);
  };
  const conflict = useConflictMerge<ProviderValues>(
    async () => {
      if (!provider) return null;
      const current = await fetchProvider(provider.id);
      return { value: valuesOf(current), version: current.version };
    },
    (value, version, how) => {
      versionRef.current = version;
      applyValues(value);
      if (how.save) mutation.mutate(value);
      else {
        baseRef.current = value;
        mutation.reset();
      }
    },
  );
  const mutation = useMutation({
    mutationFn: (over?: ProviderValues) => {
      const body: ProviderValues = over ?? currentValues();
      return provider ? updateProvider(provider.id, { ...body, version: versionRef.current }) : createProvider(body);
    },
    onError: (e, over) => {
      if (provider && baseRef.current) conflict.onConflict(e, baseRef.current, over ?? currentValues());
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['providers'] });
      onSaved(saved);
    },
  });
  const currentValues = (): ProviderValues => ({
    nameUk: nameUk.trim(),
    nameEn: nameEn.trim(),
    hromadaId: hromadaId ?? '',
    kind: kind as ProviderKind,
    status,
    registryNumber: registryNumber.trim(),
    edrpou: edrpou.trim(),
    address: address.trim(),
    phone: phone.trim(),
    email: email.trim(),
    contactPerson: contactPerson.trim(),
    notes: notes.trim(),
    services: rows.filter((r) => r.serviceCode).map((r) => ({ serviceCode: r.serviceCode as string, capacity: r.capacity === '' ? null : Number(r.capacity) })),
    servedHromadaIds: served,
  });
  const serverErrors = fieldErrorsOf(t, mutation.error);
  const err = (k: string) => errors[k] ?? serverErrors[k];

  const submit = () => {
    const next: Record<string, string> = {};
    if (!nameUk.trim()) next.nameUk = t('providers.form.required');
    if (!nameEn.trim()) next.nameEn = t('providers.form.required');
    if (!hromadaId) next.hromadaId = t('providers.form.required');
    if (!kind) next.kind = t('providers.form.required');
    if (edrpou.trim() && !/^(\d{8}|\d{10})$/.test(edrpou.trim())) next.edrpou = t('providers.form.edrpouInvalid');
    const codes = rows.map((r) => r.serviceCode).filter(Boolean);
    if (new Set(codes).size !== codes.length) next.services = t('providers.form.duplicateService');
    setErrors(next);
    if (Object.keys(next).length === 0) mutation.mutate(undefined);
  };

  const setRow = (key: number, patch: Partial<ServiceRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Modal opened onClose={onClose} title={provider ? t('providers.form.titleEdit') : t('providers.form.titleNew')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput label={t('providers.form.nameUk')} value={nameUk} onChange={(e) => setNameUk(e.currentTarget.value)} error={err('nameUk')} maxLength={300} required />
          <TextInput label={t('providers.form.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} error={err('nameEn')} maxLength={300} required />
          <Group grow align="flex-start" wrap="wrap">
            <Select label={t('providers.form.hromada')} data={locationOptions} value={hromadaId} onChange={setHromadaId} searchable error={err('hromadaId')} required miw={200} comboboxProps={{ withinPortal: true }} />
            <Select
              label={t('providers.form.kind')}
              data={providerKinds.map((k) => ({ value: k, label: t(`providers.kind.${k}`) }))}
              value={kind}
              onChange={(v) => setKind(v as ProviderKind | null)}
              error={err('kind')}
              required
              miw={200}
            />
            <Select
              label={t('providers.form.status')}
              data={providerStatuses.map((s) => ({ value: s, label: t(`providers.status.${s}`) }))}
              value={status}
              onChange={(v) => v && setStatus(v as ProviderStatus)}
              allowDeselect={false}
              miw={160}
            />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('providers.form.registryNumber')} value={registryNumber} onChange={(e) => setRegistryNumber(e.currentTarget.value)} maxLength={50} miw={200} />
            <TextInput label={t('providers.form.edrpou')} description={t('providers.form.edrpouHint')} value={edrpou} onChange={(e) => setEdrpou(e.currentTarget.value)} error={err('edrpou')} inputMode="numeric" maxLength={10} miw={200} />
          </Group>
          <TextInput label={t('providers.form.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} maxLength={500} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('providers.form.phone')} description={t('providers.form.phoneHint')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} type="tel" maxLength={50} miw={200} />
            <TextInput label={t('providers.form.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={err('email')} type="email" maxLength={200} miw={200} />
          </Group>
          <TextInput label={t('providers.form.contactPerson')} value={contactPerson} onChange={(e) => setContactPerson(e.currentTarget.value)} maxLength={200} />
          <Fieldset legend={t('providers.form.services')} variant="unstyled" styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-sm)' } }}>
            <Stack gap="xs">
              <Text size="xs" c="dimmed">
                {t('providers.form.servicesHint')}
              </Text>
              {rows.map((r, i) => (
                <Group key={r.key} align="flex-end" wrap="nowrap" gap="xs">
                  <Select
                    label={t('providers.form.serviceRow', { n: i + 1 })}
                    data={serviceOptions}
                    value={r.serviceCode}
                    onChange={(v) => setRow(r.key, { serviceCode: v })}
                    searchable
                    style={{ flex: 1 }}
                    comboboxProps={{ withinPortal: true }}
                  />
                  <NumberInput label={t('providers.form.capacity')} value={r.capacity} onChange={(v) => setRow(r.key, { capacity: v })} min={0} max={100000} allowDecimal={false} allowNegative={false} w={110} />
                  <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={t('providers.form.removeService', { n: i + 1 })} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                    ×
                  </ActionIcon>
                </Group>
              ))}
              {errors.services && (
                <Text size="sm" c="red.8" role="alert">
                  {errors.services}
                </Text>
              )}
              <div>
                <Button variant="light" size="xs" onClick={() => setRows((rs) => [...rs, { key: Math.max(0, ...rs.map((x) => x.key)) + 1, serviceCode: null, capacity: '' }])}>
                  {t('providers.form.addService')}
                </Button>
              </div>
            </Stack>
          </Fieldset>
          <MultiSelect label={t('providers.form.servedHromadas')} description={t('providers.form.servedHint')} data={allHromadas} value={served} onChange={setServed} searchable comboboxProps={{ withinPortal: true }} />
          <Textarea label={t('providers.form.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          <ConflictMerge
            conflict={conflict}
            labels={{
              nameUk: t('providers.form.nameUk'),
              nameEn: t('providers.form.nameEn'),
              hromadaId: t('providers.form.hromada'),
              kind: t('providers.form.kind'),
              status: t('providers.form.status'),
              registryNumber: t('providers.form.registryNumber'),
              edrpou: t('providers.form.edrpou'),
              address: t('providers.form.address'),
              phone: t('providers.form.phone'),
              email: t('providers.form.email'),
              contactPerson: t('providers.form.contactPerson'),
              notes: t('providers.form.notes'),
              services: t('providers.form.services'),
              servedHromadaIds: t('providers.form.servedHromadas'),
            }}
            textOf={(c, v) => {
              const field = c.path[c.path.length - 1];
              if (field === 'kind' && typeof v === 'string') return t(`providers.kind.${v}`, { defaultValue: v });
              if (field === 'status' && typeof v === 'string') return t(`providers.status.${v}`, { defaultValue: v });
              if (field === 'hromadaId' && typeof v === 'string') return allHromadas.find((h) => h.value === v)?.label ?? v;
              if (field === 'servedHromadaIds' && Array.isArray(v)) return v.map((id) => allHromadas.find((h) => h.value === id)?.label ?? String(id)).join('; ');
              if (field === 'services' && Array.isArray(v)) return (v as ProviderValues['services']).map((x) => `${serviceOptions.find((o) => o.value === x.serviceCode)?.label ?? x.serviceCode}${x.capacity === null ? '' : ` (${x.capacity})`}`).join('; ');
              return plainText(v, t);
            }}
          />
          <ErrorAlert
            error={isApiError(mutation.error, 'version_conflict') && (conflict.active || conflict.settled) ? null : mutation.error}
            onReload={() => {
              mutation.reset();
              void queryClient.invalidateQueries({ queryKey: ['providers'] });
            }}
          />
          <ModalFormActions gap="sm" onCancel={onClose} pending={mutation.isPending} submitLabel={t('providers.form.save')} />
        </Stack>
      </form>
    </Modal>
  );
}
