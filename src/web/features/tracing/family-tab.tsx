import { Stack } from '@mantine/core';
import type { CaseDetail } from '../cases/cases.api.ts';
import { FamilyAssessmentSection } from './family-assessment.tsx';
import { Relatives } from './relatives.tsx';
import { TracingAttempts } from './tracing-attempts.tsx';

/** Family tracing (attempts, relatives found) and family assessment of a reintegration case (SPEC §2.7). */
export function FamilyTab({ c }: { c: CaseDetail }) {
  return (
    <Stack gap="md">
      <TracingAttempts c={c} />
      <Relatives c={c} />
      <FamilyAssessmentSection c={c} />
    </Stack>
  );
}
