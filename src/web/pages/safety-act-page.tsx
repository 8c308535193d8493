import { Button, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseChildren, caseTitleOf } from '../features/cases/case-title.ts';
import { caseQuery } from '../features/cases/cases.queries.ts';
import { formatFullName, sortBySurname } from '../features/persons/person-name.ts';
import { SafetyActForm } from '../features/safety/safety-act-form.tsx';
import { startSafetyAct } from '../features/safety/safety.api.ts';
import { safetyActsQuery } from '../features/safety/safety.queries.ts';
import { isApiError } from '../ui/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { AnchorLink } from '../ui/links.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** The child safety-assessment act of a case (Resolution 585 Annex 10; SPEC §2.4): the latest act of the chosen child. */
export function SafetyActPage() {
  const { t } = useTranslation();
  usePageTitle(t('safetyAct.title'));
  const { caseId } = useParams({ from: '/app/cases/$caseId/safety-act' });
  const search = useSearch({ from: '/app/cases/$caseId/safety-act' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [generation, setGeneration] = useState(0);
  const caseResult = useQuery(caseQuery(caseId));
  const acts = useQuery(safetyActsQuery(caseId));
  const start = useMutation({
    mutationFn: (childId: string) => startSafetyAct(caseId, childId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: safetyActsQuery(caseId).queryKey }),
  });

  if (caseResult.isPending || acts.isPending) return <PageLoader />;
  if (isApiError(caseResult.error, 404) || isApiError(acts.error, 404)) return <NotFound />;
  const c = caseResult.data;
  if (!c) return <ErrorAlert error={caseResult.error} />;
  if (!acts.data) return <ErrorAlert error={acts.error} />;

  const children = sortBySurname(caseChildren(c));
  const child = children.find((m) => m.personId === search.child) ?? children[0];
  if (!child) return <NotFound />;
  const act = acts.data.items.find((a) => a.child.personId === child.personId);
  const mayStart = c.allowedActions.includes('needs_assessment.edit') && c.status === 'open';

  const reload = async () => {
    await Promise.all([queryClient.refetchQueries({ queryKey: safetyActsQuery(caseId).queryKey }), queryClient.refetchQueries({ queryKey: caseQuery(caseId).queryKey })]);
    setGeneration((g) => g + 1);
  };

  return (
    <Stack gap="md">
      {children.length > 1 && (
        <NativeSelect
          label={t('safetyAct.childLabel')}
          maw={420}
          value={child.personId}
          data={children.map((m) => ({ value: m.personId, label: formatFullName(m) }))}
          onChange={(e) => void navigate({ to: '.', search: { child: e.currentTarget.value } })}
        />
      )}
      {act ? (
        <SafetyActForm key={`${act.id}-${generation}`} c={c} initial={act} onReload={() => void reload()} />
      ) : (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm" align="flex-start">
            <AnchorLink to="/cases/$caseId" params={{ caseId: c.id }} search={{ tab: 'assessment' }} size="sm">
              ← {t('safetyAct.caseLink', { number: c.number })} · {caseTitleOf(c)}
            </AnchorLink>
            <Title order={1}>{t('safetyAct.title')}</Title>
            <Text size="sm" c="dimmed">{t('safetyAct.actName')}</Text>
            <Text size="sm">{formatFullName(child)}</Text>
            <Text size="sm">{t('safetyAct.none')}</Text>
            {mayStart && (
              <Button loading={start.isPending} onClick={() => start.mutate(child.personId)}>
                {t('safetyAct.start')}
              </Button>
            )}
            {start.error && <ErrorAlert error={start.error} title={t('safetyAct.startFailed')} />}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
