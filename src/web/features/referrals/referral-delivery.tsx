import { Group, Modal, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { todayInKyiv } from '../../ui/format.ts';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { DateField } from '../implementation/case-form-page.tsx';
import { createDeliveredService } from '../implementation/implementation.api.ts';
import { serviceCatalogueQuery } from '../implementation/implementation.queries.ts';
import type { Referral } from './referrals.api.ts';
import { ModalFormActions } from '../../ui/form-actions.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" className="wrap-anywhere">
        {children}
      </Text>
    </div>
  );
}

type Props = { c: CaseDetail; r: Referral; onClose: () => void; onSaved: () => void };

/**
 * The service a provider delivered under a completed referral, logged on the case in one step (SPEC §2.10, §4.3):
 * the referral's service, provider and plan measure (by its stable key, against the agreed version) are taken as
 * they are; the worker records the date, quantity and notes. The worker's explicit act — completing a referral
 * never logs a service by itself, so nothing is counted twice.
 */
export function ReferralDeliveryModal({ c, r, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const queryClient = useQueryClient();
  const catalogue = useQuery(serviceCatalogueQuery);
  const unitOfMeasure = catalogue.data?.find((s) => s.code === r.service.code)?.unitOfMeasure ?? '';
  const [deliveredOn, setDeliveredOn] = useState(todayInKyiv());
  const [quantity, setQuantity] = useState<number | string>(1);
  const [unit, setUnit] = useState('');
  const [notes, setNotes] = useState(r.feedback ? t('referrals.delivery.feedback', { text: r.feedback }) : '');
  const save = useMutation({
    mutationFn: () =>
      createDeliveredService(c.id, {
        measureKey: r.measure?.key ?? null,
        serviceCode: r.service.code,
        providerOrganisationId: r.provider.id,
        deliveredOn,
        quantity: Number(quantity),
        unit: unit.trim(),
        notes: notes.trim(),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      onSaved();
    },
  });
  const fieldErrors = fieldErrorsOf(t, save.error);
  return (
    <Modal opened onClose={onClose} title={t('referrals.delivery.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('referrals.delivery.intro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <Fact label={t('referrals.delivery.service')}>{en ? r.service.nameEn : r.service.nameUk}</Fact>
            <Fact label={t('referrals.delivery.provider')}>{en ? r.provider.nameEn : r.provider.nameUk}</Fact>
          </SimpleGrid>
          <Fact label={t('referrals.delivery.measure')}>{r.measure ? r.measure.action : t('referrals.delivery.unplanned')}</Fact>
          <DateField label={t('work.services.deliveredOn')} value={deliveredOn} onChange={setDeliveredOn} maxDate={todayInKyiv()} error={fieldErrors.deliveredOn} required maw={240} />
          <Group grow align="flex-start">
            <NumberInput label={t('work.services.quantity')} min={0.01} decimalSeparator="," value={quantity} onChange={setQuantity} error={fieldErrors.quantity} required />
            <TextInput label={t('work.services.unit')} placeholder={unitOfMeasure} description={unitOfMeasure ? t('work.services.unitHint', { unit: unitOfMeasure }) : undefined} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} maxLength={100} />
          </Group>
          <Textarea label={t('work.services.notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} maxLength={4000} />
          <ErrorAlert error={save.error} />
          <ModalFormActions onCancel={onClose} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
