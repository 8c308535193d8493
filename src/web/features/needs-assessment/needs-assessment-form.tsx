import { Alert, Anchor, Badge, Box, Button, Grid, Group, List, Modal, NativeSelect, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  completionPercent,
  findMissingParts,
  needsAssessmentSections,
  type MissingPart,
  type NeedsAssessmentSection,
} from '#domain/cases/needs-assessment.ts';
import { ApiError, isApiError } from '../../ui/api-client.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, formatDateTime, formatTime } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { LabelledProgress } from '../../ui/labelled-progress.tsx';
import { MergeView } from '../../ui/merge-view.tsx';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import { DeadlineInfo } from '../cases/case-badges.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseTitleOf } from '../cases/case-title.ts';
import { formatFullName } from '../persons/person-name.ts';
import { AdultsSection, ChildrenSection, ConclusionSection, FamilySection, MembersSection, partId, type PersonLabels } from './act-sections.tsx';
import { mergeLabel, mergeValueText } from './merge-labels.ts';
import type { NeedsAssessmentView } from './needs-assessment.api.ts';
import { useNeedsAssessmentEditor, type HouseholdMember } from './use-needs-assessment-editor.ts';

type Props = {
  c: CaseDetail;
  view: NeedsAssessmentView;
  section: NeedsAssessmentSection;
  onSection: (s: NeedsAssessmentSection) => void;
  onReload: () => void;
};

function isMissingPartList(v: unknown): v is MissingPart[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && typeof (x as MissingPart).section === 'string' && typeof (x as MissingPart).path === 'string');
}

/** Focuses the first control inside (or the element itself) and brings it into view. */
function focusPart(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const control = el.matches('input, textarea, select, button') ? el : el.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select, button');
  el.scrollIntoView({ block: 'center' });
  (control ?? el).focus({ preventScroll: true });
}

/**
 * The act of needs assessment (Order 1005) split into its five sections with progress and navigation,
 * autosaved as a draft; completion lists what is missing, linked to its place.
 */
