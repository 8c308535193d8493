import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import type { PlansList } from '../plans/plans.api.ts';
import { DateField } from '../plans/service-picker.tsx';
import { agreementsQuery, postAgreement, type AgreementsList } from './decisions.api.ts';

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
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('agreements.form.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
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
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="agreements-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="agreements-title">
          {t('agreements.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('agreements.legal')}
        </Text>
        {list.isError && <ErrorAlert error={list.error} />}
        {data && data.items.length === 0 && <Text size="sm">{t('agreements.none')}</Text>}
        {data && data.items.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table striped withTableBorder verticalSpacing="xs">
              <Table.Caption>{t('agreements.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('agreements.col.signedOn')}</Table.Th>
                  <Table.Th scope="col">{t('agreements.col.provider')}</Table.Th>
                  <Table.Th scope="col">{t('agreements.col.plan')}</Table.Th>
                  <Table.Th scope="col">{t('agreements.col.signedBy')}</Table.Th>
                  <Table.Th scope="col">{t('agreements.col.validUntil')}</Table.Th>
                  <Table.Th scope="col">{t('agreements.col.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{formatDate(a.signedOn)}</Table.Td>
                    <Table.Td className="wrap-anywhere">{a.provider.name}</Table.Td>
                    <Table.Td>{t('plan.versionNo', { n: a.plan.versionNo })}</Table.Td>
                    <Table.Td>{a.signedByRecipient}</Table.Td>
                    <Table.Td>{a.validUntil ? formatDate(a.validUntil) : t('common.none')}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={a.status === 'active' ? 'green' : 'gray'}>
                        {t(`agreements.status.${a.status}`)}
                      </Badge>
                      {a.endedOn && <Text size="xs">{t('agreements.endedOn', { date: formatDate(a.endedOn) })}</Text>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
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
      </Stack>
    </Paper>
  );
}
