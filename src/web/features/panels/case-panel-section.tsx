import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../cases/cases.api.ts';
import { CaseSection } from '../cases/case-sections.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, toKyivDate } from '../../ui/format.ts';
import { fetchCaseSubmissions, panelKeys, submitCase, type Submission } from './panels.api.ts';

/** «Розгляд комісією» on the case's care tab: the case's submissions with the panel's decisions, and a new submission (SPEC §3). */
export function CasePanelSection({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const qc = useQueryClient();
  const q = useQuery({ queryKey: panelKeys.caseSubmissions(c.id), queryFn: () => fetchCaseSubmissions(c.id) });
  const [bodyId, setBodyId] = useState('');
  const [childId, setChildId] = useState('');
  const [question, setQuestion] = useState('');
  const [assessments, setAssessments] = useState<string[]>([]);
  const [providerId, setProviderId] = useState('');
  const [done, setDone] = useState(false);
  const submit = useMutation({
    mutationFn: () => {
      const data = q.data;
      const chosen = (data?.assessments ?? []).filter((a) => assessments.includes(a.id)).map((a) => ({ kind: a.kind, id: a.id }));
      return submitCase(c.id, { bodyId: bodyId || data?.bodies[0]?.id || '', childPersonId: childId || data?.children[0]?.personId || '', question, assessments: chosen, providerOrganisationId: providerId || null });
    },
    onSuccess: async () => {
      setQuestion('');
      setAssessments([]);
      setDone(true);
      await qc.invalidateQueries({ queryKey: panelKeys.caseSubmissions(c.id) });
    },
  });
  const data = q.data;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    submit.mutate();
  };
  return (
    <CaseSection id="panel-title" title={t('panels.case.heading')} intro={t('panels.case.intro')}>
      {q.error && <ErrorAlert error={q.error} />}
      {data && data.items.length === 0 && <Text size="sm">{t('panels.case.empty')}</Text>}
      {data?.items.map((s) => <SubmissionCard key={s.id} s={s} en={en} />)}
      {data && data.allowedActions.includes('submit') && (
        data.bodies.length === 0 ? (
          <Text size="sm">{t('panels.case.noBody')}</Text>
        ) : (
          <form onSubmit={onSubmit} aria-labelledby="panel-submit-title">
            <Stack gap="xs">
              <Title order={3} size="h5" id="panel-submit-title">
                {t('panels.case.submit')}
              </Title>
              <NativeSelect label={t('panels.case.body')} value={bodyId || data.bodies[0]?.id} onChange={(e) => setBodyId(e.currentTarget.value)} data={data.bodies.map((b) => ({ value: b.id, label: en && b.nameEn ? b.nameEn : b.nameUk }))} />
              <NativeSelect label={t('panels.case.child')} value={childId || data.children[0]?.personId} onChange={(e) => setChildId(e.currentTarget.value)} data={data.children.map((ch) => ({ value: ch.personId, label: ch.name }))} />
              <Textarea label={t('panels.case.question')} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} required maxLength={2000} autosize minRows={2} />
              {data.assessments.length > 0 && (
                <Checkbox.Group label={t('panels.case.assessments')} value={assessments} onChange={setAssessments}>
                  <Stack gap={4} mt={4}>
                    {data.assessments.map((a) => (
                      <Checkbox key={a.id} value={a.id} label={`${t(`panels.case.assessment.${a.kind}`)} — ${a.label.includes('-') ? formatDate(a.label.slice(-10)) : a.label}`} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
              <NativeSelect label={t('panels.case.provider')} value={providerId} onChange={(e) => setProviderId(e.currentTarget.value)} data={[{ value: '', label: t('panels.case.noProvider') }, ...data.providers.map((p) => ({ value: p.id, label: en && p.nameEn ? p.nameEn : p.nameUk }))]} />
              {submit.error && <ErrorAlert error={submit.error} />}
              {done && (
                <Text size="sm" role="status">
                  {t('panels.case.submitted')}
                </Text>
              )}
              <Group>
                <Button type="submit" loading={submit.isPending}>
                  {t('panels.case.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )
      )}
    </CaseSection>
  );
}

function SubmissionCard({ s, en }: { s: Submission; en: boolean }) {
  const { t } = useTranslation();
  const d = s.determination;
  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={`${en && s.body.nameEn ? s.body.nameEn : s.body.nameUk}: ${s.question}`}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color={s.status === 'decided' ? 'green' : s.status === 'rejected' ? 'red' : 'blue'}>
            {t(`panels.case.status.${s.status}`)}
          </Badge>
          <Text size="sm" fw={500}>
            {en && s.body.nameEn ? s.body.nameEn : s.body.nameUk}
          </Text>
        </Group>
        <Text size="sm">
          {s.childName}: {s.question}
        </Text>
        {s.meeting && <Text size="sm">{t('panels.case.meeting', { date: formatDate(toKyivDate(s.meeting.scheduledAt)) })}</Text>}
        {d && d.adoptedAt && (
          <>
            <Text size="sm" fw={600}>
              {t('panels.case.decision', { option: t(`panels.options.${d.chosenOption}`) })}
            </Text>
            <Text size="sm">{t('panels.case.decidedOn', { date: formatDate(toKyivDate(d.adoptedAt)) })}</Text>
            {d.followUpDate && <Text size="sm">{t('panels.case.followUp', { date: formatDate(d.followUpDate) })}</Text>}
            <Text size="sm">
              {t('panels.case.rationale')}: {d.rationale}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
