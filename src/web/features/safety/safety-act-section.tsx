import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { CaseSection } from '../cases/case-sections.tsx';
import { DeadlineInfo } from '../cases/case-badges.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { formatFullName, sortBySurname } from '../persons/person-name.ts';
import { safetyActPdfUrl, startSafetyAct, type SafetyAct } from './safety.api.ts';
import { safetyActsQuery } from './safety.queries.ts';
import { AssessmentStatusBadge, SafetyLevelBadge } from './safety-labels.tsx';
import { caseChildren } from '../cases/case-title.ts';

/** The immediate actions of an act: what, who took it and when. */
export function SafetyActionsList({ act }: { act: SafetyAct }) {
  const { t } = useTranslation();
  if (act.actions.length === 0) return <Text size="sm">{t('safetyAct.noActions')}</Text>;
  return (
    <List size="sm" spacing={4}>
      {act.actions.map((a) => (
        <List.Item key={a.id}>
          <Text size="sm" fw={600} span>
            {t(`safetyAct.actionType.${a.actionType}`)}
          </Text>
          {a.description ? ` — ${a.description}` : ''}
          <Text size="xs" c="dimmed">
            {t('safetyAct.actionBy', { name: a.takenByName, org: a.takenByOrganisation ? ` (${a.takenByOrganisation})` : '', date: formatDateTime(a.takenAt) })}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** The latest act of one child with the way in. */
function ChildSafety({ c, childId, name, act, multiple }: { c: CaseDetail; childId: string; name: string; act: SafetyAct | undefined; multiple: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mayStart = c.allowedActions.includes('needs_assessment.edit') && c.status === 'open';
  const start = useMutation({
    mutationFn: () => startSafetyAct(c.id, childId),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: safetyActsQuery(c.id).queryKey }), queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey })]);
      await navigate({ to: '/cases/$caseId/safety-act', params: { caseId: c.id }, search: { child: childId } });
    },
  });
  const headingId = `safety-child-${childId}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={multiple ? headingId : undefined}>
      {multiple && (
        <Title order={3} size="h5" id={headingId}>
          {name}
        </Title>
      )}
      {!act ? (
        <>
          <Text size="sm">{t('safetyAct.none')}</Text>
          <Text size="sm" c="dimmed">
            {t('safetyAct.noneHint')}
          </Text>
        </>
      ) : (
        <Stack gap={6}>
          <Group gap="xs" wrap="wrap">
            <AssessmentStatusBadge status={act.status} scope="safetyAct" />
            <SafetyLevelBadge level={act.level} />
          </Group>
          <Text size="sm">
            {t('safetyAct.assessedOn')}: {formatDateTime(act.assessedAt)} · {t('safetyAct.assessedBy')}: {act.assessedBy.name}
          </Text>
          {act.completedAt && <Text size="sm">{t('safetyAct.completedAt', { date: formatDateTime(act.completedAt) })}</Text>}
          <Text size="sm" fw={600}>
            {t('safetyAct.actionsTitle')}
          </Text>
          <SafetyActionsList act={act} />
        </Stack>
      )}
      <Group gap="sm" wrap="wrap">
        {act?.status === 'draft' && act.allowedActions.includes('update') && (
          <ButtonLink to="/cases/$caseId/safety-act" params={{ caseId: c.id }} search={{ child: childId }}>
            {t('safetyAct.continue')}
          </ButtonLink>
        )}
        {act && !(act.status === 'draft' && act.allowedActions.includes('update')) && (
          <ButtonLink to="/cases/$caseId/safety-act" params={{ caseId: c.id }} search={{ child: childId }} variant="default">
            {t('safetyAct.view')}
          </ButtonLink>
        )}
        {mayStart && act?.status !== 'draft' && (
          <Button variant={act ? 'default' : 'filled'} loading={start.isPending} onClick={() => start.mutate()}>
            {act ? t('safetyAct.startAgain') : t('safetyAct.start')}
          </Button>
        )}
        {act && (
          <Anchor href={safetyActPdfUrl(c.id)} target="_blank" rel="noopener" size="sm">
            {t('safetyAct.print')}
          </Anchor>
        )}
      </Group>
      {start.error && <ErrorAlert error={start.error} title={t('safetyAct.startFailed')} />}
    </Stack>
  );
}

/** Safety assessment acts of the case's children on the assessment tab (Resolution 585 Annex 10; SPEC §2.4). */
export function SafetyActSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const acts = useQuery(safetyActsQuery(c.id));
  const children = sortBySurname(caseChildren(c));
  const deadline = c.deadlines.find((d) => d.key === 'safety_assessment');
  return (
    <CaseSection id="safety-title" title={t('safetyAct.title')}>
      {deadline && !deadline.metOn && <DeadlineInfo deadline={deadline} withName={false} />}
      {acts.isPending && <Text size="sm">{t('common.loading')}</Text>}
      {acts.error && <ErrorAlert error={acts.error} />}
      {acts.data &&
        children.map((child) => (
          <ChildSafety
            key={child.personId}
            c={c}
            childId={child.personId}
            name={formatFullName(child)}
            act={acts.data.items.find((a) => a.child.personId === child.personId)}
            multiple={children.length > 1}
          />
        ))}
    </CaseSection>
  );
}
