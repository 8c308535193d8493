import { Button, Group, Paper, Radio, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { todayInKyiv } from '../../ui/format.ts';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import { caseQuery } from '../cases/cases.queries.ts';
import { DateField } from '../safety/date-fields.tsx';
import { placeWithCaregiver, type Matching } from './caregivers.api.ts';

/** Confirms the placement decision with the chosen family; on success returns to the case's care tab. */
export function PlacementConfirm({ caseId, childId, candidate, onCancel }: { caseId: string; childId: string; candidate: Matching['candidates'][number]; onCancel: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [startDate, setStartDate] = useState<string | null>(todayInKyiv());
  const [decisionReference, setDecisionReference] = useState('');
  const [decidingAuthority, setDecidingAuthority] = useState('');
  const [decidedBy, setDecidedBy] = useState<'hromada' | 'rayon'>('hromada');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const saved = useRef(false);
  const save = useMutation({
    mutationFn: () => placeWithCaregiver(caseId, { childId, caregiverId: candidate.caregiver.id, startDate: startDate ?? '', decisionReference, decidingAuthority, decidedBy, reason }),
    onSuccess: async () => {
      saved.current = true;
      await Promise.all([qc.invalidateQueries({ queryKey: caseQuery(caseId).queryKey }), qc.invalidateQueries({ queryKey: ['care-episodes', caseId] }), qc.invalidateQueries({ queryKey: ['caregivers'] })]);
      void navigate({ to: '/cases/$caseId', params: { caseId }, search: { tab: 'care' } });
    },
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const req = t('common.required');
    const errors: Record<string, string> = {};
    if (!startDate) errors.startDate = req;
    if (!decisionReference.trim()) errors.decisionReference = req;
    if (!decidingAuthority.trim()) errors.decidingAuthority = req;
    setLocal(errors);
    if (Object.keys(errors).length === 0) save.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-labelledby="placement-confirm-title">
      <UnsavedChangesGuard shouldBlock={() => !saved.current && (decisionReference !== '' || reason !== '')} />
      <Stack gap="sm">
        <Title order={2} size="h3" id="placement-confirm-title">
          {t('caregivers.matching.confirmTitle', { name: candidate.caregiver.name })}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <DateField label={t('caregivers.matching.startDate')} required error={local.startDate} value={startDate} onChange={setStartDate} />
          <TextInput label={t('caregivers.matching.decisionReference')} required error={local.decisionReference} value={decisionReference} maxLength={200} onChange={(e) => setDecisionReference(e.currentTarget.value)} />
          <TextInput label={t('caregivers.matching.decidingAuthority')} required error={local.decidingAuthority} value={decidingAuthority} maxLength={300} onChange={(e) => setDecidingAuthority(e.currentTarget.value)} />
        </SimpleGrid>
        <Radio.Group label={t('caregivers.matching.decidedBy')} value={decidedBy} onChange={(v) => setDecidedBy(v as 'hromada' | 'rayon')}>
          <Group gap="lg" mt={4}>
            <Radio value="hromada" label={t('caregivers.matching.decidedByHromada')} />
            <Radio value="rayon" label={t('caregivers.matching.decidedByRayon')} />
          </Group>
        </Radio.Group>
        <Textarea label={t('caregivers.matching.reason')} autosize minRows={2} value={reason} maxLength={4000} onChange={(e) => setReason(e.currentTarget.value)} />
        {save.error && <ErrorAlert error={save.error} />}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('caregivers.matching.confirm')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('caregivers.matching.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
