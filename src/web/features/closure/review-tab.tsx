import { Stack } from '@mantine/core';
import type { CaseDetail } from '../cases/cases.api.ts';
import { ClosureSection } from './closure-section.tsx';
import { FollowUpsSection } from './follow-ups-section.tsx';
import { ReviewsSection } from './reviews-section.tsx';

/** Reviews and case conferences, closure and its approval, post-closure follow-ups and reopening (SPEC §2.13, §2.14). */
export function ReviewTab({ c }: { c: CaseDetail }) {
  return (
    <Stack gap="md">
      {c.status === 'closed' && <FollowUpsSection c={c} />}
      <ReviewsSection c={c} />
      <ClosureSection c={c} />
      {c.status !== 'closed' && <FollowUpsSection c={c} />}
    </Stack>
  );
}
