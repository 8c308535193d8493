import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Complexity } from '#domain/cases/case-types.ts';
import { formatDate } from '../../ui/format.ts';
import type { Deadline } from './cases.api.ts';

const complexityColor: Record<Complexity, string> = { simple: 'green', moderate: 'yellow', complex: 'orange', emergency: 'red' };

/** Case complexity from the needs assessment; "not assessed yet" when absent. */
export function ComplexityBadge({ complexity }: { complexity: Complexity | null }) {
  const { t } = useTranslation();
  if (!complexity) {
    return (
      <Text size="sm" c="dimmed">
        {t('worklist.complexityNotAssessed')}
      </Text>
    );
  }
  return (
    <Badge color={complexityColor[complexity]} variant="light">
      {t(`complexity.${complexity}`)}
    </Badge>
  );
}

/** The urgent flag, as text (not colour alone). */
export function UrgentBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled">
      {t('worklist.urgent')}
    </Badge>
  );
}

const statusColor: Record<Deadline['status'], { color: string; variant: 'filled' | 'light' }> = {
  overdue: { color: 'red', variant: 'filled' },
  due_today: { color: 'orange', variant: 'filled' },
  due_soon: { color: 'yellow', variant: 'light' },
  upcoming: { color: 'blue', variant: 'light' },
  met: { color: 'green', variant: 'light' },
};

/** The name of a deadline (`needs_assessment` → «Оцінювання потреб»), falling back to its key. */
export function useDeadlineName(): (key: string) => string {
  const { t } = useTranslation();
  return (key) => t(`deadline.key.${key}` as 'deadline.key.needs_assessment', { defaultValue: key.replace(/_/g, ' ') });
}

/** A deadline: what, due date, status in words and colour, and the legal source inline (UX principle 3). */
export function DeadlineInfo({ deadline, withName = true }: { deadline: Deadline; withName?: boolean }) {
  const { t, i18n } = useTranslation();
  const name = useDeadlineName();
  const style = statusColor[deadline.status];
  const source = i18n.language === 'en' ? deadline.sourceEn : deadline.sourceUk;
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap">
        {withName && (
          <Text size="sm" fw={600}>
            {name(deadline.key)}
          </Text>
        )}
        <Badge color={style.color} variant={style.variant}>
          {t(`deadline.status.${deadline.status}`)}
        </Badge>
        <Text size="sm" fw={deadline.status === 'overdue' ? 700 : 400} c={deadline.status === 'overdue' ? 'red.8' : undefined}>
          {deadline.status === 'met' && deadline.metOn ? t('deadline.metOn', { date: formatDate(deadline.metOn) }) : t('deadline.dueOn', { date: formatDate(deadline.dueDate) })}
        </Text>
      </Group>
      {source && (
        <Text size="xs" c="dimmed">
          {t('deadline.source', { source })}
        </Text>
      )}
    </Stack>
  );
}
