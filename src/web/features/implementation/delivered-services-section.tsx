import { Button, Group, Modal, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordsTable } from '../../ui/records-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import { CaseSection } from '../cases/case-sections.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { DateField } from './case-form-page.tsx';
import { createDeliveredService } from './implementation.api.ts';
import { agreedPlanQuery, deliveredServicesQuery, serviceCatalogueQuery } from './implementation.queries.ts';
import { ModalFormActions } from '../../ui/form-actions.tsx';

function DeliveredServiceModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const plan = useQuery(agreedPlanQuery(c.id));
  const catalogue = useQuery(serviceCatalogueQuery);
  const measures = (plan.data?.goals ?? []).flatMap((g) => g.measures.map((m) => ({ ...m, goal: g.text })));
  const [measureKey, setMeasureKey] = useState('');
  const [serviceCode, setServiceCode] = useState('');
  const [deliveredOn, setDeliveredOn] = useState(todayInKyiv());
  const [quantity, setQuantity] = useState<number | string>(1);
  const [unit, setUnit] = useState('');
  const [providerName, setProviderName] = useState('');
  const [notes, setNotes] = useState('');
  const measure = measures.find((m) => m.key === measureKey);
  const effectiveCode = serviceCode || measure?.serviceCode || '';
  const service = catalogue.data?.find((s) => s.code === effectiveCode);
  const name = (s: { nameUk: string; nameEn: string }) => (i18n.language === 'en' ? s.nameEn : s.nameUk);
  const save = useMutation({
    mutationFn: () =>
      createDeliveredService(c.id, { measureKey: measureKey || null, serviceCode: serviceCode || null, deliveredOn, quantity: Number(quantity), unit, providerName, notes }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('work.services.addTitle')} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <NativeSelect
            label={t('work.services.measure')}
            description={plan.data ? t('work.services.measureHint', { version: plan.data.versionNo }) : t('work.services.noPlan')}
            value={measureKey}
            onChange={(e) => setMeasureKey(e.currentTarget.value)}
            data={[{ value: '', label: t('work.services.unplanned') }, ...measures.map((m) => ({ value: m.key, label: `${m.action} (${m.goal})` }))]}
          />
          <NativeSelect
            label={t('work.services.service')}
            value={serviceCode}
            onChange={(e) => setServiceCode(e.currentTarget.value)}
            data={[
              { value: '', label: measure?.serviceCode ? t('work.services.asPlanned', { name: ((x) => (x ? name(x) : measure.serviceCode))(catalogue.data?.find((s) => s.code === measure.serviceCode)) }) : t('work.services.chooseService') },
              ...(catalogue.data ?? []).map((s) => ({ value: s.code, label: name(s) })),
            ]}
          />
          <DateField label={t('work.services.deliveredOn')} value={deliveredOn} onChange={setDeliveredOn} maxDate={todayInKyiv()} required maw={240} />
          <Group grow align="flex-start">
            <NumberInput label={t('work.services.quantity')} min={0.01} decimalSeparator="," value={quantity} onChange={setQuantity} required />
            <TextInput label={t('work.services.unit')} placeholder={service?.unitOfMeasure ?? ''} description={service ? t('work.services.unitHint', { unit: service.unitOfMeasure }) : undefined} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} />
          </Group>
          <TextInput label={t('work.services.provider')} description={t('work.services.providerHint')} value={providerName} onChange={(e) => setProviderName(e.currentTarget.value)} />
          <Textarea label={t('work.services.notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          <ErrorAlert error={save.error} />
          <ModalFormActions onCancel={onClose} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Services delivered, latest first, against the agreed plan's measures (SPEC §2.10). */
export function DeliveredServicesSection({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const list = useQuery(deliveredServicesQuery(c.id));
  const [adding, setAdding] = useState(false);
  const items = list.data?.items ?? [];
  const canCreate = list.data?.allowedActions.includes('create') ?? false;
  return (
    <CaseSection id="services-title" title={t('work.services.title')}>
      <ErrorAlert error={list.error} />
      <RecordsTable
        caption={t('work.services.title')}
        rows={list.data ? items : undefined}
        rowKey={(s) => s.id}
        empty={canCreate ? t('work.services.emptyCanAdd') : t('work.services.empty')}
        columns={[
          { key: 'date', header: t('work.services.columns.date'), nowrap: true, cell: (s) => formatDate(s.deliveredOn) },
          { key: 'service', header: t('work.services.columns.service'), cell: (s) => (i18n.language === 'en' ? s.serviceNameEn : s.serviceNameUk) },
          { key: 'measure', header: t('work.services.columns.measure'), cell: (s) => s.measureAction ?? t('work.services.unplanned') },
          { key: 'quantity', header: t('work.services.columns.quantity'), nowrap: true, cell: (s) => `${s.quantity.toLocaleString('uk-UA')} ${s.unit}` },
          { key: 'provider', header: t('work.services.columns.provider'), cell: (s) => s.provider.name || t('common.none') },
        ]}
      />
      {canCreate && (
        <Group>
          <Button variant="light" onClick={() => setAdding(true)}>
            {t('work.services.add')}
          </Button>
        </Group>
      )}
      {adding && <DeliveredServiceModal c={c} onClose={() => setAdding(false)} />}
    </CaseSection>
  );
}
