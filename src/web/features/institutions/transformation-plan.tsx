import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MilestoneStatus } from '#domain/institutions/transformation.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import { LabelledProgress } from '../../ui/labelled-progress.tsx';
import { saveTransformationPlan, type Institution } from './institutions.api.ts';
import { institutionQuery } from './institutions.queries.ts';
import { milestonesBody, PlanForm, planFieldsBody } from './plan-form.tsx';

const milestoneColor: Record<MilestoneStatus, string> = { planned: 'gray', in_progress: 'blue', done: 'green', delayed: 'orange' };

/** The transformation plan: target, status, progress, overdue milestones; milestones can be marked done in place. */
export function TransformationPlanSection({ i }: { i: Institution }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const plan = i.plan;
  const mayEdit = i.allowedActions.includes('edit');
  const markDone = useMutation({
    mutationFn: (id: string) => {
      if (!plan) throw new Error('no plan');
      return saveTransformationPlan(i.id, { ...planFieldsBody(plan), milestones: milestonesBody(plan, { id, status: 'done', doneDate: todayInKyiv() }), version: plan.version });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(institutionQuery(i.id).queryKey, saved);
    },
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="institution-plan">
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
        <div>
          <Title order={2} size="h4" id="institution-plan">
            {t('institutions.plan.heading')}
          </Title>
          <Text size="xs" c="dimmed" maw={720}>
            {t('institutions.plan.legal')}
          </Text>
        </div>
        {mayEdit && (
          <Button variant="light" onClick={() => setEditing(true)}>
            {plan ? t('institutions.plan.edit') : t('institutions.plan.create')}
          </Button>
        )}
      </Group>
      {!plan ? (
        <Text c="dimmed" size="sm" role="status">
          {t('institutions.plan.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap="md" wrap="wrap">
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('institutions.plan.targetProfile')}:{' '}
              </Text>
              {t(`institutions.plan.target.${plan.targetProfile}`)}
            </Text>
            <Badge variant="light">{t(`institutions.plan.planStatus.${plan.status}`)}</Badge>
            {plan.approvedOn && (
              <Text size="sm">
                {t('institutions.plan.approvedOn')}: {formatDate(plan.approvedOn)}
                {plan.approvedBy ? ` — ${plan.approvedBy}` : ''}
              </Text>
            )}
          </Group>
          <div>
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={600} id="plan-progress-label">
                {t('institutions.plan.progressLabel')}: {t('institutions.plan.progress', { percent: plan.progressPercent })}
              </Text>
              {plan.overdueCount > 0 && (
                <Text size="sm" c="red.8" fw={600}>
                  {t('institutions.plan.overdue', { count: plan.overdueCount })}
                </Text>
              )}
            </Group>
            <LabelledProgress value={plan.progressPercent} labelId="plan-progress-label" />
          </div>
          {plan.resourcesRedirected && (
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('institutions.plan.resourcesRedirected')}:{' '}
              </Text>
              {plan.resourcesRedirected}
            </Text>
          )}
          <Title order={3} size="h5">
            {t('institutions.plan.milestones')}
          </Title>
          {plan.milestones.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('institutions.plan.noMilestones')}
            </Text>
          ) : (
            <div className="table-scroll">
              <Table verticalSpacing={4} striped>
                <Table.Caption className="visually-hidden">{t('institutions.plan.milestonesCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('institutions.plan.milestone.title')}</Table.Th>
                    <Table.Th scope="col">{t('institutions.plan.milestone.dueDate')}</Table.Th>
                    <Table.Th scope="col">{t('institutions.plan.milestone.responsible')}</Table.Th>
                    <Table.Th scope="col">{t('institutions.plan.milestone.status')}</Table.Th>
                    {mayEdit && <Table.Th scope="col">{t('institutions.plan.milestone.markDone')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.milestones.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Th scope="row" fw={500} miw={200}>
                        {m.title}
                      </Table.Th>
                      <Table.Td>
                        {formatDate(m.dueDate)}
                        {m.overdue && (
                          <Badge color="red" variant="light" ml={6}>
                            {t('institutions.plan.milestone.overdue')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{m.responsible || t('common.none')}</Table.Td>
                      <Table.Td>
                        <Badge color={milestoneColor[m.status]} variant="light">
                          {t(`institutions.plan.milestoneStatus.${m.status}`)}
                        </Badge>
                        {m.doneDate && <Text size="xs">{formatDate(m.doneDate)}</Text>}
                      </Table.Td>
                      {mayEdit && (
                        <Table.Td>
                          {m.status !== 'done' && (
                            <Button size="xs" variant="default" loading={markDone.isPending && markDone.variables === m.id} onClick={() => markDone.mutate(m.id)} aria-label={`${t('institutions.plan.milestone.markDone')}: ${m.title}`}>
                              {t('institutions.plan.milestone.markDone')}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
          <ErrorAlert
            error={markDone.error}
            onReload={() => {
              markDone.reset();
              void queryClient.invalidateQueries({ queryKey: institutionQuery(i.id).queryKey });
            }}
          />
        </Stack>
      )}
      {editing && <PlanForm i={i} onClose={() => setEditing(false)} />}
    </Paper>
  );
}
