import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The weighted caseload in per cent with its capacity status; the status is in words, the colour only repeats it. */
export function CapacityCell({ percent, capacity }: { percent: number; capacity: 'ok' | 'near' | 'over' }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Text fw={700}>{t('workforce.team.percent', { percent: percent.toLocaleString('uk-UA') })}</Text>
      {capacity !== 'ok' && (
        <Badge color={capacity === 'over' ? 'red.8' : 'yellow.9'} variant="filled" style={{ textTransform: 'none' }} data-testid={`capacity-${capacity}`}>
          {t(`workforce.team.${capacity}`)}
        </Badge>
      )}
    </Group>
  );
}
