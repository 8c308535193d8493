import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../features/auth/auth.queries.ts';
import type { CatalogueService } from '../features/catalogue/catalogue.api.ts';
import { allServicesQuery } from '../features/catalogue/catalogue.queries.ts';
import { CatalogueTables } from '../features/catalogue/catalogue-tables.tsx';
import { ServiceEditor } from '../features/catalogue/service-editor.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

function CatalogueBody() {
  const { t, i18n } = useTranslation();
  const query = useQuery(allServicesQuery);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<CatalogueService | null>(null);
  if (query.isPending) return <PageLoader />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const current = editing ? query.data.find((s) => s.code === editing) : undefined;
  return (
    <Stack gap="lg">
      {saved && (
        <Alert color="green" role="status" withCloseButton onClose={() => setSaved(null)} closeButtonLabel={t('common.close')}>
          {t('catalogue.saved', { name: i18n.language === 'en' ? saved.nameEn : saved.nameUk })}
        </Alert>
      )}
      <CatalogueTables
        services={query.data}
        onEdit={(s) => {
          setSaved(null);
          setEditing(s.code);
        }}
      />
      {current && (
        <ServiceEditor
          service={current}
          onClose={() => setEditing(null)}
          onSaved={(s) => {
            setEditing(null);
            setSaved(s);
          }}
        />
      )}
    </Stack>
  );
}

/** «Каталог послуг» — the system administrator keeps the ISSB and basic services catalogue (SPEC §4.1). */
export function ServiceCataloguePage() {
  const { t } = useTranslation();
  const allowed = hasRole(useMe(), 'system_admin');
  usePageTitle(allowed ? t('catalogue.title') : t('common.notFoundTitle'));
  if (!allowed) return <NotFound />;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('catalogue.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('catalogue.intro')}
        </Text>
      </div>
      <CatalogueBody />
    </Stack>
  );
}
