import { Badge, Box, Group, List, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { caseEventKinds, type CaseEventKind } from '#domain/cases/case-events.ts';
import { caseSteps, type CaseStep } from '#domain/cases/workflow.ts';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { formatFullName, sortBySurname } from '../persons/person-name.ts';
import { DeadlineInfo } from './case-badges.tsx';
import type { CaseDetail, TimelineEvent } from './cases.api.ts';

/** A titled card on the case page (a sub-section of a tab's section with `level={3}`), with an optional intro line. */
export function CaseSection({ id, title, intro, level = 2, children }: { id: string; title: string; intro?: string; level?: 2 | 3; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={level} size="h4" id={id}>
          {title}
        </Title>
        {intro && (
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

/** Deadlines with due/overdue status and their legal source. */
export function CaseDeadlines({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <CaseSection id="deadlines-title" title={t('casePage.deadlinesTitle')}>
      {c.deadlines.length === 0 ? (
        <Text size="sm">{t('deadline.none')}</Text>
      ) : (
        <List listStyleType="none" p={0} m={0} spacing="sm">
          {c.deadlines.map((d) => (
            <List.Item key={`${d.key}-${d.dueDate}`}>
              <DeadlineInfo deadline={d} />
            </List.Item>
          ))}
        </List>
      )}
    </CaseSection>
  );
}

/** Household members, sorted by surname in Ukrainian alphabetical order. */
export function CaseMembers({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const members = sortBySurname(c.members);
  return (
    <CaseSection id="members-title" title={t('casePage.membersTitle')}>
      <Box visibleFrom="sm" className="table-scroll">
        <Table verticalSpacing="xs">
          <Table.Caption style={{ textAlign: 'left', captionSide: 'top' }} className="visually-hidden">
            {t('casePage.membersCaption')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('casePage.memberColumns.name')}</Table.Th>
              <Table.Th scope="col">{t('casePage.memberColumns.birthDate')}</Table.Th>
              <Table.Th scope="col">{t('casePage.memberColumns.role')}</Table.Th>
              <Table.Th scope="col">{t('casePage.memberColumns.relationship')}</Table.Th>
              <Table.Th scope="col">{t('casePage.memberColumns.disability')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m) => (
              <Table.Tr key={m.personId}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {formatFullName(m)}
                  </Text>
                  {m.latinName && (
                    <Text size="xs" c="dimmed">
                      {t('casePage.latinName', { name: m.latinName })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(m.birthDate)}</Table.Td>
                <Table.Td>{t(`memberRole.${m.role}`)}</Table.Td>
                <Table.Td>{m.relationship || t('common.none')}</Table.Td>
                <Table.Td>{m.disability ? t('common.yes') : t('common.no')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Stack hiddenFrom="sm" gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {members.map((m) => (
          <li key={m.personId}>
            <Text size="sm" fw={600}>
              {formatFullName(m)}
            </Text>
            <Text size="sm">
              {formatDate(m.birthDate)} · {t(`memberRole.${m.role}`)}
              {m.relationship ? ` · ${m.relationship}` : ''}
              {m.disability ? ` · ${t('casePage.memberColumns.disability')}` : ''}
            </Text>
            {m.latinName && (
              <Text size="xs" c="dimmed">
                {t('casePage.latinName', { name: m.latinName })}
              </Text>
            )}
          </li>
        ))}
      </Stack>
    </CaseSection>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Box fz="sm" className="prewrap">
        {children}
      </Box>
    </div>
  );
}

/** The notification the case was opened from (Order 1005 fields). */
export function CaseNotification({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const n = c.notification;
  return (
    <CaseSection id="notification-title" title={t('casePage.notificationTitle')}>
      {!n ? (
        <Text size="sm">{t('casePage.noNotification')}</Text>
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Field label={t('casePage.notification.receivedAt')}>{formatDateTime(n.receivedAt)}</Field>
            <Field label={t('casePage.notification.receivedBy')}>{n.receivedByName || t('common.none')}</Field>
            <Field label={t('casePage.notification.source')}>{t(`reportSource.${n.source}`)}</Field>
            <Field label={t('casePage.notification.reporterOrganisation')}>{n.reporterOrganisation || t('common.none')}</Field>
            <Field label={t('casePage.notification.reporterPerson')}>{n.reporterPerson || t('common.none')}</Field>
            <Field label={t('casePage.notification.reporterContact')}>{n.reporterContact || t('common.none')}</Field>
          </SimpleGrid>
          <Field label={t('casePage.notification.description')}>{n.description}</Field>
          {n.threatToLifeOrHealth && (
            <Group>
              <Badge color="red" variant="filled">
                {t('casePage.notification.threat')}
              </Badge>
            </Group>
          )}
          {n.childFactors.length > 0 && (
            <Field label={t('casePage.notification.childFactors')}>
              <List size="sm">
                {n.childFactors.map((f) => (
                  <List.Item key={f}>{t(`childFactor.${f}` as 'childFactor.homelessness', { defaultValue: f })}</List.Item>
                ))}
              </List>
            </Field>
          )}
          {n.adultFactors.length > 0 && (
            <Field label={t('casePage.notification.adultFactors')}>
              <List size="sm">
                {n.adultFactors.map((f) => (
                  <List.Item key={f}>{t(`adultFactor.${f}` as 'adultFactor.other', { defaultValue: f })}</List.Item>
                ))}
              </List>
            </Field>
          )}
          {n.urgentActions.length > 0 && (
            <Field label={t('casePage.notification.urgentActions')}>
              <List size="sm">
                {n.urgentActions.map((a) => (
                  <List.Item key={a}>{t(`urgentAction.${a}` as 'urgentAction.police_notified', { defaultValue: a })}</List.Item>
                ))}
              </List>
            </Field>
          )}
          {n.actionsTaken && <Field label={t('casePage.notification.actionsTaken')}>{n.actionsTaken}</Field>}
          {n.documents && <Field label={t('casePage.notification.documents')}>{n.documents}</Field>}
        </Stack>
      )}
    </CaseSection>
  );
}

/** Needs-assessment status with the way in when the user may edit it. */
export function CaseNeedsAssessment({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const na = c.needsAssessment;
  const canEdit = c.allowedActions.includes('needs_assessment.edit');
  const deadline = c.deadlines.find((d) => d.key === 'needs_assessment');
  return (
    <CaseSection id="na-title" title={t('casePage.needsAssessmentTitle')}>
      <Group gap="sm" wrap="wrap">
        {!na && <Text size="sm">{t('casePage.needsAssessmentNone')}</Text>}
        {na?.status === 'draft' && (
          <Badge variant="light" color="yellow">
            {t('casePage.needsAssessmentDraft', { percent: na.percent })}
          </Badge>
        )}
        {na?.status === 'completed' && (
          <Badge variant="light" color="green">
            {t('casePage.needsAssessmentCompleted', { date: formatDate(na.completedAt) })}
          </Badge>
        )}
      </Group>
      {deadline && na?.status !== 'completed' && <DeadlineInfo deadline={deadline} withName={false} />}
      <Group>
        {na?.status === 'completed' ? (
          <ButtonLink to="/cases/$caseId/needs-assessment" params={{ caseId: c.id }} variant="default">
            {t('casePage.needsAssessmentView')}
          </ButtonLink>
        ) : (
          canEdit && (
            <ButtonLink to="/cases/$caseId/needs-assessment" params={{ caseId: c.id }}>
              {na ? t('casePage.needsAssessmentContinue') : t('casePage.needsAssessmentStart')}
            </ButtonLink>
          )
        )}
      </Group>
    </CaseSection>
  );
}

const isShownKind = (k: string): k is CaseEventKind => (caseEventKinds as readonly string[]).includes(k);
const isStep = (s: unknown): s is CaseStep => typeof s === 'string' && (caseSteps as readonly string[]).includes(s);

function EventText({ e }: { e: TimelineEvent }) {
  const { t } = useTranslation();
  if (e.kind === 'step_changed' && isStep(e.data.from) && isStep(e.data.to)) {
    return <>{t('timeline.step_changed_to', { from: t(`caseStep.${e.data.from}`), to: t(`caseStep.${e.data.to}`) })}</>;
  }
  return <>{isShownKind(e.kind) ? t(`timeline.${e.kind}`) : t('timeline.other')}</>;
}

/** Every event of the case, newest first; views of the file are audit data, not shown here. */
export function CaseTimeline({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const sorted = c.timeline.filter((e) => e.kind !== 'case_viewed').sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  // Autosave writes a "draft saved" event each time; a run of them by one person reads as one entry.
  const events: Array<TimelineEvent & { repeats: number }> = [];
  for (const e of sorted) {
    const last = events[events.length - 1];
    if (last && e.kind === 'needs_assessment_saved' && last.kind === e.kind && last.actorName === e.actorName) last.repeats += 1;
    else events.push({ ...e, repeats: 1 });
  }
  return (
    <CaseSection id="timeline-title" title={t('casePage.timelineTitle')}>
      {events.length === 0 ? (
        <Text size="sm">{t('casePage.timelineEmpty')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={events.length} component="ol" className="timeline-list" style={{ paddingLeft: 0 }}>
          {events.map((e) => (
            <Timeline.Item key={e.id} title={<EventText e={e} />} component="li">
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)}
                {e.actorName ? ` · ${e.actorName}` : ''}
                {e.repeats > 1 ? ` · ${t('timeline.repeats', { n: e.repeats })}` : ''}
              </Text>
              {typeof e.data.reason === 'string' && e.data.reason && (
                <Text size="sm" className="prewrap">
                  {t('timeline.reason', { reason: e.data.reason })}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </CaseSection>
  );
}
