import { Alert, Button, Group, Modal, NativeSelect, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referralUrgencies, type ReferralUrgency } from '#domain/services/referrals.ts';
import { legalGrounds, type LegalGround } from '#domain/consent/consent.ts';
import { isApiError } from '../../ui/api-client.ts';
import { ConflictMerge, plainText } from '../../ui/conflict-merge.tsx';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { useServiceOptions } from '../catalogue/catalogue.queries.ts';
import { formatFullName, sortBySurname } from '../persons/person-name.ts';
import { placesText } from '../providers/places.ts';
import { providersForReferralQuery } from '../providers/providers.queries.ts';
import { createReferral, fetchReferral, referralStep, updateReferral, type Referral, type ReferralCreateBody } from './referrals.api.ts';
import { invalidateReferrals } from './referrals.queries.ts';
import { caseChildren } from '../cases/case-title.ts';

/** A new referral for a measure of the agreed plan: its service and the measure (by its stable key). */
export type ReferralPrefill = { serviceCode: string | null; measure: { key: string; action: string } };

/** The draft as this form edits it. */
type DraftValues = {
  childPersonId: string | null;
  serviceCode: string | null;
  providerId: string | null;
  urgency: ReferralUrgency;
  reason: string;
  requestedIntervention: string;
  earlierServices: string;
  additionalInfo: string;
  contact: string;
  signedBy: string;
  legalGround: LegalGround | '';
  legalGroundNote: string;
};

type Props = { c: CaseDetail; draft?: Referral | undefined; prefill?: ReferralPrefill | undefined; onClose: () => void; onSaved: (r: Referral, sent: boolean) => void };

/**
 * The referral form (Order 1005; emergency referral, Order 135): child, service from the catalogue, a provider of
 * that service serving the case's hromada with its free places, urgency, the situation and what is requested.
 * Saved as a draft, or saved and sent at once. A draft saved before a failed send is updated, never duplicated.
 */
