import { Badge, Button, Group, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentForms, consentGivers, consentKinds, type ConsentForm, type ConsentGiver, type ConsentKind } from '#domain/consent/consent.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ModalFormActions } from '../../ui/form-actions.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import { RecordsTable } from '../../ui/records-table.tsx';
import { CaseSection } from '../cases/case-sections.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { DateField } from '../implementation/case-form-page.tsx';
import { fetchProviders } from '../providers/providers.api.ts';
import { consentsQuery, recordConsent, withdrawConsent, type Consent, type ConsentList } from './consent.api.ts';

function RecordModal({ c, members, onClose, onSaved }: { c: CaseDetail; members: ConsentList['members']; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [personId, setPersonId] = useState(members[0]?.personId ?? '');
  const [kind, setKind] = useState<ConsentKind>('sharing_providers');
  const [scope, setScope] = useState('');
  const [providerId, setProviderId] = useState('');
  const member = members.find((m) => m.personId === personId);
  const [givenBy, setGivenBy] = useState<ConsentGiver>(member?.role === 'child' ? 'parent' : 'self');
  const [givenByName, setGivenByName] = useState('');
  const [givenOn, setGivenOn] = useState(todayInKyiv());
  const [form, setForm] = useState<ConsentForm>('written');
  const [tried, setTried] = useState(false);
  const providers = useQuery({ queryKey: ['providers', 'consent', c.hromada.id], queryFn: () => fetchProviders({ hromadaId: c.hromada.id, status: 'active' }), enabled: kind === 'sharing_providers' });
  const save = useMutation({
    mutationFn: () => recordConsent(c.id, { personId, kind, scope, providerOrganisationId: kind === 'sharing_providers' && providerId ? providerId : null, givenBy, givenByName: givenBy === 'self' ? '' : givenByName, givenOn, form }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consentsQuery(c.id).queryKey });
      onSaved();
    },
  });
  const nameMissing = givenBy !== 'self' && givenByName.trim() === '';
  return (
    <Modal opened onClose={onClose} title={t('consent.dialogTitle')} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!nameMissing && personId && givenOn) save.mutate();
        }}
      >
        <Stack gap="sm">
          <NativeSelect
            label={t('consent.person')}
            required
            value={personId}
            onChange={(e) => {
              const next = e.currentTarget.value;
              setPersonId(next);
              setGivenBy(members.find((m) => m.personId === next)?.role === 'child' ? 'parent' : 'self');
            }}
            data={members.map((m) => ({ value: m.personId, label: m.name }))}
          />
          <NativeSelect label={t('consent.kindLabel')} required value={kind} onChange={(e) => setKind(e.currentTarget.value as ConsentKind)} data={consentKinds.map((k) => ({ value: k, label: t(`consent.kind.${k}`) }))} />
          {kind === 'sharing_providers' && (
            <NativeSelect
              label={t('consent.provider')}
              value={providerId}
              onChange={(e) => setProviderId(e.currentTarget.value)}
              data={[{ value: '', label: t('consent.anyProvider') }, ...(providers.data?.items ?? []).map((p) => ({ value: p.id, label: i18n.language === 'en' ? p.nameEn || p.nameUk : p.nameUk }))]}
            />
          )}
          <Textarea label={t('consent.scope')} autosize minRows={2} maxLength={2000} value={scope} onChange={(e) => setScope(e.currentTarget.value)} />
          <NativeSelect label={t('consent.givenByLabel')} required value={givenBy} onChange={(e) => setGivenBy(e.currentTarget.value as ConsentGiver)} data={consentGivers.map((g) => ({ value: g, label: t(`consent.givenBy.${g}`) }))} />
          {givenBy !== 'self' && (
            <TextInput label={t('consent.givenByName')} required maxLength={300} value={givenByName} onChange={(e) => setGivenByName(e.currentTarget.value)} error={tried && nameMissing ? t('consent.required') : undefined} />
          )}
          <DateField label={t('consent.givenOn')} value={givenOn} onChange={setGivenOn} maxDate={todayInKyiv()} required maw={240} />
          <NativeSelect label={t('consent.formLabel')} required value={form} onChange={(e) => setForm(e.currentTarget.value as ConsentForm)} data={consentForms.map((f) => ({ value: f, label: t(`consent.form.${f}`) }))} />
          <ErrorAlert error={save.error} />
          <ModalFormActions onCancel={onClose} pending={save.isPending} submitLabel={t('consent.save')} />
        </Stack>
      </form>
    </Modal>
  );
}

