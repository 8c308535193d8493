import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { supervisionFormats, supervisionParticipantKinds, supervisionPurposes, supervisionStages, supervisionTimings } from '#domain/workforce/supervision.ts';
import { DateField } from '../../ui/date-field.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { todayInKyiv } from '../../ui/format.ts';
import type { Session, SessionBody } from './workforce.api.ts';

type Props = {
  supervisees: Array<{ id: string; name: string }>;
  initial?: Session;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (body: SessionBody) => void;
  onCancel?: () => void;
};

/** A supervision session (Order 5): its kind, date, supervisees and the card (topics, cases, conclusions, recommendations). */
export function SessionForm({ supervisees, initial, pending, error, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState<string>(initial?.purpose ?? 'consulting');
  const [kind, setKind] = useState<string>(initial?.participantsKind ?? 'individual');
  const [timing, setTiming] = useState<string>(initial?.timing ?? 'planned');
  const [format, setFormat] = useState<string>(initial?.format ?? 'internal');
  const [stage, setStage] = useState<string>(initial?.stage ?? 'session');
  const [date, setDate] = useState<string | null>(initial?.sessionDate ?? todayInKyiv());
  const [participants, setParticipants] = useState<string[]>(initial?.participants.map((p) => p.id) ?? []);
  const [topics, setTopics] = useState(initial?.topics ?? '');
  const [cases, setCases] = useState(initial?.casesDiscussed ?? '');
  const [conclusions, setConclusions] = useState(initial?.conclusions ?? '');
  const [recommendations, setRecommendations] = useState(initial?.recommendations ?? '');
  const options = (prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as 'workforce.supervision.purposeLabel') }));
  const people = [...supervisees, ...(initial?.participants ?? []).filter((p) => !supervisees.some((s) => s.id === p.id))];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!date) return;
        onSubmit({
          purpose: purpose as SessionBody['purpose'],
          participantsKind: kind as SessionBody['participantsKind'],
          timing: timing as SessionBody['timing'],
          format: format as SessionBody['format'],
          stage: stage as NonNullable<SessionBody['stage']>,
          sessionDate: date,
          participantIds: participants,
          topics,
          casesDiscussed: cases,
          conclusions,
          recommendations,
        });
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('workforce.supervision.purposeLabel')} required data={options('workforce.supervision.purpose', supervisionPurposes)} value={purpose} onChange={(v) => v && setPurpose(v)} allowDeselect={false} />
          <Select label={t('workforce.supervision.kindLabel')} required data={options('workforce.supervision.participantsKind', supervisionParticipantKinds)} value={kind} onChange={(v) => v && setKind(v)} allowDeselect={false} />
          <Select label={t('workforce.supervision.timingLabel')} required data={options('workforce.supervision.timing', supervisionTimings)} value={timing} onChange={(v) => v && setTiming(v)} allowDeselect={false} />
          <Select label={t('workforce.supervision.formatLabel')} required data={options('workforce.supervision.format', supervisionFormats)} value={format} onChange={(v) => v && setFormat(v)} allowDeselect={false} />
          <Select label={t('workforce.supervision.stageLabel')} required data={options('workforce.supervision.stage', supervisionStages)} value={stage} onChange={(v) => v && setStage(v)} allowDeselect={false} />
          <DateField label={t('workforce.supervision.dateLabel')} required value={date} onChange={setDate} />
        </SimpleGrid>
        <MultiSelect label={t('workforce.supervision.participantsLabel')} required data={people.map((p) => ({ value: p.id, label: p.name }))} value={participants} onChange={setParticipants} searchable />
        <Title order={3} size="h4">
          {t('workforce.supervision.cardHeading')}
        </Title>
        <Textarea label={t('workforce.supervision.topics')} autosize minRows={2} maxLength={4000} value={topics} onChange={(e) => setTopics(e.currentTarget.value)} />
        <Textarea label={t('workforce.supervision.casesDiscussed')} description={t('workforce.supervision.casesDescription')} autosize minRows={2} maxLength={4000} value={cases} onChange={(e) => setCases(e.currentTarget.value)} />
        <Textarea label={t('workforce.supervision.conclusions')} autosize minRows={2} maxLength={4000} value={conclusions} onChange={(e) => setConclusions(e.currentTarget.value)} />
        <Textarea label={t('workforce.supervision.recommendations')} autosize minRows={2} maxLength={4000} value={recommendations} onChange={(e) => setRecommendations(e.currentTarget.value)} />
        {error ? <ErrorAlert error={error} /> : null}
        <Group gap="sm">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