export function ReferralForm({ c, draft, prefill, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const en = i18n.language === 'en';
  const children = useMemo(() => sortBySurname(caseChildren(c)), [c.members]);
  const serviceOptions = useServiceOptions();
  const [saved, setSaved] = useState<Referral | undefined>(draft);
  const [childPersonId, setChildPersonId] = useState<string | null>(draft ? (children.find((m) => formatFullName(m) === formatFullName(draft.child))?.personId ?? null) : (children[0]?.personId ?? null));
  const [serviceCode, setServiceCode] = useState<string | null>(draft?.service.code ?? prefill?.serviceCode ?? null);
  const [providerId, setProviderId] = useState<string | null>(draft?.provider.id ?? null);
  const [urgency, setUrgency] = useState<ReferralUrgency>(draft?.urgency ?? (c.urgent ? 'emergency' : 'routine'));
  const [reason, setReason] = useState(draft?.reason ?? '');
  const [requestedIntervention, setRequestedIntervention] = useState(draft?.requestedIntervention ?? prefill?.measure.action ?? '');
  const [earlierServices, setEarlierServices] = useState(draft?.earlierServices ?? '');
  const [additionalInfo, setAdditionalInfo] = useState(draft?.additionalInfo ?? '');
  const [contact, setContact] = useState(draft?.contact ?? '');
  const [signedBy, setSignedBy] = useState(draft?.signedBy ?? '');
  // Sharing without every family member's consent needs a recorded legal ground (SPEC §11).
  const [legalGround, setLegalGround] = useState<LegalGround | ''>(draft?.legalGround ?? '');
  const [legalGroundNote, setLegalGroundNote] = useState(draft?.legalGroundNote ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const dirty = useRef(false);
  const touch = <T,>(set: (v: T) => void) => (v: T) => {
    dirty.current = true;
    set(v);
  };
  const providers = useQuery({ ...providersForReferralQuery(serviceCode ?? '', c.hromada.id), enabled: serviceCode !== null });
  const providerOptions = useMemo(
    () =>
      (providers.data?.items ?? []).map((p) => {
        const s = p.services.find((x) => x.serviceCode === serviceCode);
        return { value: p.id, label: t('referrals.form.providerOption', { name: en ? p.nameEn : p.nameUk, places: s ? placesText(t, s) : '' }) };
      }),
    [providers.data, serviceCode, en, t],
  );

  const childOf = (r: Referral) => children.find((m) => formatFullName(m) === formatFullName(r.child))?.personId ?? null;
  const valuesOf = (r: Referral): DraftValues => ({
    childPersonId: childOf(r),
    serviceCode: r.service.code,
    providerId: r.provider.id,
    urgency: r.urgency,
    reason: r.reason,
    requestedIntervention: r.requestedIntervention,
    earlierServices: r.earlierServices,
    additionalInfo: r.additionalInfo,
    contact: r.contact,
    signedBy: r.signedBy,
    legalGround: r.legalGround ?? '',
    legalGroundNote: r.legalGroundNote,
  });
  const nowValues = (): DraftValues => ({ childPersonId, serviceCode, providerId, urgency, reason, requestedIntervention, earlierServices, additionalInfo, contact, signedBy, legalGround, legalGroundNote });
  // No lost updates (SPEC §11): a saved draft is updated on the version it was loaded with; after a 409 what both
  // people changed is shown side by side to choose from, the rest is merged.
  const baseRef = useRef<DraftValues | null>(draft ? valuesOf(draft) : null);
  const versionRef = useRef<number | null>(draft?.version ?? null);
  const lastSend = useRef(false);
  const [theirProvider, setTheirProvider] = useState<{ id: string; name: string } | null>(null);
  const conflict = useConflictMerge<DraftValues>(
    async () => {
      if (!saved) return null;
      const fresh = await fetchReferral(saved.id);
      if (fresh.status !== 'draft') return null;
      setTheirProvider({ id: fresh.provider.id, name: en ? fresh.provider.nameEn : fresh.provider.nameUk });
      return { value: valuesOf(fresh), version: fresh.version, updatedAt: fresh.updatedAt };
    },
    (v, version, how) => {
      versionRef.current = version;
      setChildPersonId(v.childPersonId);
      setServiceCode(v.serviceCode);
      setProviderId(v.providerId);
      setUrgency(v.urgency);
      setReason(v.reason);
      setRequestedIntervention(v.requestedIntervention);
      setEarlierServices(v.earlierServices);
      setAdditionalInfo(v.additionalInfo);
      setContact(v.contact);
      setSignedBy(v.signedBy);
      setLegalGround(v.legalGround);
      setLegalGroundNote(v.legalGroundNote);
      if (how.save) mutation.mutate({ andSend: lastSend.current, values: v });
      else {
        baseRef.current = v;
        mutation.reset();
      }
    },
  );

  const mutation = useMutation({
    mutationFn: async ({ andSend, values: v }: { andSend: boolean; values: DraftValues }) => {
      lastSend.current = andSend;
      const body: ReferralCreateBody = {
        ...(v.childPersonId ? { childPersonId: v.childPersonId } : {}),
        // A saved draft keeps its measure; a new referral names the plan measure by its key.
        measureId: saved?.measure?.id ?? null,
        measureKey: saved ? null : (prefill?.measure.key ?? null),
        providerId: v.providerId as string,
        serviceCode: v.serviceCode as string,
        urgency: v.urgency,
        reason: v.reason.trim(),
        requestedIntervention: v.requestedIntervention.trim(),
        earlierServices: v.earlierServices.trim(),
        additionalInfo: v.additionalInfo.trim(),
        contact: v.contact.trim(),
        signedBy: v.signedBy.trim(),
        legalGround: v.legalGround === '' ? null : v.legalGround,
        legalGroundNote: v.legalGround === '' ? '' : v.legalGroundNote.trim(),
      };
      let r = saved ? await updateReferral(saved.id, { ...body, version: versionRef.current ?? saved.version }) : await createReferral(c.id, body);
      setSaved(r);
      versionRef.current = r.version;
      baseRef.current = valuesOf(r);
      if (andSend) r = await referralStep(r.id, { action: 'send', version: r.version, note: '' });
      return { r, andSend };
    },
    onSettled: async () => {
      await invalidateReferrals(queryClient, c.id);
    },
    onSuccess: ({ r, andSend }) => {
      dirty.current = false;
      onSaved(r, andSend);
    },
    onError: (e, { values }) => {
      if (baseRef.current) conflict.onConflict(e, baseRef.current, values);
    },
  });
  const serverErrors = fieldErrorsOf(t, mutation.error);
  const err = (k: string) => errors[k] ?? serverErrors[k];
  const submit = (andSend: boolean) => {
    const next: Record<string, string> = {};
    if (!serviceCode) next.serviceCode = t('referrals.form.serviceRequired');
    if (!providerId) next.providerId = t('referrals.form.providerRequired');
    if (!reason.trim()) next.reason = t('referrals.form.reasonRequired');
    if (legalGround !== '' && !legalGroundNote.trim()) next.legalGroundNote = t('errors.legal_ground_note_required');
    setErrors(next);
    if (Object.keys(next).length === 0) mutation.mutate({ andSend, values: nowValues() });
  };
  const measureAction = saved ? (saved.measure?.action ?? null) : (prefill?.measure.action ?? null);
  const noProviders = serviceCode !== null && providers.isSuccess && providerOptions.length === 0;

  return (
    <Modal opened onClose={onClose} title={draft ? t('referrals.form.titleEdit') : t('referrals.form.titleNew')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <UnsavedChangesGuard shouldBlock={() => dirty.current} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit(true);
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('referrals.form.legal')}
          </Text>
          {measureAction !== null && (
            <div>
              <Text size="sm" fw={600}>
                {t('referrals.form.measure')}
              </Text>
              <Text size="sm" className="wrap-anywhere">
                {measureAction}
              </Text>
              <Text size="xs" c="dimmed">
                {t('referrals.form.measureHint')}
              </Text>
            </div>
          )}
          {children.length > 1 && (
            <Select
              label={t('referrals.form.child')}
              data={children.map((m) => ({ value: m.personId, label: formatFullName(m) }))}
              value={childPersonId}
              onChange={touch(setChildPersonId)}
              allowDeselect={false}
              required
            />
          )}
          <Select
            label={t('referrals.form.service')}
            placeholder={t('referrals.form.servicePlaceholder')}
            data={serviceOptions}
            value={serviceCode}
            onChange={(v) => {
              dirty.current = true;
              setServiceCode(v);
              setProviderId(null);
            }}
            searchable
            error={err('serviceCode')}
            required
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('referrals.form.provider')}
            description={serviceCode ? t('referrals.form.providerHint', { hromada: c.hromada.name }) : t('referrals.form.chooseServiceFirst')}
            placeholder={t('referrals.form.providerPlaceholder')}
            data={providerOptions}
            value={providerId}
            onChange={touch(setProviderId)}
            disabled={!serviceCode || noProviders}
            error={err('providerId')}
            required
            comboboxProps={{ withinPortal: true }}
          />
          {noProviders && (
            <Alert color="yellow" variant="light">
              {t('referrals.form.noProviders')}
            </Alert>
          )}
          <Radio.Group label={t('referrals.form.urgency')} description={t('referrals.urgencyHint')} value={urgency} onChange={(v) => touch(setUrgency)(v as ReferralUrgency)} required>
            <Group gap="lg" mt={4}>
              {referralUrgencies.map((u) => (
                <Radio key={u} value={u} label={t(`referrals.urgency.${u}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea label={t('referrals.form.reason')} value={reason} onChange={(e) => touch(setReason)(e.currentTarget.value)} error={err('reason')} required autosize minRows={3} maxLength={4000} />
          <Textarea label={t('referrals.form.requestedIntervention')} value={requestedIntervention} onChange={(e) => touch(setRequestedIntervention)(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
          <Textarea label={t('referrals.form.earlierServices')} value={earlierServices} onChange={(e) => touch(setEarlierServices)(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
          <Textarea label={t('referrals.form.additionalInfo')} value={additionalInfo} onChange={(e) => touch(setAdditionalInfo)(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('referrals.form.contact')} description={t('referrals.form.contactHint')} value={contact} onChange={(e) => touch(setContact)(e.currentTarget.value)} maxLength={500} miw={240} />
            <TextInput label={t('referrals.form.signedBy')} value={signedBy} onChange={(e) => touch(setSignedBy)(e.currentTarget.value)} maxLength={200} miw={240} />
          </Group>
          <NativeSelect
            label={t('privacy.legalGroundLabel')}
            value={legalGround}
            onChange={(e) => touch(setLegalGround)(e.currentTarget.value as LegalGround | '')}
            data={[{ value: '', label: t('privacy.legalGroundNone') }, ...legalGrounds.map((g) => ({ value: g, label: t(`privacy.legalGround.${g}`) }))]}
          />
          {legalGround !== '' && (
            <Textarea label={t('privacy.legalGroundNote')} value={legalGroundNote} onChange={(e) => touch(setLegalGroundNote)(e.currentTarget.value)} error={err('legalGroundNote')} required autosize minRows={2} maxLength={2000} />
          )}
          <ConflictMerge
            conflict={conflict}
            labels={{
              childPersonId: t('referrals.form.child'),
              serviceCode: t('referrals.form.service'),
              providerId: t('referrals.form.provider'),
              urgency: t('referrals.form.urgency'),
              reason: t('referrals.form.reason'),
              requestedIntervention: t('referrals.form.requestedIntervention'),
              earlierServices: t('referrals.form.earlierServices'),
              additionalInfo: t('referrals.form.additionalInfo'),
              contact: t('referrals.form.contact'),
              signedBy: t('referrals.form.signedBy'),
              legalGround: t('privacy.legalGroundLabel'),
              legalGroundNote: t('privacy.legalGroundNote'),
            }}
            textOf={(cf, v) => {
              const field = cf.path[cf.path.length - 1];
              if (typeof v !== 'string' || v === '') return field === 'legalGround' ? t('privacy.legalGroundNone') : plainText(v, t);
              if (field === 'childPersonId') return formatFullName(children.find((m) => m.personId === v) ?? { surname: '', givenName: '', patronymic: '' }) || v;
              if (field === 'serviceCode') return serviceOptions.find((o) => o.value === v)?.label ?? v;
              if (field === 'providerId') return providerOptions.find((o) => o.value === v)?.label ?? (theirProvider?.id === v ? theirProvider.name : draft?.provider.id === v ? (en ? draft.provider.nameEn : draft.provider.nameUk) : v);
              if (field === 'urgency') return t(`referrals.urgency.${v as ReferralUrgency}`);
              if (field === 'legalGround') return t(`privacy.legalGround.${v as LegalGround}`);
              return v;
            }}
            onReload={onClose}
          />
          <ErrorAlert
            error={isApiError(mutation.error, 'version_conflict') && (conflict.active || conflict.settled) ? null : mutation.error}
            onReload={() => {
              mutation.reset();
              // The draft as it is now (its version); what was typed here stays.
              if (saved)
                void fetchReferral(saved.id).then((r) => {
                  setSaved(r);
                  versionRef.current = r.version;
                });
            }}
          />
          <Group justify="flex-end" gap="sm" wrap="wrap">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button variant="light" onClick={() => submit(false)} loading={mutation.isPending && mutation.variables?.andSend === false} disabled={conflict.active}>
              {t('referrals.form.saveDraft')}
            </Button>
            <Button type="submit" loading={mutation.isPending && mutation.variables?.andSend === true} disabled={conflict.active}>
              {t('referrals.form.saveAndSend')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
