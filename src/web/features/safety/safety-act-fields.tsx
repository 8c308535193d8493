import { Button, Checkbox, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { caregiverKinds, childCareStatuses, identityDocumentTypes, safetyLevels, safetyParticipants, type CaregiverEntry } from '#domain/cases/safety-assessment.ts';
import { formatDate } from '../../ui/format.ts';
import { formatFullName } from '../persons/person-name.ts';
import { DateTimeField } from './date-fields.tsx';
import type { SafetyAct } from './safety.api.ts';

/** The act's editable content as the form holds it (assessedAt as browser-local `YYYY-MM-DD HH:mm:ss`). */
export type SafetyActDraft = {
  childStatus: SafetyAct['childStatus'];
  documentType: SafetyAct['documentType'];
  documentNumber: string;
  contacts: string;
  caregivers: CaregiverEntry[];
  level: SafetyAct['level'];
  threats: string;
  participants: SafetyAct['participants'];
  assessedAt: string | null;
};

export type DraftUpdate = (change: (d: SafetyActDraft) => void) => void;

/** A titled part of the act. */
export function ActPart({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** 1. The child's personal data (Annex 10): name, sex and birth date from the case; status, document and contacts here. */
export function ChildPart({ act, draft, update }: { act: SafetyAct; draft: SafetyActDraft; update: DraftUpdate }) {
  const { t } = useTranslation();
  return (
    <ActPart id="sa-child" title={t('safetyAct.sections.child')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <div>
          <Text size="xs" c="dimmed" fw={600}>{t('safetyAct.fields.name')}</Text>
          <Text size="sm">{formatFullName(act.child)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={600}>{t('safetyAct.fields.birthDate')}</Text>
          <Text size="sm">{formatDate(act.child.birthDate)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={600}>{t('safetyAct.fields.sex')}</Text>
          <Text size="sm">{t(`safetyAct.sex.${act.child.sex}`)}</Text>
        </div>
      </SimpleGrid>
      <NativeSelect
        label={t('safetyAct.fields.childStatus')}
        value={draft.childStatus}
        data={childCareStatuses.map((s) => ({ value: s, label: t(`safetyAct.childStatus.${s}`) }))}
        onChange={(e) => {
          const v = e.currentTarget.value as SafetyActDraft['childStatus'];
          update((d) => void (d.childStatus = v));
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('safetyAct.fields.documentType')}
          value={draft.documentType ?? ''}
          data={[{ value: '', label: t('safetyAct.fields.documentNone') }, ...identityDocumentTypes.map((s) => ({ value: s, label: t(`safetyAct.documentType.${s}`) }))]}
          onChange={(e) => {
            const v = e.currentTarget.value;
            update((d) => void (d.documentType = v === '' ? null : (v as NonNullable<SafetyActDraft['documentType']>)));
          }}
        />
        <TextInput
          label={t('safetyAct.fields.documentNumber')}
          value={draft.documentNumber}
          onChange={(e) => {
            const v = e.currentTarget.value;
            update((d) => void (d.documentNumber = v));
          }}
        />
      </SimpleGrid>
      <Textarea
        label={t('safetyAct.fields.contacts')}
        autosize
        minRows={2}
        value={draft.contacts}
        onChange={(e) => {
          const v = e.currentTarget.value;
          update((d) => void (d.contacts = v));
        }}
      />
    </ActPart>
  );
}

/** 2. Parents, legal representatives, people actually caring for the child and relatives. */
export function CaregiversPart({ draft, update }: { draft: SafetyActDraft; update: DraftUpdate }) {
  const { t } = useTranslation();
  const set = (i: number, change: (c: CaregiverEntry) => void) =>
    update((d) => {
      const c = d.caregivers[i];
      if (c) change(c);
    });
  return (
    <ActPart id="sa-caregivers" title={t('safetyAct.sections.caregivers')}>
      {draft.caregivers.length === 0 && <Text size="sm">{t('safetyAct.caregiver.empty')}</Text>}
      {draft.caregivers.map((c, i) => {
        const n = i + 1;
        return (
          <Paper key={i} withBorder p="sm" radius="sm" component="fieldset" style={{ margin: 0 }}>
            <Text component="legend" fw={600} size="sm" px={4}>
              {t('safetyAct.caregiver.title', { n })}
            </Text>
            <Group justify="flex-end" mb={4}>
              <Button size="xs" variant="subtle" color="red" onClick={() => update((d) => void d.caregivers.splice(i, 1))}>
                {t('safetyAct.caregiver.remove', { n })}
              </Button>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('safetyAct.caregiver.kind')}
                value={c.kind}
                data={caregiverKinds.map((k) => ({ value: k, label: t(`safetyAct.caregiverKind.${k}`) }))}
                onChange={(e) => {
                  const v = e.currentTarget.value as CaregiverEntry['kind'];
                  set(i, (x) => void (x.kind = v));
                }}
              />
              <TextInput
                label={t('safetyAct.caregiver.name')}
                required
                value={c.name}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  set(i, (x) => void (x.name = v));
                }}
              />
              <TextInput
                label={t('safetyAct.caregiver.relation')}
                value={c.relation}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  set(i, (x) => void (x.relation = v));
                }}
              />
              <TextInput
                label={t('safetyAct.caregiver.contact')}
                value={c.contact}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  set(i, (x) => void (x.contact = v));
                }}
              />
            </SimpleGrid>
            <Checkbox
              mt="xs"
              label={t('safetyAct.caregiver.present')}
              checked={c.present}
              onChange={(e) => {
                const v = e.currentTarget.checked;
                set(i, (x) => void (x.present = v));
              }}
            />
          </Paper>
        );
      })}
      <Group>
        <Button variant="default" onClick={() => update((d) => void d.caregivers.push({ kind: 'parent', name: '', relation: '', contact: '', present: false }))}>
          {t('safetyAct.caregiver.add')}
        </Button>
      </Group>
    </ActPart>
  );
}

/** 3. The assessed safety level, threats found, participants and when. */
export function AssessmentPart({ draft, update }: { draft: SafetyActDraft; update: DraftUpdate }) {
  const { t } = useTranslation();
  return (
    <ActPart id="sa-assessment" title={t('safetyAct.sections.assessment')}>
      <Radio.Group
        id="sa-level"
        label={t('safetyAct.fields.level')}
        required
        value={draft.level ?? ''}
        onChange={(v) => update((d) => void (d.level = v as SafetyActDraft['level']))}
      >
        <Stack gap={6} mt={6}>
          {safetyLevels.map((l) => (
            <Radio key={l} value={l} label={t(`safetyAct.level.${l}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('safetyAct.fields.threats')}
        description={t('safetyAct.fields.threatsHint')}
        autosize
        minRows={3}
        value={draft.threats}
        onChange={(e) => {
          const v = e.currentTarget.value;
          update((d) => void (d.threats = v));
        }}
      />
      <Checkbox.Group label={t('safetyAct.fields.participants')} value={draft.participants} onChange={(v) => update((d) => void (d.participants = v as SafetyActDraft['participants']))}>
        <Stack gap={6} mt={6}>
          {safetyParticipants.map((p) => (
            <Checkbox key={p} value={p} label={t(`safetyAct.participant.${p}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <DateTimeField label={t('safetyAct.fields.assessedAt')} value={draft.assessedAt} onChange={(v) => update((d) => void (d.assessedAt = v))} />
    </ActPart>
  );
}
