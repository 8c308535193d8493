import { Badge, Button, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseSection } from '../cases/case-sections.tsx';
import { RecordsTable } from '../../ui/records-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import type { PlansList } from '../plans/plans.api.ts';
import { DateField } from '../plans/service-picker.tsx';
import { agreementsQuery, postAgreement, type AgreementsList } from './decisions.api.ts';
import { InlineFormActions } from '../../ui/form-actions.tsx';

type Draft = { providerOrganisationId: string; signedOn: string | null; signedByRecipient: string; validUntil: string | null };

function AgreementForm({ c, plan, providers, onDone }: { c: CaseDetail; plan: PlansList['items'][number]; providers: AgreementsList['providers']; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [d, setD] = useState<Draft>({ providerOrganisationId: '', signedOn: todayInKyiv(), signedByRecipient: '', validUntil: null });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => postAgreement(c.id, { planId: plan.id, providerOrganisationId: d.providerOrganisationId, signedOn: d.signedOn ?? '', signedByRecipient: d.signedByRecipient, validUntil: d.validUntil }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['agreements', c.id] });
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!d.providerOrganisationId) errs.provider = t('common.required');
    if (!d.signedOn) errs.signedOn = t('common.required');
    if (!d.signedByRecipient.trim()) errs.signedBy = t('common.required');
    setErrors(errs);
    if (Object.keys(errs).length === 0) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="agreement-form-title">
      <Stack gap="sm">
        <Title order={4} size="h5" id="agreement-form-title">
          {t('agreements.form.title')}
        </Title>
        <Text size="sm">{t('agreements.form.plan', { n: plan.versionNo, date: formatDate(plan.agreedOn) })}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('agreements.form.provider')}
            required
            value={d.providerOrganisationId}
            onChange={(e) => setD({ ...d, providerOrganisationId: e.currentTarget.value })}
            data={[{ value: '', label: t('agreements.form.providerPlaceholder'), disabled: true }, ...providers.map((p) => ({ value: p.id, label: p.name }))]}
            error={errors.provider}
          />
          <TextInput
            label={t('agreements.form.signedBy')}
            description={t('agreements.form.signedByHint')}
            required
            value={d.signedByRecipient}
            onChange={(e) => setD({ ...d, signedByRecipient: e.currentTarget.value })}
            error={errors.signedBy}
          />
          <DateField label={t('agreements.form.signedOn')} value={d.signedOn} onChange={(v) => setD({ ...d, signedOn: v })} required maxDate={todayInKyiv()} error={errors.signedOn} />
          <DateField label={t('agreements.form.validUntil')} value={d.validUntil} onChange={(v) => setD({ ...d, validUntil: v })} />
        </SimpleGrid>
        {save.isError && <ErrorAlert error={save.error} />}
        <InlineFormActions onCancel={onDone} pending={save.isPending} submitLabel={t('agreements.form.submit')} />
      </Stack>
    </form>
  );
}

/** Agreements (contracts) on social services that include the agreed plan (Law "On Social Services" art. 22; SPEC §2.9). */
export function AgreementsSection({ c, agreedPlan }: { c: CaseDetail; agreedPlan: PlansList['items'][number] | null }) {
  const { t } = useTranslation();
  const list = useQuery(agreementsQuery(c.id));
  const [open, setOpen] = useState(false);
  const data = list.data;
  return (
    <CaseSection id="agreements-title" title={t('agreements.title')} intro={t('agreements.legal')} level={3}>
      {list.isError && <ErrorAlert error={list.error} />}
      <RecordsTable
        caption={t('agreements.caption')}
        showCaption
        minWidth={560}
        tableProps={{ striped: true, withTableBorder: true }}
        rows={data?.items}
        rowKey={(a) => a.id}
        empty={t('agreements.none')}
        columns={[
          { key: 'signedOn', header: t('agreements.col.signedOn'), cell: (a) => formatDate(a.signedOn) },
          { key: 'provider', header: t('agreements.col.provider'), className: 'wrap-anywhere', cell: (a) => a.provider.name },
          { key: 'plan', header: t('agreements.col.plan'), cell: (a) => t('plan.versionNo', { n: a.plan.versionNo }) },
          { key: 'signedBy', header: t('agreements.col.signedBy'), cell: (a) => a.signedByRecipient },
          { key: 'validUntil', header: t('agreements.col.validUntil'), cell: (a) => (a.validUntil ? formatDate(a.validUntil) : t('common.none')) },
          {
            key: 'status',
            header: t('agreements.col.status'),
            cell: (a) => (
              <>
                <Badge variant="light" color={a.status === 'active' ? 'green' : 'gray'}>
                  {t(`agreements.status.${a.status}`)}
                </Badge>
                {a.endedOn && <Text size="xs">{t('agreements.endedOn', { date: formatDate(a.endedOn) })}</Text>}
              </>
            ),
          },
        ]}
      />
      {data?.allowedActions.includes('sign') &&
        (!agreedPlan ? (
          <Text size="sm">{t('agreements.needsAgreedPlan')}</Text>
        ) : open ? (
          <AgreementForm c={c} plan={agreedPlan} providers={data.providers} onDone={() => setOpen(false)} />
        ) : (
          <div>
            <Button variant="default" onClick={() => setOpen(true)}>
              {t('agreements.record')}
            </Button>
          </div>
        ))}
    </CaseSection>
  );
}
