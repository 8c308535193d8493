/** Prefix of every browser-stored draft that may hold personal data (intake drafts, unsaved assessment edits). */
export const personalDraftPrefixes = ['rodyna.intake.draft.', 'rodyna.na.unsaved.', 'rodyna.plan.unsaved.'] as const;

/**
 * Removes drafts with personal data from this browser. Called on an explicit logout so that nothing about
 * a family stays behind on a shared office computer (SPEC §11); an expired session keeps them for the next login.
 */
export function clearPersonalDrafts(storage: Storage = window.localStorage): number {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key && personalDraftPrefixes.some((p) => key.startsWith(p))) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
  return keys.length;
}
