import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/auth.queries.ts';
import { mayReadInstitutions } from '../features/institutions/access.ts';
import { AdmissionsSection } from '../features/institutions/admissions.tsx';
import { ChildCountsSection } from '../features/institutions/child-counts.tsx';
import { InstitutionDetails } from '../features/institutions/institution-details.tsx';
import { InstitutionForm } from '../features/institutions/institution-form.tsx';
import { institutionQuery } from '../features/institutions/institutions.queries.ts';
import { InstitutionStatusBadge } from '../features/institutions/institutions-table.tsx';
import { TransformationPlanSection } from '../features/institutions/transformation-plan.tsx';
import { isApiError } from '../ui/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { AnchorLink } from '../ui/links.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** One institution: details, children counts over time, the transformation plan with progress, admissions (SPEC §6). */
export function InstitutionPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { institutionId } = useParams({ from: '/app/institutions/$institutionId' });
  const allowed = mayReadInstitutions(me);
  const query = useQuery({ ...institutionQuery(institutionId), enabled: allowed });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const i = query.data;
  const name = i ? (i18n.language === 'en' && i.nameEn ? i.nameEn : i.nameUk) : '';
  usePageTitle(i ? name : allowed && query.isPending ? t('common.loading') : t('common.notFoundTitle'));
  if (!allowed) return <NotFound />;
  if (query.isPending) return <PageLoader />;
  if (isApiError(query.error, 404) || isApiError(query.error, 403)) return <NotFound />;
  if (!i) return <ErrorAlert error={query.error} />;
  return (
    <Stack gap="md">
      <div>
        <AnchorLink to="/institutions" size="sm">
          {t('institutions.backToList')}
        </AnchorLink>
      </div>
      {saved && (
        <Alert color="green" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setSaved(false)}>
          {t('institutions.saved')}
        </Alert>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} className="wrap-anywhere">
            {name}
          </Title>
          <Group gap="xs">
            <Text size="sm">{t(`institutions.type.${i.type}`)}</Text>
            <InstitutionStatusBadge status={i.status} />
          </Group>
        </Stack>
        {i.allowedActions.includes('edit') && (
          <Button
            variant="light"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('institutions.edit')}
          </Button>
        )}
      </Group>
      <InstitutionDetails i={i} />
      <ChildCountsSection i={i} />
      <TransformationPlanSection i={i} />
      <AdmissionsSection i={i} />
      {editing && (
        <InstitutionForm
          institution={i}
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
