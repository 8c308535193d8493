import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../cases/cases.api.ts';
import { formatFullName, sortBySurname } from '../persons/person-name.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { caseChildren } from '../cases/case-title.ts';

/** «Підібрати сім’ю» for each child of an open case: the matching page (SPEC §5.2). */
export function MatchingLinks({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const children = sortBySurname(caseChildren(c));
  if (c.status === 'closed' || children.length === 0) return null;
  return (
    <Group gap="sm">
      {children.map((m) => (
        <ButtonLink key={m.personId} variant="light" to="/cases/$caseId/matching" params={{ caseId: c.id }} search={{ childId: m.personId }}>
          {children.length > 1 ? `${t('caregivers.matching.link')}: ${formatFullName(m)}` : t('caregivers.matching.link')}
        </ButtonLink>
      ))}
    </Group>
  );
}
