import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isReporterOnly, useMe } from '../features/auth/auth.queries.ts';
import { ProviderDetails } from '../features/providers/provider-details.tsx';
import { ProviderForm } from '../features/providers/provider-form.tsx';
import { providerQuery } from '../features/providers/providers.queries.ts';
import { ProviderStatusBadge } from '../features/providers/providers-table.tsx';
import { isApiError } from '../ui/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { AnchorLink } from '../ui/links.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** One provider of the register, with its services and places; changed by the administrator or the community planner. */
export function ProviderPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { providerId } = useParams({ from: '/app/providers/$providerId' });
  const { created } = useSearch({ from: '/app/providers/$providerId' });
  const navigate = useNavigate();
  const allowed = !isReporterOnly(me);
  const query = useQuery({ ...providerQuery(providerId), enabled: allowed });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const p = query.data;
  const name = p ? (i18n.language === 'en' ? p.nameEn : p.nameUk) : '';
  usePageTitle(p ? name : allowed && query.isPending ? t('common.loading') : t('common.notFoundTitle'));
  if (!allowed) return <NotFound />;
  if (query.isPending) return <PageLoader />;
  if (isApiError(query.error, 404) || isApiError(query.error, 403)) return <NotFound />;
  if (!p) return <ErrorAlert error={query.error} />;
  return (
    <Stack gap="md">
      <div>
        <AnchorLink to="/providers" size="sm">
          {t('providers.backToList')}
        </AnchorLink>
      </div>
      {(created === 'yes' || saved) && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => {
            setSaved(false);
            if (created) void navigate({ to: '.', search: {}, replace: true });
          }}
        >
          {created === 'yes' && !saved ? t('providers.created') : t('providers.saved')}
        </Alert>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} className="wrap-anywhere">
            {name}
          </Title>
          <Group gap="xs">
            <Text size="sm">{t(`providers.kind.${p.kind}`)}</Text>
            <ProviderStatusBadge status={p.status} />
          </Group>
        </Stack>
        {p.allowedActions.includes('edit') && (
          <Button
            variant="light"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('providers.edit')}
          </Button>
        )}
      </Group>
      <ProviderDetails p={p} />
      {editing && (
        <ProviderForm
          provider={p}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      )}
    </Stack>
  );
}
