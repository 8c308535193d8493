import { Alert, Button, Checkbox, Group, NativeSelect, Paper, Radio, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { childSeenAloneAnswers, visitPlaces, type ChildSeenAlone, type VisitPlace } from '#domain/cases/home-visits.ts';
import type { CaseDetail } from '../features/cases/cases.api.ts';
import { caseQuery } from '../features/cases/cases.queries.ts';
import { CaseFormPage, DateField } from '../features/implementation/case-form-page.tsx';
import { createHomeVisit } from '../features/implementation/implementation.api.ts';
import { formatFullName, sortBySurname } from '../features/persons/person-name.ts';
import { ApiError } from '../ui/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { todayInKyiv } from '../ui/format.ts';
import { UnsavedChangesGuard } from '../ui/unsaved-changes-guard.tsx';

function HomeVisitForm({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const dirty = useRef(false);
  const [done, setDone] = useState<'done' | 'planned'>('done');
  const [date, setDate] = useState(todayInKyiv());
  const [place, setPlace] = useState<VisitPlace>('home');
  const [address, setAddress] = useState('');
  const [otherVisitors, setOtherVisitors] = useState('');
  const [personsMet, setPersonsMet] = useState<string[]>([]);
  const [othersMet, setOthersMet] = useState('');
  const [seenAlone, setSeenAlone] = useState<ChildSeenAlone | ''>('');
  const [seenAloneReason, setSeenAloneReason] = useState('');
  const [observations, setObservations] = useState('');
  const [concerns, setConcerns] = useState(false);
  const [concernsText, setConcernsText] = useState('');
  const [nextProposed, setNextProposed] = useState('');
  const isDone = done === 'done';

  const save = useMutation({
    mutationFn: () =>
      createHomeVisit(c.id, {
        plannedDate: isDone ? null : date,
        doneDate: isDone ? date : null,
        place,
        address,
        otherVisitors,
        personsMetIds: isDone ? personsMet : [],
        othersMet: isDone ? othersMet : '',
        childSeenAlone: isDone && seenAlone ? seenAlone : null,
        childSeenAloneReason: isDone ? seenAloneReason : '',
        observations,
        safetyConcerns: isDone && concerns,
        safetyConcernsText: isDone && concerns ? concernsText : '',
        nextVisitProposed: nextProposed || null,
      }),
    onSuccess: async () => {
      dirty.current = false;
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      await navigate({ to: '/cases/$caseId', params: { caseId: c.id }, search: { tab: 'work' } });
    },
  });
  const problems = save.error instanceof ApiError && Array.isArray(save.error.problem.details?.problems) ? (save.error.problem.details.problems as string[]) : [];
  const err = (field: string) => (problems.includes(field) ? t(`work.visits.problem.${field}` as 'work.visits.problem.observations', { defaultValue: t('validation.invalid') }) : undefined);
  const members = sortBySurname(c.members);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      onChange={() => (dirty.current = true)}
      noValidate
    >
      <UnsavedChangesGuard shouldBlock={() => dirty.current} />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="hv-when">
          <Stack gap="sm">
            <Title order={2} size="h4" id="hv-when">
              {t('work.visits.whenWhere')}
            </Title>
            <Radio.Group label={t('work.visits.status')} value={done} onChange={(v) => setDone(v as 'done' | 'planned')}>
              <Group gap="md" mt={4}>
                <Radio value="done" label={t('work.visitStatus.done')} />
                <Radio value="planned" label={t('work.visitStatus.planned')} />
              </Group>
            </Radio.Group>
            <DateField label={isDone ? t('work.visits.doneDate') : t('work.visits.plannedDate')} value={date} onChange={setDate} required maw={240} {...(isDone ? { maxDate: todayInKyiv() } : {})} error={err(isDone ? 'doneDate' : 'plannedDate')} />
            <NativeSelect label={t('work.visits.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value as VisitPlace)} data={visitPlaces.map((p) => ({ value: p, label: t(`work.visitPlace.${p}`) }))} />
            <TextInput label={t('work.visits.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} required={place === 'other'} error={err('address')} />
            <TextInput label={t('work.visits.otherVisitors')} description={t('work.visits.otherVisitorsHint')} value={otherVisitors} onChange={(e) => setOtherVisitors(e.currentTarget.value)} error={err('visitors')} />
          </Stack>
        </Paper>
        {isDone && (
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="hv-who">
            <Stack gap="sm">
              <Title order={2} size="h4" id="hv-who">
                {t('work.visits.whoPresent')}
              </Title>
              <Checkbox.Group label={t('work.visits.personsMet')} value={personsMet} onChange={setPersonsMet}>
                <Stack gap={6} mt={4}>
                  {members.map((m) => (
                    <Checkbox key={m.personId} value={m.personId} label={formatFullName(m)} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <TextInput label={t('work.visits.othersMet')} value={othersMet} onChange={(e) => setOthersMet(e.currentTarget.value)} />
              <Radio.Group label={t('work.visits.childSeenAlone')} description={t('work.visits.childSeenAloneHint')} value={seenAlone} onChange={(v) => setSeenAlone(v as ChildSeenAlone)} required error={err('childSeenAlone')}>
                <Group gap="md" mt={4}>
                  {childSeenAloneAnswers.map((a) => (
                    <Radio key={a} value={a} label={t(`work.childSeenAlone.${a}`)} />
                  ))}
                </Group>
              </Radio.Group>
              {seenAlone && seenAlone !== 'yes' && (
                <Textarea label={t('work.visits.childSeenAloneReason')} required={seenAlone === 'not_applicable'} value={seenAloneReason} onChange={(e) => setSeenAloneReason(e.currentTarget.value)} autosize minRows={2} error={err('childSeenAloneReason')} />
              )}
            </Stack>
          </Paper>
        )}
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="hv-seen">
          <Stack gap="sm">
            <Title order={2} size="h4" id="hv-seen">
              {isDone ? t('work.visits.findings') : t('work.visits.purpose')}
            </Title>
            <Textarea label={isDone ? t('work.visits.observations') : t('work.visits.purposeText')} required={isDone} autosize minRows={4} value={observations} onChange={(e) => setObservations(e.currentTarget.value)} error={err('observations')} />
            {isDone && (
              <>
                <Checkbox label={t('work.visits.safetyConcerns')} checked={concerns} onChange={(e) => setConcerns(e.currentTarget.checked)} />
                {concerns && (
                  <>
                    <Alert color="red" variant="light">
                      {t('work.visits.safetyConcernsHint')}
                    </Alert>
                    <Textarea label={t('work.visits.safetyConcernsText')} required autosize minRows={2} value={concernsText} onChange={(e) => setConcernsText(e.currentTarget.value)} error={err('safetyConcernsText')} />
                  </>
                )}
              </>
            )}
            <DateField label={t('work.visits.nextProposed')} value={nextProposed} onChange={setNextProposed} maw={240} error={err('nextVisitProposed')} />
          </Stack>
        </Paper>
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('work.visits.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Records a home visit (SPEC §2.10): when, where, who was present, the child seen alone or not, observations, safety concerns. */
export function HomeVisitNewPage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ from: '/app/cases/$caseId/home-visits/new' });
  return (
    <CaseFormPage caseId={caseId} title={t('work.visits.addTitle')} backTab="work">
      {(c) => <HomeVisitForm c={c} />}
    </CaseFormPage>
  );
}
