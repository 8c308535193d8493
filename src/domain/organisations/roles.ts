/** Roles of SPEC §0; a user holds each role within one organisation. */
export const roles = [
  'case_manager',
  'child_affairs_specialist',
  'supervisor',
  'panel_member',
  'panel_secretary',
  'provider_worker',
  'reporter',
  'community_planner',
  'oblast_coordinator',
  'national_analyst',
  'system_admin',
  'auditor',
] as const;
/** One of the roles of SPEC §0. */
export type Role = (typeof roles)[number];

/** Kinds of organisation of SPEC §0. */
export const organisationTypes = [
  'css',
  'cas',
  'social_protection',
  'guardianship_body',
  'child_rights_commission',
  'service_provider',
  'school',
  'health_facility',
  'police',
  'oblast_administration',
  'oblast_social_service_centre',
  'oblast_better_care_council',
  'community_taskforce',
  'coordination_centre',
] as const;
/** One kind of organisation. */
export type OrganisationType = (typeof organisationTypes)[number];

/** Levels of the territory tree (SPEC §0). */
export const territoryLevels = ['oblast', 'rayon', 'hromada', 'starostat'] as const;
/** One level of the territory tree. */
export type TerritoryLevel = (typeof territoryLevels)[number];

/** Kinds of hromada; powers over foster care differ between them (SPEC §5.3). */
export const hromadaKinds = ['urban', 'settlement', 'rural'] as const;
/** One kind of hromada. */
export type HromadaKind = (typeof hromadaKinds)[number];
