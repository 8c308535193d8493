import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeadlineRuleEditor } from '../features/admin/deadline-rule-editor.tsx';
import { CalendarRegimesTable, DeadlineRulesTable, useRuleName } from '../features/admin/deadline-rules-tables.tsx';
import type { DeadlineRule } from '../features/admin/deadline-rules.api.ts';
import { deadlineRulesQuery } from '../features/admin/deadline-rules.queries.ts';
import { hasRole, useMe } from '../features/auth/auth.queries.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

function RulesBody() {
  const { t } = useTranslation();
  const name = useRuleName();
  const query = useQuery(deadlineRulesQuery);
  const [editing, setEditing] = useState<DeadlineRule | null>(null);
  const [saved, setSaved] = useState<DeadlineRule | null>(null);
  if (query.isPending) return <PageLoader />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  return (
    <Stack gap="lg">
      {saved && (
        <Alert color="green" role="status" withCloseButton onClose={() => setSaved(null)} closeButtonLabel={t('common.close')}>
          {t('deadlineRules.saved', { name: name(saved.key) })}
        </Alert>
      )}
      <DeadlineRulesTable
        data={query.data}
        onEdit={(r) => {
          setSaved(null);
          setEditing(r);
        }}
      />
      <Stack gap="xs" component="section" aria-labelledby="calendar-regimes">
        <Title order={2} size="h3" id="calendar-regimes">
          {t('deadlineRules.regimesHeading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('deadlineRules.regimesIntro')}
        </Text>
        <CalendarRegimesTable regimes={query.data.regimes} />
      </Stack>
      {editing && (
        <DeadlineRuleEditor
          rule={query.data.items.find((r) => r.id === editing.id) ?? editing}
          name={name(editing.key)}
          onClose={() => setEditing(null)}
          onSaved={(r) => {
            setEditing(null);
            setSaved(r);
          }}
        />
      )}
    </Stack>
  );
}

/** «Строки» — administration of the deadline table and the calendar regimes (SPEC §2.15, issue item 12). */
export function DeadlineRulesPage() {
  const { t } = useTranslation();
  const allowed = hasRole(useMe(), 'system_admin');
  usePageTitle(allowed ? t('deadlineRules.title') : t('common.notFoundTitle'));
  if (!allowed) return <NotFound />;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('deadlineRules.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('deadlineRules.intro')}
        </Text>
      </div>
      <Alert color="blue" variant="light">
        {t('deadlineRules.appliesFromNow')}
      </Alert>
      <RulesBody />
    </Stack>
  );
}
