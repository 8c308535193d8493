import { Alert, Anchor, Button, Checkbox, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDebouncedCallback } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { caseTypes } from '#domain/cases/case-types.ts';
import { adultFactors, childFactors, isUrgentReport, reportSources, urgentActions } from '#domain/intake/factors.ts';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { formatDateTime, parseUserDateTime } from '../../ui/format.ts';
import { LabelledProgress } from '../../ui/labelled-progress.tsx';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import { hasRole, isReporterOnly, useMe } from '../auth/auth.queries.ts';
import { assigneesQuery, hromadasQuery } from '../territories/territories.queries.ts';
import { postNotification } from './intake.api.ts';
import {
  clearIntakeDraft,
  emptyIntakeDraft,
  formPathOf,
  intakeSections,
  loadIntakeDraft,
  newMember,
  saveIntakeDraft,
  sectionStatus,
  toNotificationBody,
  type IntakeDraft,
  type IntakeSection,
} from './intake-draft.ts';
import { MemberFields } from './member-fields.tsx';
import { compareUkrainian } from '../persons/person-name.ts';

function Section({ id, title, children }: { id: IntakeSection; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" component="section" aria-labelledby={`intake-${id}-title`} id={`intake-${id}`} className="section-anchor">
      <Stack gap="md">
        <Title order={2} size="h3" id={`intake-${id}-title`} tabIndex={-1}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function validateDraft(d: IntakeDraft, t: (k: 'validation.required' | 'validation.invalidDate' | 'validation.membersRequired' | 'validation.childRequired') => string): Record<string, string> {
  const errors: Record<string, string> = {};
  const required = t('validation.required');
  if (!d.hromadaId) errors.hromadaId = required;
  if (!d.receivedAt) errors.receivedAt = t('validation.invalidDate');
  if (!d.source) errors.source = required;
  if (!d.description.trim()) errors.description = required;
  if (d.members.length === 0) errors.members = t('validation.membersRequired');
  else if (!d.members.some((m) => m.role === 'child')) errors.members = t('validation.childRequired');
  d.members.forEach((m, i) => {
    if (m.personId) return;
    if (!m.surname.trim()) errors[`members.${i}.surname`] = required;
    if (!m.givenName.trim()) errors[`members.${i}.givenName`] = required;
    if (!m.birthDate) errors[`members.${i}.birthDate`] = t('validation.invalidDate');
    if (!m.sex) errors[`members.${i}.sex`] = required;
  });
  return errors;
}

/**
 * The notification about a family/person in difficult life circumstances (Order 1005), in four named sections
 * with progress; the draft is kept on this device and leaving with unsaved changes asks first.
 */
export function NotificationForm() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reporterOnly = isReporterOnly(me);
  const openCase = !reporterOnly;
  const [restored] = useState(() => loadIntakeDraft(me.id));
  const [dirty, setDirty] = useState(false);
  const dirtyRef = useRef(false);
  const submittedRef = useRef(false);
  const markDirty = () => {
    dirtyRef.current = true;
    if (!dirty) setDirty(true);
  };
  const form = useForm<IntakeDraft>({
    mode: 'controlled',
    initialValues: restored?.values ?? emptyIntakeDraft(),
  });
  const values = form.values;

  // Keep the draft on this device as the user types (UX principle 2: nothing typed is lost).
  const persist = useDebouncedCallback((v: IntakeDraft) => saveIntakeDraft(me.id, v), 400);
  useEffect(() => {
    if (dirty && !submittedRef.current) persist(values);
  }, [values, dirty, persist]);

  const hromadas = useQuery(hromadasQuery);
  useEffect(() => {
    const items = hromadas.data;
    if (!items || values.hromadaId) return;
    // Default: the hromada the user's own organisation serves (or the only one offered).
    const own = me.grants.map((g) => g.hromadaId).find((id) => id !== null && items.some((h) => h.id === id));
    const pick = own ?? (items.length === 1 ? items[0]?.id : undefined);
    if (pick) form.setFieldValue('hromadaId', pick);
  }, [hromadas.data, values.hromadaId, form, me.grants]);

  const assignees = useQuery({ ...assigneesQuery(values.hromadaId), enabled: openCase && values.hromadaId !== '' });
  useEffect(() => {
    const items = assignees.data;
    if (!items) return;
    if (values.caseManagerId && items.some((a) => a.id === values.caseManagerId)) return;
    // The registering case manager by default (contract: caseManagerId defaults to the caller).
    const mine = hasRole(me, 'case_manager') ? items.find((a) => a.id === me.id) : undefined;
    const next = mine?.id ?? '';
    if (next !== values.caseManagerId) form.setFieldValue('caseManagerId', next);
  }, [assignees.data, values.caseManagerId, me, form]);

  const status = sectionStatus(values);
  const doneCount = intakeSections.filter((s) => status[s]).length;
  const urgent = isUrgentReport(values.childFactors, values.threatToLifeOrHealth);

  const mutation = useMutation({
    mutationFn: () => postNotification(toNotificationBody(values, openCase)),
    onSuccess: async (created) => {
      submittedRef.current = true;
      persist.cancel?.();
      clearIntakeDraft(me.id);
      await queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
      if (created.caseId) {
        await navigate({ to: '/cases/$caseId', params: { caseId: created.caseId }, search: { registered: created.urgent ? 'urgent' : 'yes' } });
      } else {
        await navigate({ to: '/notifications', search: { sent: created.id } });
      }
    },
    onError: (error) => {
      const fieldErrors = fieldErrorsOf(t, error);
      const mapped: Record<string, string> = {};
      for (const [p, m] of Object.entries(fieldErrors)) mapped[formPathOf(p)] = m;
      if (Object.keys(mapped).length > 0) form.setErrors(mapped);
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors = validateDraft(values, (k) => t(k));
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) {
      const first = Object.keys(errors)[0] ?? '';
      const section: IntakeSection = first.startsWith('members') ? 'members' : first === 'description' ? 'circumstances' : 'receipt';
      document.getElementById(`intake-${section}-title`)?.focus();
      document.getElementById(`intake-${section}`)?.scrollIntoView({ block: 'start' });
      return;
    }
    mutation.mutate();
  };

  const clearForm = () => {
    if (!window.confirm(t('intake.clearConfirm'))) return;
    clearIntakeDraft(me.id);
    form.setValues(emptyIntakeDraft());
    form.clearErrors();
    dirtyRef.current = false;
    setDirty(false);
  };

  const hromadaOptions = useMemo(
    () => [
      { value: '', label: t('intake.receipt.hromadaPlaceholder'), disabled: true },
      ...(hromadas.data ?? [])
        .map((h) => ({ value: h.id, label: i18n.language === 'en' ? h.nameEn || h.nameUk : h.nameUk }))
        .sort((a, b) => compareUkrainian(a.label, b.label)),
    ],
    [hromadas.data, i18n.language, t],
  );
  const hasFormErrors = Object.keys(form.errors).length > 0;
  const childCount = (i: number) => values.members.slice(0, i + 1).filter((m) => m.role === values.members[i]?.role).length;

  return (
    <form onSubmit={onSubmit} onInput={markDirty} onChange={markDirty} noValidate aria-describedby="intake-subtitle">
      <UnsavedChangesGuard shouldBlock={() => dirtyRef.current && !submittedRef.current} />
      <Stack gap="lg">
        <div>
          <Title order={1}>{t('intake.title')}</Title>
          <Text c="dimmed" size="sm" id="intake-subtitle">
            {t('intake.subtitle')}
          </Text>
        </div>

        {restored && !dirty && (
          <Alert color="blue" variant="light">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm">{t('intake.draftRestored', { time: formatDateTime(restored.savedAt) })}</Text>
              <Button size="compact-sm" variant="default" onClick={clearForm}>
                {t('intake.clearForm')}
              </Button>
            </Group>
          </Alert>
        )}

        <Paper withBorder p="sm" radius="md" component="nav" aria-label={t('intake.sectionsNav')}>
          <Stack gap="xs">
            <Text size="sm" fw={600} id="intake-progress-label">
              {t('intake.progress', { done: doneCount, total: intakeSections.length })}
            </Text>
            <LabelledProgress value={(doneCount / intakeSections.length) * 100} labelId="intake-progress-label" />
            <List size="sm" spacing={2} listStyleType="none" p={0} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1.25rem' }}>
              {intakeSections.map((s, i) => (
                <List.Item key={s}>
                  <Anchor href={`#intake-${s}`} size="sm" onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(`intake-${s}`)?.scrollIntoView({ block: 'start' });
                    document.getElementById(`intake-${s}-title`)?.focus();
                  }}>
                    {i + 1}. {t(`intake.sections.${s}`)}
                  </Anchor>{' '}
                  <Text span size="sm" c={status[s] ? 'green.8' : 'dimmed'}>
                    ({status[s] ? t('intake.sectionDone') : t('intake.sectionTodo')})
                  </Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Paper>

        <Section id="receipt" title={`1. ${t('intake.sections.receipt')}`}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect label={t('intake.receipt.hromada')} required data={hromadaOptions} {...form.getInputProps('hromadaId')} />
            <DateInput
              label={t('intake.receipt.receivedAt')}
              description={t('common.dateTimeFormatHint')}
              required
              withTime
              valueFormat="DD.MM.YYYY HH:mm"
              dateParser={parseUserDateTime}
              {...form.getInputProps('receivedAt')}
              onChange={(v) => {
                markDirty();
                form.setFieldValue('receivedAt', v);
              }}
            />
            <NativeSelect
              label={t('intake.receipt.source')}
              required
              data={[{ value: '', label: '—', disabled: true }, ...reportSources.map((s) => ({ value: s, label: t(`reportSource.${s}`) }))]}
              {...form.getInputProps('source')}
            />
            <TextInput label={t('intake.receipt.reporterOrganisation')} {...form.getInputProps('reporterOrganisation')} />
            <TextInput label={t('intake.receipt.reporterPerson')} {...form.getInputProps('reporterPerson')} />
            <TextInput
              label={t('intake.receipt.reporterContact')}
              description={t('intake.receipt.reporterContactHint')}
              {...form.getInputProps('reporterContact')}
            />
          </SimpleGrid>
        </Section>

        <Section id="members" title={`2. ${t('intake.sections.members')}`}>
          <Text size="sm">{t('intake.members.intro')}</Text>
          {values.members.length === 0 && <Text size="sm">{t('intake.members.none')}</Text>}
          {typeof form.errors.members === 'string' && (
            <Text size="sm" c="red.8" role="alert">
              {form.errors.members}
            </Text>
          )}
          {values.members.map((m, i) => (
            <MemberFields key={m.key} form={form} index={i} ordinal={childCount(i)} onChange={markDirty} />
          ))}
          <Group gap="sm">
            <Button variant="light" onClick={() => { markDirty(); form.insertListItem('members', newMember('child')); }}>
              {t('intake.members.addChild')}
            </Button>
            <Button variant="light" onClick={() => { markDirty(); form.insertListItem('members', newMember('adult')); }}>
              {t('intake.members.addAdult')}
            </Button>
          </Group>
        </Section>

        <Section id="circumstances" title={`3. ${t('intake.sections.circumstances')}`}>
          <Textarea
            label={t('intake.circumstances.description')}
            description={t('intake.circumstances.descriptionHint')}
            required
            autosize
            minRows={4}
            maxRows={14}
            {...form.getInputProps('description')}
          />
          <Checkbox.Group label={t('intake.circumstances.childFactors')} description={t('intake.circumstances.childFactorsHint')} {...form.getInputProps('childFactors')}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing={8} mt="xs">
              {childFactors.map((f) => (
                <Checkbox key={f} value={f} label={t(`childFactor.${f}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Checkbox
            label={t('intake.circumstances.threat')}
            color="red"
            fw={600}
            {...form.getInputProps('threatToLifeOrHealth', { type: 'checkbox' })}
          />
          <div aria-live="polite">
            {urgent && (
              <Alert color="red" variant="filled" title={t('intake.circumstances.urgentTitle')}>
                {t('intake.circumstances.urgentBody')}
              </Alert>
            )}
          </div>
          <Checkbox.Group label={t('intake.circumstances.urgentActions')} {...form.getInputProps('urgentActions')}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing={8} mt="xs">
              {urgentActions.map((a) => (
                <Checkbox key={a} value={a} label={t(`urgentAction.${a}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Checkbox.Group label={t('intake.circumstances.adultFactors')} description={t('intake.circumstances.adultFactorsHint')} {...form.getInputProps('adultFactors')}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing={8} mt="xs">
              {adultFactors.map((f) => (
                <Checkbox key={f} value={f} label={t(`adultFactor.${f}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea label={t('intake.circumstances.actionsTaken')} autosize minRows={2} maxRows={10} {...form.getInputProps('actionsTaken')} />
          <Textarea
            label={t('intake.circumstances.documents')}
            description={t('intake.circumstances.documentsHint')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('documents')}
          />
        </Section>

        <Section id="registration" title={`4. ${t('intake.sections.registration')}`}>
          {openCase ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('intake.registration.caseType')}
                data={caseTypes.map((c) => ({ value: c, label: t(`caseType.${c}`) }))}
                {...form.getInputProps('caseType')}
              />
              <NativeSelect
                label={t('intake.registration.caseManager')}
                disabled={!values.hromadaId}
                description={!values.hromadaId ? t('intake.registration.caseManagerNeedsHromada') : undefined}
                data={[
                  { value: '', label: t('intake.registration.caseManagerPlaceholder') },
                  ...(assignees.data ?? []).map((a) => ({ value: a.id, label: a.fullName })),
                ]}
                {...form.getInputProps('caseManagerId')}
              />
            </SimpleGrid>
          ) : (
            <Text size="sm">{t('intake.registration.reporterInfo')}</Text>
          )}
        </Section>

        {hasFormErrors && !mutation.isError && (
          <Alert color="red" variant="light" role="alert">
            {t('intake.fixErrors')}
          </Alert>
        )}
        {mutation.isError && <ErrorAlert error={mutation.error} />}

        <Group justify="space-between" wrap="wrap">
          <Button type="submit" size="md" loading={mutation.isPending}>
            {reporterOnly ? t('intake.submitReporter') : t('intake.submit')}
          </Button>
          {dirty && (
            <Text size="xs" c="dimmed">
              {t('intake.draftSavedLocally')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