function WithdrawModal({ caseId, consent, onClose, onSaved }: { caseId: string; consent: Consent; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [withdrawnOn, setWithdrawnOn] = useState(todayInKyiv());
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () => withdrawConsent(caseId, consent.id, { withdrawnOn, reason, version: consent.version }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consentsQuery(caseId).queryKey });
      onSaved();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('consent.withdrawTitle', { name: consent.personName })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (reason.trim()) save.mutate();
        }}
      >
        <Stack gap="sm">
          <DateField label={t('consent.withdrawDate')} value={withdrawnOn} onChange={setWithdrawnOn} maxDate={todayInKyiv()} required maw={240} />
          <Textarea label={t('consent.withdrawReason')} required autosize minRows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={tried && !reason.trim() ? t('consent.required') : undefined} />
          <ErrorAlert error={save.error} onReload={() => void queryClient.invalidateQueries({ queryKey: consentsQuery(caseId).queryKey }).then(onClose)} />
          <ModalFormActions onCancel={onClose} pending={save.isPending} submitLabel={t('consent.withdrawSubmit')} />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * «Згоди» on the case's overview (SPEC §11): each family member's current consent to sharing with providers and to
 * processing, the history of every consent given and withdrawn, recording and withdrawal for those who may.
 */
export function ConsentSection({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const q = useQuery(consentsQuery(c.id));
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [notice, setNotice] = useState('');
  const mayRecord = q.data?.allowedActions.includes('create') ?? false;
  const yesNo = (v: boolean) => (
    <Badge variant="light" color={v ? 'teal' : 'gray'}>
      {v ? t('consent.yes') : t('consent.no')}
    </Badge>
  );
  return (
    <CaseSection id="consent-title" title={t('consent.heading')} intro={t('consent.intro')}>
      <ErrorAlert error={q.error} />
      <RecordsTable
        caption={t('consent.membersCaption')}
        rows={q.data?.members}
        rowKey={(m) => m.personId}
        columns={[
          { key: 'member', header: t('consent.member'), cell: (m) => m.name, rowHeader: true },
          { key: 'sharing', header: t('consent.sharingNow'), cell: (m) => yesNo(m.sharingWithProviders) },
          { key: 'processing', header: t('consent.processingNow'), cell: (m) => yesNo(m.processing) },
        ]}
      />
      <RecordsTable
        caption={t('consent.historyCaption')}
        showCaption
        rows={q.data?.items}
        rowKey={(x) => x.id}
        empty={t('consent.empty')}
        columns={[
          { key: 'person', header: t('consent.columns.person'), cell: (x) => x.personName, rowHeader: true },
          {
            key: 'kind',
            header: t('consent.columns.kind'),
            cell: (x) => (
              <>
                {t(`consent.kind.${x.kind}`)}
                {x.provider && (
                  <Text size="xs" c="dimmed">
                    {t('consent.onlyProvider', { name: i18n.language === 'en' ? x.provider.nameEn || x.provider.nameUk : x.provider.nameUk })}
                  </Text>
                )}
                {x.scope && (
                  <Text size="xs" c="dimmed" className="wrap-anywhere">
                    {x.scope}
                  </Text>
                )}
              </>
            ),
          },
          { key: 'givenBy', header: t('consent.columns.givenBy'), cell: (x) => (x.givenBy === 'self' ? t('consent.givenBy.self') : `${t(`consent.givenBy.${x.givenBy}`)}: ${x.givenByName}`) },
          { key: 'givenOn', header: t('consent.columns.givenOn'), cell: (x) => formatDate(x.givenOn), nowrap: true },
          { key: 'form', header: t('consent.columns.form'), cell: (x) => t(`consent.form.${x.form}`) },
          {
            key: 'status',
            header: t('consent.columns.status'),
            cell: (x) => (
              <>
                <Badge variant="light" color={x.status === 'current' ? 'teal' : 'gray'}>
                  {t(`consent.status.${x.status}`)}
                </Badge>
                {x.withdrawnOn && (
                  <Text size="xs" c="dimmed" className="wrap-anywhere">
                    {t('consent.withdrawnOn', { date: formatDate(x.withdrawnOn), reason: x.withdrawalReason })}
                  </Text>
                )}
              </>
            ),
          },
          {
            key: 'actions',
            header: t('consent.columns.actions'),
            cell: (x) =>
              x.allowedActions.includes('withdraw') ? (
                <Button size="xs" variant="subtle" color="red" onClick={() => setWithdrawing(x)} aria-label={`${t('consent.withdraw')}: ${x.personName}, ${t(`consent.kind.${x.kind}`)}`}>
                  {t('consent.withdraw')}
                </Button>
              ) : null,
          },
        ]}
      />
      {notice && (
        <Text size="sm" role="status" c="teal.8">
          {notice}
        </Text>
      )}
      {mayRecord && q.data && (
        <Group>
          <Button variant="light" onClick={() => setAdding(true)}>
            {t('consent.add')}
          </Button>
        </Group>
      )}
      {adding && q.data && (
        <RecordModal
          c={c}
          members={q.data.members}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            setNotice(t('consent.saved'));
          }}
        />
      )}
      {withdrawing && (
        <WithdrawModal
          caseId={c.id}
          consent={withdrawing}
          onClose={() => setWithdrawing(null)}
          onSaved={() => {
            setWithdrawing(null);
            setNotice(t('consent.withdrawn'));
          }}
        />
      )}
    </CaseSection>
  );
}
