import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { institutionTypes, type InstitutionType } from '#domain/institutions/institutions.ts';
import { hasRole, useMe } from '../features/auth/auth.queries.ts';
import { mayReadInstitutions } from '../features/institutions/access.ts';
import { InstitutionForm } from '../features/institutions/institution-form.tsx';
import { institutionsQuery, usePlaceOptions } from '../features/institutions/institutions.queries.ts';
import { InstitutionsTable } from '../features/institutions/institutions-table.tsx';
import { MonthlyAdmissions } from '../features/institutions/monthly-admissions.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** «Заклади» — the register of residential institutions with filters and first-time admissions by month (SPEC §6). */
export function InstitutionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const allowed = mayReadInstitutions(me);
  const mayAdd = hasRole(me, 'system_admin') || hasRole(me, 'oblast_coordinator');
  usePageTitle(allowed ? t('institutions.title') : t('common.notFoundTitle'));
  const places = usePlaceOptions();
  const [oblastId, setOblastId] = useState<string | null>(null);
  const [hromadaId, setHromadaId] = useState<string | null>(null);
  const [type, setType] = useState<InstitutionType | null>(null);
  const [name, setName] = useState('');
  const q = useDeferredValue(name.trim());
  const list = useInfiniteQuery({ ...institutionsQuery({ oblastId: oblastId ?? undefined, hromadaId: hromadaId ?? undefined, type: type ?? undefined, q: q || undefined }), enabled: allowed });
  const [adding, setAdding] = useState(false);
  if (!allowed) return <NotFound />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1}>{t('institutions.title')}</Title>
          <Text c="dimmed" size="sm" maw={820}>
            {t('institutions.intro')}
          </Text>
          <Text c="dimmed" size="xs" maw={820}>
            {t('institutions.legal')}
          </Text>
        </div>
        {mayAdd && <Button onClick={() => setAdding(true)}>{t('institutions.add')}</Button>}
      </Group>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="institutions-search">
        <Title order={2} size="h4" id="institutions-search" mb="xs">
          {t('institutions.searchHeading')}
        </Title>
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('institutions.oblast')}
            placeholder={t('institutions.anyOblast')}
            data={places.oblasts}
            value={oblastId}
            onChange={(v) => {
              setOblastId(v);
              setHromadaId(null);
            }}
            clearable
            searchable
            miw={180}
            clearButtonProps={{ 'aria-label': t('institutions.anyOblast') }}
          />
          <Select label={t('institutions.hromada')} placeholder={t('institutions.anyHromada')} data={places.hromadasOf(oblastId)} value={hromadaId} onChange={setHromadaId} clearable searchable miw={200} clearButtonProps={{ 'aria-label': t('institutions.anyHromada') }} />
          <Select
            label={t('institutions.typeFilter')}
            placeholder={t('institutions.anyType')}
            data={institutionTypes.map((ty) => ({ value: ty, label: t(`institutions.type.${ty}`) }))}
            value={type}
            onChange={(v) => setType(v as InstitutionType | null)}
            clearable
            miw={200}
            clearButtonProps={{ 'aria-label': t('institutions.anyType') }}
          />
          <TextInput label={t('institutions.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} miw={180} type="search" />
        </Group>
      </Paper>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Alert color="gray" variant="light" role="status">
          {t('institutions.empty')}
        </Alert>
      ) : (
        <InstitutionsTable items={items} />
      )}
      {list.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      <MonthlyAdmissions oblastId={oblastId ?? undefined} hromadaId={hromadaId ?? undefined} />
      {adding && (
        <InstitutionForm
          onClose={() => setAdding(false)}
          onSaved={(i) => {
            setAdding(false);
            void navigate({ to: '/institutions/$institutionId', params: { institutionId: i.id } });
          }}
        />
      )}
    </Stack>
  );
}
