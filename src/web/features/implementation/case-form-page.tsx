import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseTab } from '../../router.tsx';
import { isApiError } from '../../ui/api-client.ts';
import { DateField as BaseDateField } from '../../ui/date-field.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { AnchorLink } from '../../ui/links.tsx';
import { NotFound } from '../../ui/not-found.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/page-title.ts';
import { caseTitleOf } from '../cases/case-title.ts';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';

/**
 * A form page of a case (benchmarks, home visit, review, closure request): loads the case, shows the page heading,
 * the case it belongs to and the way back to its tab; the body gets the loaded case.
 */
export function CaseFormPage({ caseId, title, backTab, children }: { caseId: string; title: string; backTab: CaseTab; children: (c: CaseDetail) => ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(title);
  const query = useQuery(caseQuery(caseId));
  if (query.isPending) return <PageLoader />;
  if (isApiError(query.error, 404) || isApiError(query.error, 403)) return <NotFound />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const c = query.data;
  return (
    <Stack gap="md" maw={960}>
      <Paper withBorder p="md" radius="md" component="header">
        <Stack gap={4}>
          <AnchorLink to="/cases/$caseId" params={{ caseId }} search={{ tab: backTab }} size="sm">
            {t('work.backToCase', { number: c.number })}
          </AnchorLink>
          <Title order={1}>{title}</Title>
          <Text size="sm" c="dimmed" className="wrap-anywhere">
            {caseTitleOf(c)}
          </Text>
        </Stack>
      </Paper>
      {children(c)}
    </Stack>
  );
}

/** A date typed as дд.мм.рррр or picked, value `YYYY-MM-DD` (or '' when empty). */
export function DateField({ value, onChange, ...rest }: Omit<ComponentProps<typeof BaseDateField>, 'value' | 'onChange'> & { value: string; onChange: (v: string) => void }) {
  return <BaseDateField clearable={false} {...rest} value={value || null} onChange={(v) => onChange(v ?? '')} />;
}

