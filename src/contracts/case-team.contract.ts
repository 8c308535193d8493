import { z } from 'zod';
import { teamRoles } from '#domain/cases/case-team.ts';
import { isoDate, text, uuid } from './common.contract.ts';

/**
 * POST /api/v1/cases/{id}/team — adds a member to the interdisciplinary team (SPEC §2.16): a user of the system
 * (who then has access to the case while on the team) or a person without an account, by name.
 */
export const teamMemberRequest = z.object({
  userId: uuid.nullable().default(null),
  externalName: text(300).default(''),
  externalOrganisation: text(300).default(''),
  externalProfession: text(300).default(''),
  teamRole: z.enum(teamRoles),
  emergencyIntervention: z.boolean().default(false),
  /** Defaults to today; never in the future. */
  fromDate: isoDate.optional(),
});
/** A member as sent. */
export type TeamMemberRequest = z.infer<typeof teamMemberRequest>;

/** POST /api/v1/cases/{id}/team/{memberId}/end — ends a membership (today by default); access ends at once. */
export const teamMemberEndRequest = z.object({ version: z.number().int().min(1), toDate: isoDate.optional(), reason: text(2000).default('') });
/** An end as sent. */
export type TeamMemberEndRequest = z.infer<typeof teamMemberEndRequest>;

/** Path parameters of one membership. */
export const teamMemberParams = z.object({ id: uuid, memberId: uuid });

/** What the user may do with a membership. */
export const teamMemberActions = ['end'] as const;

const ref = z.object({ id: z.string(), name: z.string() });

/** One membership. */
export const teamMemberView = z.object({
  id: z.string(),
  caseId: z.string(),
  version: z.number().int(),
  user: ref.nullable(),
  externalName: z.string(),
  externalOrganisation: z.string(),
  externalProfession: z.string(),
  teamRole: z.enum(teamRoles),
  emergencyIntervention: z.boolean(),
  fromDate: isoDate,
  toDate: isoDate.nullable(),
  endReason: z.string(),
  /** On the team today. */
  current: z.boolean(),
  addedBy: ref,
  endedBy: ref.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(teamMemberActions)),
});
/** One membership. */
export type TeamMemberView = z.infer<typeof teamMemberView>;

/** GET /api/v1/cases/{id}/team — current members first, then former ones. */
export const teamList = z.object({ items: z.array(teamMemberView), allowedActions: z.array(z.enum(['add'])) });
