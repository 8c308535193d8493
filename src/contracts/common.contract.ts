import { z } from 'zod';

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDate = z.iso.date();
/** A UUID. */
export const uuid = z.uuid();
/** An instant in ISO 8601 UTC. */
export const isoInstant = z.iso.datetime({ offset: true });
/** Free text with a sane upper bound. */
export const text = (max = 4000) => z.string().trim().max(max);

/** Error body, `application/problem+json` (RFC 9457) with a stable code. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
/** Error body. */
export type Problem = z.infer<typeof problemSchema>;

/** Keyset pagination parameters. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

/** A page of items. */
export const pageOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Path parameter `{id}`. */
export const idParams = z.object({ id: uuid });
