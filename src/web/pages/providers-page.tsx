import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { providerStatuses, type ProviderStatus } from '#domain/services/providers.ts';
import { hasRole, isReporterOnly, useMe } from '../features/auth/auth.queries.ts';
import { useServiceOptions } from '../features/catalogue/catalogue.queries.ts';
import { ProviderForm } from '../features/providers/provider-form.tsx';
import { providersQuery } from '../features/providers/providers.queries.ts';
import { ProvidersTable } from '../features/providers/providers-table.tsx';
import { hromadasQuery } from '../features/territories/territories.queries.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** «Надавачі послуг» — the providers register searched by service, hromada served and name (SPEC §4.2). */
export function ProvidersPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const allowed = !isReporterOnly(me);
  const mayAdd = hasRole(me, 'system_admin') || hasRole(me, 'community_planner');
  usePageTitle(allowed ? t('providers.title') : t('common.notFoundTitle'));
  const serviceOptions = useServiceOptions();
  const hromadas = useQuery({ ...hromadasQuery, enabled: allowed });
  const hromadaOptions = useMemo(() => (hromadas.data ?? []).map((h) => ({ value: h.id, label: i18n.language === 'en' ? h.nameEn : h.nameUk })), [hromadas.data, i18n.language]);
  const [serviceCode, setServiceCode] = useState<string | null>(null);
  const [hromadaId, setHromadaId] = useState<string | null>(null);
  const [status, setStatus] = useState<ProviderStatus | null>(null);
  const [name, setName] = useState('');
  const q = useDeferredValue(name.trim());
  const list = useInfiniteQuery({ ...providersQuery({ serviceCode: serviceCode ?? undefined, hromadaId: hromadaId ?? undefined, status: status ?? undefined, q: q || undefined }), enabled: allowed });
  const [adding, setAdding] = useState(false);
  if (!allowed) return <NotFound />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1}>{t('providers.title')}</Title>
          <Text c="dimmed" size="sm" maw={820}>
            {t('providers.intro')}
          </Text>
        </div>
        {mayAdd && <Button onClick={() => setAdding(true)}>{t('providers.add')}</Button>}
      </Group>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="providers-search">
        <Title order={2} size="h4" id="providers-search" mb="xs">
          {t('providers.searchHeading')}
        </Title>
        <Group grow align="flex-start" wrap="wrap">
          <Select label={t('providers.service')} placeholder={t('providers.anyService')} data={serviceOptions} value={serviceCode} onChange={setServiceCode} searchable clearable miw={220} clearButtonProps={{ 'aria-label': t('providers.anyService') }} />
          <Select label={t('providers.hromada')} placeholder={t('providers.anyHromada')} data={hromadaOptions} value={hromadaId} onChange={setHromadaId} searchable clearable miw={200} clearButtonProps={{ 'aria-label': t('providers.anyHromada') }} />
          <TextInput label={t('providers.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} miw={200} type="search" />
          <Select
            label={t('providers.statusFilter')}
            placeholder={t('providers.anyStatus')}
            data={providerStatuses.map((s) => ({ value: s, label: t(`providers.status.${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v as ProviderStatus | null)}
            clearable
            miw={160}
            clearButtonProps={{ 'aria-label': t('providers.anyStatus') }}
          />
        </Group>
      </Paper>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Alert color="gray" variant="light" role="status">
          {t('providers.empty')}
        </Alert>
      ) : (
        <ProvidersTable items={items} />
      )}
      {list.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {adding && (
        <ProviderForm
          onClose={() => setAdding(false)}
          onSaved={(p) => {
            setAdding(false);
            void navigate({ to: '/providers/$providerId', params: { providerId: p.id }, search: { created: 'yes' } });
          }}
        />
      )}
    </Stack>
  );
}
