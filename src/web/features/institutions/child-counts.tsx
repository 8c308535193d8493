import { Alert, Button, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ageGroups, childLegalStatuses, type AgeGroup, type ChildLegalStatus } from '#domain/institutions/institutions.ts';
import { ApiError } from '../../ui/api-client.ts';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import { DateField } from '../implementation/case-form-page.tsx';
import { recordChildCount, type Institution } from './institutions.api.ts';

type Num = number | string;
const n = (v: Num) => (v === '' ? 0 : Number(v));

/** The count problems the server named (institution_counts_inconsistent), as a readable list. */
function CountProblems({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.code !== 'institution_counts_inconsistent') return null;
  const problems = (error.problem.details?.problems as string[] | undefined) ?? [];
  return (
    <Alert color="red" variant="light" role="alert">
      <Stack gap={2}>
        {problems.map((p) => (
          <Text key={p} size="sm">
            {t(`institutions.counts.problem.${p}` as 'institutions.counts.problem.age_sum_mismatch')}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

/** Records the children living there on a date: total, by age band, by legal status, with disabilities. */
function ChildCountForm({ institutionId, onClose }: { institutionId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asOf, setAsOf] = useState(todayInKyiv());
  const [total, setTotal] = useState<Num>('');
  const [byAge, setByAge] = useState<Record<AgeGroup, Num>>(() => Object.fromEntries(ageGroups.map((a) => [a, ''])) as Record<AgeGroup, Num>);
  const [byStatus, setByStatus] = useState<Record<ChildLegalStatus, Num>>(() => Object.fromEntries(childLegalStatuses.map((s) => [s, ''])) as Record<ChildLegalStatus, Num>);
  const [withDisability, setWithDisability] = useState<Num>('');
  const mutation = useMutation({
    mutationFn: () =>
      recordChildCount(institutionId, {
        asOf,
        total: n(total),
        byAge: Object.fromEntries(ageGroups.map((a) => [a, n(byAge[a])])) as Record<AgeGroup, number>,
        byStatus: Object.fromEntries(childLegalStatuses.map((s) => [s, n(byStatus[s])])) as Record<ChildLegalStatus, number>,
        withDisability: n(withDisability),
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['institutions', 'detail', institutionId], saved);
      await queryClient.invalidateQueries({ queryKey: ['institutions'] });
      onClose();
    },
  });
  const fieldErrors = fieldErrorsOf(t, mutation.error);
  const ageSum = ageGroups.reduce((s, a) => s + n(byAge[a]), 0);
  const statusSum = childLegalStatuses.reduce((s, k) => s + n(byStatus[k]), 0);
  const numberProps = { min: 0, max: 100000, allowDecimal: false, allowNegative: false } as const;
  return (
    <Modal opened onClose={onClose} title={t('institutions.counts.formTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }} closeOnEscape={false}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Group grow align="flex-start" wrap="wrap">
            <DateField label={t('institutions.counts.asOf')} value={asOf} onChange={setAsOf} maxDate={todayInKyiv()} error={fieldErrors.asOf} required miw={180} />
            <NumberInput label={t('institutions.counts.total')} value={total} onChange={setTotal} {...numberProps} required miw={140} />
            <NumberInput label={t('institutions.counts.withDisability')} value={withDisability} onChange={setWithDisability} {...numberProps} miw={140} />
          </Group>
          <Title order={3} size="h5">
            {t('institutions.counts.byAge')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
            {ageGroups.map((a) => (
              <NumberInput key={a} label={t(`institutions.counts.age.${a}`)} value={byAge[a]} onChange={(v) => setByAge((s) => ({ ...s, [a]: v }))} {...numberProps} />
            ))}
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('institutions.counts.byStatus')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {childLegalStatuses.map((s) => (
              <NumberInput key={s} label={t(`institutions.counts.legalStatus.${s}`)} value={byStatus[s]} onChange={(v) => setByStatus((x) => ({ ...x, [s]: v }))} {...numberProps} />
            ))}
          </SimpleGrid>
          <Text size="sm" c={ageSum === n(total) && statusSum === n(total) ? 'dimmed' : 'red.8'} aria-live="polite">
            {t('institutions.counts.sumHint', { age: ageSum, status: statusSum, total: n(total) })}
          </Text>
          <CountProblems error={mutation.error} />
          {!(mutation.error instanceof ApiError && mutation.error.code === 'institution_counts_inconsistent') && <ErrorAlert error={mutation.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('institutions.counts.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The counts history, newest first, with the form to record a new count for those who keep the institution. */
export function ChildCountsSection({ i }: { i: Institution }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="institution-counts">
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
        <div>
          <Title order={2} size="h4" id="institution-counts">
            {t('institutions.counts.heading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('institutions.counts.hint')}
          </Text>
        </div>
        {i.allowedActions.includes('record') && (
          <Button variant="light" onClick={() => setRecording(true)}>
            {t('institutions.counts.record')}
          </Button>
        )}
      </Group>
      {i.counts.length === 0 ? (
        <Text c="dimmed" size="sm" role="status">
          {t('institutions.counts.empty')}
        </Text>
      ) : (
        <div className="table-scroll">
          <Table verticalSpacing={4} striped>
            <Table.Caption className="visually-hidden">{t('institutions.counts.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('institutions.counts.asOf')}</Table.Th>
                <Table.Th scope="col">{t('institutions.counts.total')}</Table.Th>
                {ageGroups.map((a) => (
                  <Table.Th scope="col" key={a}>
                    {t(`institutions.counts.age.${a}`)}
                  </Table.Th>
                ))}
                {childLegalStatuses.map((s) => (
                  <Table.Th scope="col" key={s}>
                    {t(`institutions.counts.legalStatus.${s}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('institutions.counts.withDisability')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {i.counts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">{formatDate(c.asOf)}</Table.Th>
                  <Table.Td fw={700}>{c.total}</Table.Td>
                  {ageGroups.map((a) => (
                    <Table.Td key={a}>{c.byAge[a]}</Table.Td>
                  ))}
                  {childLegalStatuses.map((s) => (
                    <Table.Td key={s}>{c.byStatus[s]}</Table.Td>
                  ))}
                  <Table.Td>{c.withDisability}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {recording && <ChildCountForm institutionId={i.id} onClose={() => setRecording(false)} />}
    </Paper>
  );
}
