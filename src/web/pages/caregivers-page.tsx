import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caregiverStages, caregiverTypes, type CaregiverStage, type CaregiverType } from '#domain/caregivers/caregivers.ts';
import { hasRole, useMe } from '../features/auth/auth.queries.ts';
import { CaregiverCreateForm } from '../features/caregivers/caregiver-create-form.tsx';
import { caregiversQuery } from '../features/caregivers/caregivers.queries.ts';
import { CaregiversTable } from '../features/caregivers/caregivers-table.tsx';
import { hromadasQuery } from '../features/territories/territories.queries.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** «Альтернативні сім’ї» — the register of caregivers by form, stage and hromada (SPEC §5). */
export function CaregiversPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  usePageTitle(t('caregivers.title'));
  const [caregiverType, setType] = useState<CaregiverType | ''>('');
  const [stage, setStage] = useState<CaregiverStage | ''>('');
  const [hromadaId, setHromadaId] = useState('');
  const [adding, setAdding] = useState(false);
  const hromadas = useQuery(hromadasQuery);
  const list = useQuery(caregiversQuery({ caregiverType: caregiverType || undefined, stage: stage || undefined, hromadaId: hromadaId || undefined }));
  const all = { value: '', label: t('caregivers.filters.all') };
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1}>{t('caregivers.title')}</Title>
          <Text c="dimmed" size="sm" maw={820}>
            {t('caregivers.intro')}
          </Text>
          <Text c="dimmed" size="xs" maw={820}>
            {t('caregivers.legal')}
          </Text>
        </div>
        {hasRole(me, 'child_affairs_specialist') && !adding && <Button onClick={() => setAdding(true)}>{t('caregivers.add')}</Button>}
      </Group>
      {adding && <CaregiverCreateForm onCancel={() => setAdding(false)} onSaved={(c) => void navigate({ to: '/caregivers/$caregiverId', params: { caregiverId: c.id } })} />}
      <Paper withBorder p="md" radius="md">
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect label={t('caregivers.filters.type')} value={caregiverType} data={[all, ...caregiverTypes.map((c) => ({ value: c, label: t(`caregivers.type.${c}`) }))]} onChange={(e) => setType(e.currentTarget.value as CaregiverType | '')} miw={200} />
          <NativeSelect label={t('caregivers.filters.stage')} value={stage} data={[all, ...caregiverStages.map((s) => ({ value: s, label: t(`caregivers.stage.${s}`) }))]} onChange={(e) => setStage(e.currentTarget.value as CaregiverStage | '')} miw={180} />
          <NativeSelect label={t('caregivers.filters.hromada')} value={hromadaId} data={[all, ...(hromadas.data ?? []).map((h) => ({ value: h.id, label: i18n.language === 'en' ? h.nameEn : h.nameUk }))]} onChange={(e) => setHromadaId(e.currentTarget.value)} miw={200} />
        </Group>
      </Paper>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoader />
      ) : (list.data?.items.length ?? 0) === 0 ? (
        <Alert color="gray" variant="light" role="status">
          {t('caregivers.empty')}
        </Alert>
      ) : (
        <CaregiversTable items={list.data?.items ?? []} />
      )}
    </Stack>
  );
}
