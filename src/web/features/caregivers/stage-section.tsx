import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deregistrationReasons, type CaregiverStage, type DeregistrationReason } from '#domain/caregivers/caregivers.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import { DateField } from '../safety/date-fields.tsx';
import { moveStage, type Caregiver } from './caregivers.api.ts';
import { StageBadge } from './caregivers-table.tsx';

/** The stages reached with their dates, and the form to record the next one. */
export function StageSection({ c }: { c: Caregiver }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="stages-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="stages-title">
          {t('caregivers.page.stagesTitle')}
        </Title>
        <div className="table-scroll">
          <Table verticalSpacing="xs">
            <Table.Caption className="visually-hidden">{t('caregivers.page.stagesCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('caregivers.columns.stage')}</Table.Th>
                <Table.Th scope="col">{t('caregivers.page.stageDate')}</Table.Th>
                <Table.Th scope="col">{t('caregivers.page.stageDetails')}</Table.Th>
                <Table.Th scope="col">{t('caregivers.page.recordedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.stages.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={400}>
                    <StageBadge stage={s.toStage} />
                  </Table.Th>
                  <Table.Td>{formatDate(s.date)}</Table.Td>
                  <Table.Td>
                    {[
                      s.decisionReference && t('caregivers.page.approval', { reference: s.decisionReference, authority: s.decidingAuthority, agreement: s.agreementReference }),
                      s.deregistrationReason && t(`caregivers.deregistrationReason.${s.deregistrationReason}`),
                      s.notes,
                    ]
                      .filter(Boolean)
                      .join('; ')}
                  </Table.Td>
                  <Table.Td>{s.recordedBy}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        {c.nextStages.length > 0 && <StageMoveForm c={c} />}
      </Stack>
    </Paper>
  );
}

function StageMoveForm({ c }: { c: Caregiver }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [to, setTo] = useState<CaregiverStage>(c.nextStages[0] as CaregiverStage);
  const [date, setDate] = useState<string | null>(todayInKyiv());
  const [decisionReference, setDecisionReference] = useState('');
  const [decidingAuthority, setDecidingAuthority] = useState('');
  const [agreementReference, setAgreementReference] = useState('');
  const [reason, setReason] = useState<DeregistrationReason | ''>('');
  const [notes, setNotes] = useState('');
  const approving = c.stage === 'home_assessment' && to === 'approved';
  const save = useMutation({
    mutationFn: () => moveStage(c.id, { version: c.version, to, date: date ?? '', decisionReference, decidingAuthority, agreementReference, deregistrationReason: to === 'deregistered' && reason ? reason : null, notes }),
    onSuccess: (next) => {
      qc.setQueryData(['caregivers', 'detail', c.id], next);
      void qc.invalidateQueries({ queryKey: ['caregivers'] });
      setDecisionReference('');
      setDecidingAuthority('');
      setAgreementReference('');
      setNotes('');
      setTo((next.nextStages[0] ?? 'deregistered') as CaregiverStage);
    },
  });
  return (
    <Paper withBorder p="sm" radius="sm" component="form" aria-labelledby="move-title" onSubmit={(e: React.FormEvent) => (e.preventDefault(), save.mutate())} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h4" id="move-title">
          {t('caregivers.page.moveTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect label={t('caregivers.page.moveTo')} value={to} data={c.nextStages.map((s) => ({ value: s, label: t(`caregivers.stage.${s}`) }))} onChange={(e) => setTo(e.currentTarget.value as CaregiverStage)} />
          <DateField label={t('caregivers.page.moveDate')} required value={date} onChange={setDate} />
        </SimpleGrid>
        {approving && !c.mayApprove && (
          <Alert color="yellow" variant="light">
            {t('caregivers.page.noPower')}
          </Alert>
        )}
        {approving && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('caregivers.page.decisionReference')} required value={decisionReference} maxLength={200} onChange={(e) => setDecisionReference(e.currentTarget.value)} />
            <TextInput label={t('caregivers.page.decidingAuthority')} required value={decidingAuthority} maxLength={300} onChange={(e) => setDecidingAuthority(e.currentTarget.value)} />
            <TextInput label={t('caregivers.page.agreementReference')} required value={agreementReference} maxLength={200} onChange={(e) => setAgreementReference(e.currentTarget.value)} />
          </SimpleGrid>
        )}
        {to === 'deregistered' && (
          <NativeSelect
            label={t('caregivers.page.deregistrationReason')}
            required
            value={reason}
            data={[{ value: '', label: t('care.fields.choose'), disabled: true }, ...deregistrationReasons.map((r) => ({ value: r, label: t(`caregivers.deregistrationReason.${r}`) }))]}
            onChange={(e) => setReason(e.currentTarget.value as DeregistrationReason)}
          />
        )}
        <Textarea label={t('caregivers.page.notes')} autosize minRows={1} value={notes} maxLength={4000} onChange={(e) => setNotes(e.currentTarget.value)} />
        {save.error && <ErrorAlert error={save.error} onReload={() => void qc.invalidateQueries({ queryKey: ['caregivers', 'detail', c.id] })} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('caregivers.page.moveSubmit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
