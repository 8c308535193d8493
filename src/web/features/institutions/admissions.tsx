import { Button, Checkbox, Group, Modal, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { admissionReasons, ageGroups, type AdmissionReason, type AgeGroup } from '#domain/institutions/institutions.ts';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import { DateField } from '../implementation/case-form-page.tsx';
import { recordAdmission, type Institution } from './institutions.api.ts';
import { institutionQuery } from './institutions.queries.ts';

/** Records an admission of children without names: date, age band, reason, gatekeeping, first time, how many. */
function AdmissionForm({ institutionId, onClose }: { institutionId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [admittedOn, setAdmittedOn] = useState(todayInKyiv());
  const [ageGroup, setAgeGroup] = useState<AgeGroup | null>(null);
  const [reason, setReason] = useState<AdmissionReason | null>(null);
  const [gatekeeping, setGatekeeping] = useState(false);
  const [firstTime, setFirstTime] = useState(true);
  const [children, setChildren] = useState<number | string>(1);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: () => recordAdmission(institutionId, { admittedOn, ageGroup: ageGroup as AgeGroup, reason: reason as AdmissionReason, gatekeepingConsulted: gatekeeping, firstTime, children: Number(children) || 1 }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(institutionQuery(institutionId).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: ['institutions', 'monthly'] });
      onClose();
    },
  });
  const serverErrors = fieldErrorsOf(t, mutation.error);
  const err = (k: string) => errors[k] ?? serverErrors[k];
  const submit = () => {
    const next: Record<string, string> = {};
    const required = t('institutions.form.required');
    if (!admittedOn) next.admittedOn = required;
    if (!ageGroup) next.ageGroup = required;
    if (!reason) next.reason = required;
    setErrors(next);
    if (Object.keys(next).length === 0) mutation.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('institutions.admissions.formTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }} closeOnEscape={false}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Group grow align="flex-start" wrap="wrap">
            <DateField label={t('institutions.admissions.admittedOn')} value={admittedOn} onChange={setAdmittedOn} maxDate={todayInKyiv()} error={err('admittedOn')} required miw={180} />
            <NumberInput label={t('institutions.admissions.children')} value={children} onChange={setChildren} min={1} max={1000} allowDecimal={false} allowNegative={false} miw={120} />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <Select label={t('institutions.admissions.ageGroup')} data={ageGroups.map((a) => ({ value: a, label: t(`institutions.counts.age.${a}`) }))} value={ageGroup} onChange={(v) => setAgeGroup(v as AgeGroup | null)} error={err('ageGroup')} required miw={160} comboboxProps={{ withinPortal: true }} />
            <Select
              label={t('institutions.admissions.reasonLabel')}
              data={admissionReasons.map((r) => ({ value: r, label: t(`institutions.admissions.reason.${r}`) }))}
              value={reason}
              onChange={(v) => setReason(v as AdmissionReason | null)}
              error={err('reason')}
              required
              miw={220}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <Checkbox label={t('institutions.admissions.gatekeeping')} checked={gatekeeping} onChange={(e) => setGatekeeping(e.currentTarget.checked)} />
          <Checkbox label={t('institutions.admissions.firstTime')} checked={firstTime} onChange={(e) => setFirstTime(e.currentTarget.checked)} />
          <ErrorAlert error={mutation.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('institutions.admissions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Admissions to the institution, newest first, with the form for those who keep it. */
export function AdmissionsSection({ i }: { i: Institution }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const yesNo = (b: boolean) => (b ? t('institutions.admissions.yes') : t('institutions.admissions.no'));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="institution-admissions">
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
        <div>
          <Title order={2} size="h4" id="institution-admissions">
            {t('institutions.admissions.heading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('institutions.admissions.hint')}
          </Text>
        </div>
        {i.allowedActions.includes('record') && (
          <Button variant="light" onClick={() => setRecording(true)}>
            {t('institutions.admissions.record')}
          </Button>
        )}
      </Group>
      {i.admissions.length === 0 ? (
        <Text c="dimmed" size="sm" role="status">
          {t('institutions.admissions.empty')}
        </Text>
      ) : (
        <div className="table-scroll">
          <Table verticalSpacing={4} striped>
            <Table.Caption className="visually-hidden">{t('institutions.admissions.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('institutions.admissions.admittedOn')}</Table.Th>
                <Table.Th scope="col">{t('institutions.admissions.children')}</Table.Th>
                <Table.Th scope="col">{t('institutions.admissions.ageGroup')}</Table.Th>
                <Table.Th scope="col">{t('institutions.admissions.reasonLabel')}</Table.Th>
                <Table.Th scope="col">{t('institutions.admissions.firstTimeShort')}</Table.Th>
                <Table.Th scope="col">{t('institutions.admissions.gatekeepingShort')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {i.admissions.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row">{formatDate(a.admittedOn)}</Table.Th>
                  <Table.Td>{a.children}</Table.Td>
                  <Table.Td>{t(`institutions.counts.age.${a.ageGroup}`)}</Table.Td>
                  <Table.Td>{t(`institutions.admissions.reason.${a.reason}`)}</Table.Td>
                  <Table.Td>{yesNo(a.firstTime)}</Table.Td>
                  <Table.Td>{yesNo(a.gatekeepingConsulted)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {recording && <AdmissionForm institutionId={i.id} onClose={() => setRecording(false)} />}
    </Paper>
  );
}
