import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssessmentStatus, SafetyLevel } from '#domain/cases/safety-assessment.ts';

const levelColour: Record<SafetyLevel, string> = { safe: 'green', conditionally_safe: 'yellow', unsafe: 'red' };

/** The assessed safety level as a badge (red for unsafe). */
export function SafetyLevelBadge({ level }: { level: SafetyLevel | null }) {
  const { t } = useTranslation();
  if (!level) return <Badge variant="outline" color="gray">{t('safetyAct.levelNotSet')}</Badge>;
  return (
    <Badge variant={level === 'unsafe' ? 'filled' : 'light'} color={levelColour[level]} style={{ whiteSpace: 'normal', height: 'auto' }}>
      {t(`safetyAct.level.${level}`)}
    </Badge>
  );
}

/** Draft or completed, as a badge. */
export function AssessmentStatusBadge({ status, scope }: { status: AssessmentStatus; scope: 'safetyAct' | 'familyAssessment' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status === 'completed' ? 'green' : 'yellow'}>
      {t(`${scope}.status.${status}`)}
    </Badge>
  );
}
