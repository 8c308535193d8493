import { Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { measureTypes, responsibleKinds, type MeasureType, type ResponsibleKind } from '#domain/cases/case-plan.ts';
import type { CaseDetail } from '../cases/cases.api.ts';
import { formatFullName, sortBySurname } from '../persons/person-name.ts';
import { usePlanLabels } from './plan-labels.ts';
import { DateField, ServiceSelect } from './service-picker.tsx';
import { emptyMeasure, type EditGoal, type EditMeasure, type EditPlan } from './use-plan-editor.ts';

type Update = (change: (draft: EditPlan) => void) => void;

/** Field ids, so that a missing part can be focused from the list of what is missing. */
export const fieldId = (uid: string, field: string) => `plan-${uid}-${field}`;

function MeasureFields({ c, goal, m, gi, mi, update }: { c: CaseDetail; goal: EditGoal; m: EditMeasure; gi: number; mi: number; update: Update }) {
  const { t } = useTranslation();
  const headingId = fieldId(m.uid, 'title');
  const set = (change: (x: EditMeasure) => void) =>
    update((d) => {
      const target = d.goals.find((g) => g.uid === goal.uid)?.measures.find((x) => x.uid === m.uid);
      if (target) change(target);
    });
  const members = sortBySurname(c.members);
  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={4} size="h6" id={headingId}>
            {t('plan.editor.measureTitle', { goal: gi + 1, n: mi + 1 })}
          </Title>
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            onClick={() =>
              update((d) => {
                const g = d.goals.find((x) => x.uid === goal.uid);
                if (g) g.measures = g.measures.filter((x) => x.uid !== m.uid);
              })
            }
          >
            {t('plan.editor.removeMeasure', { goal: gi + 1, n: mi + 1 })}
          </Button>
        </Group>
        <Textarea id={fieldId(m.uid, 'action')} label={t('plan.measure.action')} required autosize minRows={2} value={m.action} onChange={(e) => { const v = e.currentTarget.value; set((x) => { x.action = v; }); }} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('plan.measure.type')}
            value={m.measureType}
            onChange={(e) => { const v = e.currentTarget.value as MeasureType; set((x) => { x.measureType = v; }); }}
            data={measureTypes.map((k) => ({ value: k, label: t(`plan.measureType.${k}`) }))}
          />
          <DateField id={fieldId(m.uid, 'deadline')} label={t('plan.measure.deadline')} required value={m.deadline} onChange={(v) => set((x) => { x.deadline = v; })} />
        </SimpleGrid>
        <Radio.Group
          id={fieldId(m.uid, 'responsible')}
          label={t('plan.measure.responsible')}
          required
          value={m.responsibleKind}
          onChange={(v) => set((x) => { x.responsibleKind = v as ResponsibleKind; })}
        >
          <Group gap="md" mt={4}>
            {responsibleKinds.map((k) => (
              <Radio key={k} value={k} label={t(`plan.responsibleKind.${k}`)} />
            ))}
          </Group>
        </Radio.Group>
        {m.responsibleKind === 'family_member' && (
          <NativeSelect
            label={t('plan.measure.familyMember')}
            required
            value={m.personId}
            onChange={(e) => { const v = e.currentTarget.value; set((x) => { x.personId = v; }); }}
            data={[{ value: '', label: t('plan.measure.chooseMember'), disabled: true }, ...members.map((p) => ({ value: p.personId, label: `${formatFullName(p)}${p.relationship ? ` (${p.relationship})` : ''}` }))]}
          />
        )}
        {(m.responsibleKind === 'agency' || m.responsibleKind === 'specialist') && (
          <TextInput
            label={m.responsibleKind === 'agency' ? t('plan.measure.agencyName') : t('plan.measure.specialistName')}
            required
            value={m.name}
            onChange={(e) => { const v = e.currentTarget.value; set((x) => { x.name = v; }); }}
          />
        )}
        <Textarea id={fieldId(m.uid, 'expectedResult')} label={t('plan.measure.expectedResult')} required autosize minRows={2} value={m.expectedResult} onChange={(e) => { const v = e.currentTarget.value; set((x) => { x.expectedResult = v; }); }} />
        <ServiceSelect label={t('plan.measure.service')} description={t('plan.measure.serviceHint')} value={m.serviceCode} onChange={(v) => set((x) => { x.serviceCode = v; })} />
      </Stack>
    </Paper>
  );
}

/** One goal in a well-being domain with its measures. */
export function GoalFields({ c, goal, gi, update }: { c: CaseDetail; goal: EditGoal; gi: number; update: Update }) {
  const { t } = useTranslation();
  const labels = usePlanLabels(c);
  const headingId = fieldId(goal.uid, 'title');
  const setGoal = (change: (g: EditGoal) => void) =>
    update((d) => {
      const g = d.goals.find((x) => x.uid === goal.uid);
      if (g) change(g);
    });
  const domainOptions = labels.domains.map((d) => ({ value: d.code, label: `${labels.domainName(d.code)} (${t(`plan.subject.${d.subject}`)})` }));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5" id={headingId}>
            {t('plan.editor.goalTitle', { n: gi + 1 })}
          </Title>
          <Button variant="subtle" color="red" size="compact-sm" onClick={() => update((d) => { d.goals = d.goals.filter((x) => x.uid !== goal.uid); })}>
            {t('plan.editor.removeGoal', { n: gi + 1 })}
          </Button>
        </Group>
        <NativeSelect
          label={t('plan.goal.domain')}
          required
          value={goal.domain}
          onChange={(e) => { const v = e.currentTarget.value; setGoal((g) => { g.domain = v; }); }}
          data={domainOptions.some((o) => o.value === goal.domain) ? domainOptions : [{ value: goal.domain, label: goal.domain }, ...domainOptions]}
        />
        <Textarea id={fieldId(goal.uid, 'text')} label={t('plan.goal.text')} description={t('plan.goal.textHint')} required autosize minRows={2} value={goal.text} onChange={(e) => { const v = e.currentTarget.value; setGoal((g) => { g.text = v; }); }} />
        <Stack gap="sm" id={fieldId(goal.uid, 'measures')}>
          {goal.measures.map((m, mi) => (
            <MeasureFields key={m.uid} c={c} goal={goal} m={m} gi={gi} mi={mi} update={update} />
          ))}
        </Stack>
        <div>
          <Button variant="default" size="sm" onClick={() => setGoal((g) => { g.measures.push(emptyMeasure()); })}>
            {t('plan.editor.addMeasure', { n: gi + 1 })}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
