import { hasRole, type Actor } from './actor.ts';

/**
 * Who works with the DHIS2 aggregate push (SPEC §10.4): the system administrator keeps the mapping tables; the
 * national analyst and the administrator build, dry-run and send the quarter's payload and read the import summaries.
 * The payload holds aggregates only, with small cells suppressed, so no one else needs it.
 */
export type Dhis2Action = 'read' | 'edit_mappings' | 'push';

/** Whether the actor may do the DHIS2 action. */
export function canOnDhis2(actor: Actor, action: Dhis2Action): boolean {
  const admin = hasRole(actor, 'system_admin');
  if (action === 'edit_mappings') return admin;
  return admin || hasRole(actor, 'national_analyst');
}

/** The DHIS2 actions offered to the actor (sent with the mapping tables so the web app shows only those). */
export function allowedDhis2Actions(actor: Actor): Array<'edit' | 'push'> {
  return [...(canOnDhis2(actor, 'edit_mappings') ? (['edit'] as const) : []), ...(canOnDhis2(actor, 'push') ? (['push'] as const) : [])];
}
