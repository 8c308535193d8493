import { z } from 'zod';
import { isoDate } from './common.contract.ts';

/** Sex as recorded in documents. */
export const sexes = ['female', 'male'] as const;

/** A new person: surname, given name and patronymic kept apart (UX conventions). */
export const personInput = z.object({
  surname: z.string().trim().min(1).max(100),
  givenName: z.string().trim().min(1).max(100),
  patronymic: z.string().trim().max(100).default(''),
  birthDate: isoDate.refine((d) => d >= '1900-01-01', { message: 'birth_date_too_early' }),
  sex: z.enum(sexes),
  disability: z.boolean().default(false),
  /** Spelling from a foreign (Latin-script) document, if any (SPEC §12). */
  latinName: z.string().trim().max(200).default(''),
});
/** A new person. */
export type PersonInput = z.infer<typeof personInput>;

/** GET /api/v1/persons/matches — existing persons with the same or similar name and birth date (SPEC §2.3). */
export const personMatchQuery = z.object({
  hromadaId: z.uuid(),
  surname: z.string().trim().min(1).max(100),
  givenName: z.string().trim().max(100).default(''),
  birthDate: isoDate.optional(),
});

/** One candidate. */
export const personMatchView = z.object({
  id: z.string(),
  surname: z.string(),
  givenName: z.string(),
  patronymic: z.string(),
  birthDate: z.string(),
  sex: z.enum(sexes),
  score: z.number(),
  sameBirthDate: z.boolean(),
  openCaseNumbers: z.array(z.string()),
});
/** GET /api/v1/persons/matches */
export const personMatchResponse = z.object({ items: z.array(personMatchView) });
