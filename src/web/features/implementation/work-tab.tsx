import { Stack } from '@mantine/core';
import type { CaseDetail } from '../cases/cases.api.ts';
import { DeliveredServicesSection } from './delivered-services-section.tsx';
import { HomeVisitsSection } from './home-visits-section.tsx';
import { NotesSection } from './notes-section.tsx';
import { PlanReportsSection } from './plan-reports-section.tsx';
import { TeamSection } from './team-section.tsx';

/** Implementation: team, home visits, notes, delivered services, quarterly plan reports (SPEC §2.10, §2.12, §2.16). */
export function WorkTab({ c }: { c: CaseDetail }) {
  return (
    <Stack gap="md">
      <HomeVisitsSection c={c} />
      <NotesSection c={c} />
      <TeamSection c={c} />
      <DeliveredServicesSection c={c} />
      <PlanReportsSection c={c} />
    </Stack>
  );
}
