import { Alert, Button, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeConflict } from '#domain/merge/three-way-merge.ts';

type Props = {
  conflicts: readonly MergeConflict[];
  /** The field's name as the user knows it (section, person, field). */
  labelOf: (c: MergeConflict) => string;
  /** A value as text (ratings and choices translated). */
  textOf: (c: MergeConflict, value: unknown) => string;
  /** Who saved the other version and when, if known. */
  savedBy?: { name: string; at: string } | null;
  autoMerged: { mine: number; theirs: number };
  saving?: boolean;
  onResolve: (choices: Record<string, 'mine' | 'theirs'>) => void;
};

/**
 * The merge view (SPEC §11, no lost updates): after a 409 the user sees, for every field both sides changed,
 * their own value and the one saved meanwhile, side by side, and chooses; fields changed on one side only are
 * already merged. Nothing is saved until every conflict has a choice.
 */
export function MergeView({ conflicts, labelOf, textOf, savedBy, autoMerged, saving, onResolve }: Props) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  const left = conflicts.filter((c) => !choices[c.id]).length;
  const shown = (c: MergeConflict, v: unknown) => {
    const text = textOf(c, v);
    return text.trim() === '' ? t('merge.empty') : text;
  };
  return (
    <Alert color="orange" variant="light" title={t('merge.title')} role="alert" data-testid="merge-view">
      <Stack gap="sm">
        <Text size="sm">{savedBy ? t('merge.intro', { who: savedBy.name, time: savedBy.at }) : t('merge.introUnknown')}</Text>
        {autoMerged.mine + autoMerged.theirs > 0 && <Text size="sm">{t('merge.autoMerged', autoMerged)}</Text>}
        <Text size="sm" fw={600}>
          {t('merge.chooseIntro')}
        </Text>
        {conflicts.map((c) => (
          <Paper key={c.id} withBorder p="sm" bg="var(--mantine-color-body)">
            <Radio.Group
              label={labelOf(c)}
              value={choices[c.id] ?? null}
              onChange={(v) => setChoices((prev) => ({ ...prev, [c.id]: v as 'mine' | 'theirs' }))}
            >
              <Stack gap={6} mt={6}>
                <Radio value="mine" label={`${t('merge.mine')}: ${shown(c, c.mine)}`} />
                <Radio value="theirs" label={`${t('merge.theirs')}: ${shown(c, c.theirs)}`} />
              </Stack>
            </Radio.Group>
          </Paper>
        ))}
        <Group justify="space-between" align="center">
          <Text size="sm" c="dimmed" aria-live="polite">
            {left > 0 ? t('merge.chooseAll', { left }) : ''}
          </Text>
          <Button onClick={() => onResolve(choices)} disabled={left > 0} loading={saving}>
            {t('merge.save')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
