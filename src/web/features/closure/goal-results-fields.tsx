import { Fieldset, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { goalAchievements, type GoalAchievement } from '#domain/cases/review.ts';
import type { PlanView } from '../implementation/implementation.api.ts';

/** A goal's judgement as typed. */
export type GoalDraft = { achievement: GoalAchievement | ''; comment: string };

/** Goal keys of the plan still without a judgement. */
export function unjudgedGoals(plan: PlanView, drafts: Record<string, GoalDraft>): string[] {
  return plan.goals.filter((g) => !drafts[g.key]?.achievement).map((g) => g.key);
}

/** The judgements as the API expects them. */
export function toGoalResults(plan: PlanView, drafts: Record<string, GoalDraft>) {
  return plan.goals.flatMap((g) => {
    const d = drafts[g.key];
    return d?.achievement ? [{ goalKey: g.key, achievement: d.achievement, comment: d.comment }] : [];
  });
}

/** Each goal of the agreed plan judged fully / partially / not achieved (Order 1005), with a comment. */
export function GoalResultsFields({ plan, value, onChange, showMissing, domainName, idPrefix, commentRequiredFor = [] }: {
  plan: PlanView;
  value: Record<string, GoalDraft>;
  onChange: (next: Record<string, GoalDraft>) => void;
  showMissing: boolean;
  domainName: (code: string) => string;
  idPrefix: string;
  /** Achievements for which a comment is needed (closure: a partial goal explains why the rest needs no support). */
  commentRequiredFor?: readonly GoalAchievement[];
}) {
  const { t } = useTranslation();
  const set = (key: string, patch: Partial<GoalDraft>) => onChange({ ...value, [key]: { ...(value[key] ?? { achievement: '', comment: '' }), ...patch } });
  return (
    <Stack gap="sm">
      {plan.goals.map((g, i) => {
        const d = value[g.key] ?? { achievement: '', comment: '' };
        const needsComment = d.achievement !== '' && commentRequiredFor.includes(d.achievement);
        return (
          <Fieldset key={g.key} id={`${idPrefix}-${g.key}`} legend={t('review.goalN', { n: i + 1, goal: g.text })} variant="filled">
            <Text size="xs" c="dimmed" mb={4}>
              {domainName(g.domain)}
            </Text>
            <Radio.Group
              label={t('review.achievement')}
              value={d.achievement}
              onChange={(v) => set(g.key, { achievement: v as GoalAchievement })}
              required
              error={showMissing && !d.achievement ? t('common.required') : undefined}
            >
              <Group gap="md" mt={4}>
                {goalAchievements.map((a) => (
                  <Radio key={a} value={a} label={t(`review.goalAchievement.${a}`)} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea
              mt="xs"
              label={t('review.goalComment')}
              autosize
              minRows={1}
              required={needsComment}
              value={d.comment}
              onChange={(e) => set(g.key, { comment: e.currentTarget.value })}
              error={showMissing && needsComment && !d.comment.trim() ? t('closure.partialNeedsComment') : undefined}
            />
          </Fieldset>
        );
      })}
    </Stack>
  );
}
