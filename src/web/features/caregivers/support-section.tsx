import { Alert, Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import { DateField } from '../safety/date-fields.tsx';
import { addSupportEvent, type Caregiver } from './caregivers.api.ts';
import { SupportFlags } from './caregivers-table.tsx';

type Kind = 'check_in' | 'training';

/** Support: due dates (monthly check-ins while a child is placed), the log of check-ins and trainings, and the form to add one. */
export function SupportSection({ c }: { c: Caregiver }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [kind, setKind] = useState<Kind>('check_in');
  const [date, setDate] = useState<string | null>(todayInKyiv());
  const [hours, setHours] = useState<number | ''>('');
  const [notes, setNotes] = useState('');
  const save = useMutation({
    mutationFn: () => addSupportEvent(c.id, { kind, date: date ?? '', hours: kind === 'training' && hours !== '' ? hours : null, notes }),
    onSuccess: (next) => {
      qc.setQueryData(['caregivers', 'detail', c.id], next);
      void qc.invalidateQueries({ queryKey: ['caregivers', 'list'] });
      setNotes('');
      setHours('');
    },
  });
  const mayAdd = c.allowedActions.includes('caregiver.support');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="support-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="support-title">
          {t('caregivers.page.supportTitle')}
        </Title>
        <SupportFlags support={c.support} />
        {c.support.checkInDue && <Text size="sm">{t('caregivers.page.checkInDue', { date: formatDate(c.support.checkInDue) })}</Text>}
        {c.support.trainingDue && <Text size="sm">{t('caregivers.page.trainingDue', { date: formatDate(c.support.trainingDue) })}</Text>}
        {c.supportEvents.length === 0 ? (
          <Alert color="gray" variant="light">
            {t('caregivers.page.supportEmpty')}
          </Alert>
        ) : (
          <div className="table-scroll">
            <Table verticalSpacing="xs">
              <Table.Caption className="visually-hidden">{t('caregivers.page.supportCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('caregivers.page.supportDate')}</Table.Th>
                  <Table.Th scope="col">{t('caregivers.page.supportKind')}</Table.Th>
                  <Table.Th scope="col">{t('caregivers.page.hours')}</Table.Th>
                  <Table.Th scope="col">{t('caregivers.page.supportNotes')}</Table.Th>
                  <Table.Th scope="col">{t('caregivers.page.recordedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.supportEvents.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Th scope="row" fw={400}>
                      {formatDate(e.date)}
                    </Table.Th>
                    <Table.Td>{t(`caregivers.supportKind.${e.kind}`)}</Table.Td>
                    <Table.Td>{e.hours ?? '—'}</Table.Td>
                    <Table.Td>{e.notes}</Table.Td>
                    <Table.Td>{e.recordedBy}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        {mayAdd && (
          <form onSubmit={(e) => (e.preventDefault(), save.mutate())} noValidate aria-label={t('caregivers.page.supportSubmit')}>
            <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect label={t('caregivers.page.supportKind')} value={kind} data={(['check_in', 'training'] as const).map((k) => ({ value: k, label: t(`caregivers.supportKind.${k}`) }))} onChange={(e) => setKind(e.currentTarget.value as Kind)} />
              <DateField label={t('caregivers.page.supportDate')} required value={date} onChange={setDate} />
              {kind === 'training' && <NumberInput label={t('caregivers.page.hours')} required min={0.5} max={500} value={hours} onChange={(v) => setHours(v === '' ? '' : Number(v))} />}
            </SimpleGrid>
            <Textarea label={t('caregivers.page.supportNotes')} autosize minRows={1} value={notes} maxLength={4000} onChange={(e) => setNotes(e.currentTarget.value)} />
            {save.error && <ErrorAlert error={save.error} />}
            <Group>
              <Button type="submit" variant="light" loading={save.isPending}>
                {t('caregivers.page.supportSubmit')}
              </Button>
            </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
