import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasPreparation } from '#domain/cases/reunification.ts';
import { CaseSection } from '../cases/case-sections.tsx';
import { MatchingLinks } from '../caregivers/matching-links.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { formatFullName, sortBySurname } from '../persons/person-name.ts';
import { ChildCare } from './child-care.tsx';
import { PreparationSection } from './preparation.tsx';
import { caseChildren } from '../cases/case-title.ts';

/** Care-arrangement history and placement of each child; preparation for reunification where the case type has it (SPEC §2.10, §2.11). */
export function CareTab({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const children = sortBySurname(caseChildren(c));
  return (
    <Stack gap="md">
      <CaseSection id="care-title" title={t('care.title')}>
        <Text size="sm" c="dimmed">{t('care.intro')}</Text>
        {children.map((m) => (
          <ChildCare key={m.personId} c={c} childId={m.personId} childName={formatFullName(m)} />
        ))}
        <MatchingLinks c={c} />
      </CaseSection>
      {hasPreparation(c.caseType) && <PreparationSection c={c} />}
    </Stack>
  );
}