export function NeedsAssessmentForm({ c, view, section, onSection, onReload }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const household = useMemo<HouseholdMember[]>(() => c.members.map((m) => ({ personId: m.personId, role: m.role, disability: m.disability })), [c.members]);
  const people = useMemo<PersonLabels>(() => new Map(c.members.map((m) => [m.personId, { name: formatFullName(m), birthDate: m.birthDate }])), [c.members]);
  const editor = useNeedsAssessmentEditor(c.id, view, household);
  const { content } = editor;
  const editable = view.canEdit && view.status === 'draft';
  const percent = completionPercent(content, household);
  const missingNow = useMemo(() => findMissingParts(content, household), [content, household]);
  const [serverMissing, setServerMissing] = useState<MissingPart[] | null>(null);
  const [completeError, setCompleteError] = useState<unknown>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [completing, setCompleting] = useState(false);
  const [completed, setCompleted] = useState(false);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const deadline = c.deadlines.find((d) => d.key === 'needs_assessment');

  useEffect(() => {
    if (!pendingFocus) return;
    const id = pendingFocus;
    const handle = window.setTimeout(() => {
      focusPart(id);
      setPendingFocus(null);
    }, 30);
    return () => window.clearTimeout(handle);
  }, [pendingFocus, section]);

  const goTo = (s: NeedsAssessmentSection, focusId?: string) => {
    onSection(s);
    setPendingFocus(focusId ?? `na-section-${s}-title`);
  };

  const sectionTitle = (s: NeedsAssessmentSection) => t(`needsAssessment.sections.${s}`);
  const missingCount = (s: NeedsAssessmentSection) => missingNow.filter((m) => m.section === s).length;

  const partLabel = (m: MissingPart): string => {
    let part: string;
    if (m.path.startsWith('indicators.')) {
      const key = m.path.slice('indicators.'.length);
      const group = m.section === 'children' ? 'child' : m.section === 'adults' ? 'adult' : 'family';
      part = t('needsAssessment.missingPath.indicator', { indicator: t(`indicator.${group}.${key}` as 'indicator.child.growth', { defaultValue: key }) });
    } else {
      part = t(`needsAssessment.missingPath.${m.path}` as 'needsAssessment.missingPath.summary', { defaultValue: m.path });
    }
    const who = m.personId ? people.get(m.personId)?.name : undefined;
    return who ? `${who}: ${part}` : part;
  };

  const onComplete = async () => {
    setConfirmOpen(false);
    setCompleting(true);
    setCompleteError(null);
    setServerMissing(null);
    try {
      await editor.complete();
      setCompleted(true);
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      queryClient.removeQueries({ queryKey: ['needs-assessment', c.id] });
      await navigate({ to: '/cases/$caseId', params: { caseId: c.id }, search: { tab: 'assessment' } });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'needs_assessment_incomplete' && isMissingPartList(e.problem.details?.missing)) {
        setServerMissing(e.problem.details.missing);
        window.setTimeout(() => document.getElementById('na-missing')?.focus(), 30);
      } else {
        setCompleteError(e);
      }
    } finally {
      setCompleting(false);
    }
  };

  const sectionBody: Record<NeedsAssessmentSection, ReactNode> = {
    members: <MembersSection content={content} update={editor.update} people={people} />,
    children: <ChildrenSection content={content} update={editor.update} people={people} />,
    adults: <AdultsSection content={content} update={editor.update} people={people} />,
    family: <FamilySection content={content} update={editor.update} people={people} />,
    conclusion: <ConclusionSection content={content} update={editor.update} people={people} />,
  };
  const index = needsAssessmentSections.indexOf(section);
  const prev = index > 0 ? needsAssessmentSections[index - 1] : undefined;
  const next = index < needsAssessmentSections.length - 1 ? needsAssessmentSections[index + 1] : undefined;

  const saveStatusText = (() => {
    switch (editor.saveState) {
      case 'saving':
        return t('needsAssessment.saving');
      case 'saved':
        return editor.lastSavedAt ? t('needsAssessment.saved', { time: formatTime(editor.lastSavedAt) }) : '';
      case 'dirty':
        return t('needsAssessment.unsaved');
      case 'error':
        return t('needsAssessment.saveFailed');
      default:
        return '';
    }
  })();

  const missingList = serverMissing ?? [];

  return (
    <Stack gap="md">
      <UnsavedChangesGuard shouldBlock={() => !completed && editor.hasUnsavedChanges()} />
      <Paper withBorder p="md" radius="md" component="header">
        <Stack gap={6}>
          <div>
            <AnchorLink to="/cases/$caseId" params={{ caseId: c.id }} size="sm">
              ← {t('needsAssessment.caseLink', { number: c.number })} · {caseTitleOf(c)}
            </AnchorLink>
          </div>
          <Group gap="sm" wrap="wrap" align="center">
            <Title order={1}>{t('needsAssessment.title')}</Title>
            <Badge variant="light" color={view.status === 'completed' ? 'green' : 'yellow'}>
              {t(`needsAssessment.status.${view.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('needsAssessment.actName')}
          </Text>
          <Text size="sm">{t('needsAssessment.assessedBy', { name: view.assessedBy.name })}</Text>
          {deadline ? (
            <DeadlineInfo deadline={deadline} />
          ) : (
            <Text size="sm">{t('needsAssessment.dueDate', { date: formatDate(view.dueDate) })}</Text>
          )}
          <Box mt="xs">
            <Text size="sm" fw={600} id="na-progress-label">
              {t('needsAssessment.progress', { percent })}
            </Text>
            <Box mt={4}>
              <LabelledProgress value={percent} size="lg" labelId="na-progress-label" color={percent === 100 ? 'green' : 'blue'} />
            </Box>
          </Box>
        </Stack>
      </Paper>

      {editor.restoredFrom && editor.saveState === 'dirty' && (
        <Alert color="blue" variant="light">
          {t('needsAssessment.restored', { time: formatDateTime(editor.restoredFrom) })}
        </Alert>
      )}
      {editor.merge?.kind === 'choose' && (
        <MergeView
          conflicts={editor.merge.result.conflicts}
          labelOf={(conflict) => mergeLabel(conflict.path, t, people)}
          textOf={(conflict, value) => mergeValueText(conflict.path, value, t)}
          savedBy={null}
          autoMerged={{ mine: editor.merge.result.takenFromMine, theirs: editor.merge.result.takenFromTheirs }}
          saving={editor.saveState === 'saving'}
          onResolve={editor.resolve}
        />
      )}
      {editor.merge?.kind === 'failed' && (
        <Alert color="red" variant="light" title={t('merge.title')} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('merge.loadFailed')}</Text>
            <Button color="red" size="sm" onClick={editor.retryMerge}>
              {t('merge.retry')}
            </Button>
          </Stack>
        </Alert>
      )}
      {editor.merge?.kind === 'completed' && (
        <Alert color="red" variant="light" title={t('needsAssessment.conflictTitle')} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('merge.cannotMerge')}</Text>
            <Button color="red" size="sm" onClick={onReload}>
              {t('needsAssessment.conflictReload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {editor.mergedNotice && editor.saveState === 'saved' && (
        <Alert color="green" variant="light" role="status">
          {t('merge.merged')}
        </Alert>
      )}
      {editor.saveState === 'error' && <ErrorAlert error={editor.saveError} title={t('needsAssessment.saveFailed')} />}
      {!editable && <Alert color="gray" variant="light">{t('needsAssessment.readOnly')}</Alert>}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <NativeSelect
            hiddenFrom="md"
            label={t('needsAssessment.sectionsNav')}
            value={section}
            onChange={(e) => goTo(e.currentTarget.value as NeedsAssessmentSection)}
            data={needsAssessmentSections.map((s) => {
              const count = missingCount(s);
              return { value: s, label: `${sectionTitle(s)} — ${count === 0 ? t('needsAssessment.sectionComplete') : t('needsAssessment.sectionMissing', { n: count })}` };
            })}
          />
          <Box component="nav" aria-label={t('needsAssessment.sectionsNav')} visibleFrom="md" style={{ position: 'sticky', top: 8 }}>
            <List listStyleType="none" p={0} m={0} spacing={4} style={{ display: 'flex', flexDirection: 'column' }}>
              {needsAssessmentSections.map((s) => {
                const count = missingCount(s);
                const active = s === section;
                return (
                  <List.Item key={s}>
                    <UnstyledButton
                      onClick={() => goTo(s)}
                      aria-current={active ? 'step' : undefined}
                      w="100%"
                      p="xs"
                      style={{
                        borderRadius: 6,
                        borderLeft: `4px solid ${active ? 'var(--mantine-color-blue-7)' : 'transparent'}`,
                        background: active ? 'var(--mantine-color-blue-0)' : undefined,
                      }}
                    >
                      <Text size="sm" fw={active ? 700 : 500}>
                        {sectionTitle(s)}
                      </Text>
                      <Text size="xs" c={count === 0 ? 'green.8' : 'dimmed'}>
                        {count === 0 ? t('needsAssessment.sectionComplete') : t('needsAssessment.sectionMissing', { n: count })}
                      </Text>
                    </UnstyledButton>
                  </List.Item>
                );
              })}
            </List>
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="md">
            <Title order={2} size="h3" id={`na-section-${section}-title`} tabIndex={-1}>
              {sectionTitle(section)}
            </Title>
            <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              {sectionBody[section]}
            </fieldset>
            <Group justify="space-between" wrap="wrap">
              {prev ? (
                <Button variant="default" onClick={() => goTo(prev)}>
                  ← {sectionTitle(prev)}
                </Button>
              ) : (
                <span />
              )}
              {next && (
                <Button variant="default" onClick={() => goTo(next)}>
                  {sectionTitle(next)} →
                </Button>
              )}
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>

      {missingList.length > 0 && (
        <Alert color="red" variant="light" title={t('needsAssessment.missingTitle')} id="na-missing" tabIndex={-1} role="alert">
          <Stack gap={6}>
            <Text size="sm">{t('errors.needs_assessment_incomplete')}</Text>
            <List size="sm" spacing={2}>
              {missingList.map((m, i) => (
                <List.Item key={`${m.section}-${m.personId ?? ''}-${m.path}-${i}`}>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => goTo(m.section, partId(m.section, m.personId, m.path))}
                  >
                    {t('needsAssessment.missingItem', { section: sectionTitle(m.section), part: partLabel(m) })}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Alert>
      )}
      {completeError !== null && !isApiError(completeError, 'needs_assessment_incomplete') && (
        <ErrorAlert error={completeError} onReload={onReload} />
      )}

      {editable && (
        <Paper withBorder p="sm" radius="md" className="na-actions">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" c={editor.saveState === 'error' ? 'red.8' : 'dimmed'} role="status" aria-live="polite" miw={140}>
              {saveStatusText}
            </Text>
            <Group gap="sm" wrap="wrap">
              <Button variant="default" onClick={() => void editor.save()} loading={editor.saveState === 'saving'} disabled={editor.saveState === 'conflict' || editor.saveState === 'merging'}>
                {t('needsAssessment.saveDraft')}
              </Button>
              <Button onClick={() => setConfirmOpen(true)} loading={completing} disabled={editor.saveState === 'conflict' || editor.saveState === 'merging'}>
                {t('needsAssessment.complete')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      <Modal opened={confirmOpen} onClose={() => setConfirmOpen(false)} title={t('needsAssessment.complete')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Text size="sm">{t('needsAssessment.completeConfirm')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirmOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void onComplete()} data-autofocus>
            {t('needsAssessment.complete')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
