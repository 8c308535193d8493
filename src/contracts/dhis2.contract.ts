import { z } from 'zod';
import { dhis2UidPattern, importStrategies } from '#domain/dhis2/data-value-sets.ts';
import { isoInstant, text, uuid } from './common.contract.ts';

/*
 * The DHIS2 `dataValueSets` format as the DHIS2 Web API documents it (../shared/interop/dhis2-datavaluesets.md),
 * written as zod schemas so a payload can be checked before it leaves, and an import summary read when it comes back.
 */

/** DHIS2 period formats: day, week, month, quarter, six-month, year, financial years. */
export const dhis2PeriodSchema = z.string().regex(/^(\d{4}(0[1-9]|1[0-2])([0-2]\d|3[01])|\d{4}W([1-9]|[1-4]\d|5[0-3])|\d{4}(0[1-9]|1[0-2])|\d{4}Q[1-4]|\d{4}S[12]|\d{4}|\d{4}(April|July|Oct))$/);
/** A DHIS2 identifier (UID by default; codes with idScheme=code). */
const dhis2Id = z.string().min(1).max(230);

/** One data value (shape B: with its own period and org unit). Values are strings. */
export const dhis2DataValue = z
  .object({
    dataElement: dhis2Id,
    period: dhis2PeriodSchema,
    orgUnit: dhis2Id,
    categoryOptionCombo: dhis2Id.optional(),
    attributeOptionCombo: dhis2Id.optional(),
    value: z.string(),
    comment: z.string().optional(),
    followUp: z.boolean().optional(),
  })
  .strict();

/** Shape B — bulk, mixing periods and org units: `{ dataValues: [...] }`. */
export const dhis2BulkDataValueSet = z.object({ dataValues: z.array(dhis2DataValue) }).strict();

/** Shape A — one data set, period and org unit at the top, values without them. */
export const dhis2SingleDataValueSet = z
  .object({
    dataSet: dhis2Id.optional(),
    completeDate: z.iso.date().optional(),
    period: dhis2PeriodSchema,
    orgUnit: dhis2Id,
    attributeOptionCombo: dhis2Id.optional(),
    dataValues: z.array(dhis2DataValue.omit({ period: true, orgUnit: true }).strict()),
  })
  .strict();

/** Either documented shape. */
export const dhis2DataValueSet = z.union([dhis2BulkDataValueSet, dhis2SingleDataValueSet]);
/** A payload of shape B, as we send it. */
export type Dhis2DataValueSet = z.infer<typeof dhis2BulkDataValueSet>;

/** DHIS2's ImportSummary (tolerant: DHIS2 versions add fields; older ones wrap it in `response`). */
export const dhis2ImportSummary = z
  .object({
    status: z.enum(['SUCCESS', 'WARNING', 'ERROR', 'OK']).optional(),
    description: z.string().optional(),
    importCount: z.object({ imported: z.number(), updated: z.number(), ignored: z.number(), deleted: z.number() }).partial().optional(),
    conflicts: z.array(z.object({ object: z.string().optional(), objects: z.record(z.string(), z.string()).optional(), value: z.string().optional(), errorCode: z.string().optional(), property: z.string().optional(), indexes: z.array(z.number()).optional() }).passthrough()).optional(),
    rejectedIndexes: z.array(z.number()).optional(),
    dataSetComplete: z.union([z.string(), z.boolean()]).optional(),
  })
  .passthrough();
/** An import summary. */
export type Dhis2ImportSummary = z.infer<typeof dhis2ImportSummary>;

// ---- Our API -----------------------------------------------------------------------------------------------

const uid = z.string().regex(dhis2UidPattern, 'A DHIS2 UID: 11 letters and digits, a letter first');

/** One row of the element mapping: indicator code + disaggregation cell → data element + category option combo. */
export const dhis2ElementMapping = z.object({
  id: z.string(),
  indicatorCode: z.string(),
  disaggregation: z.string(),
  dataElement: z.string(),
  categoryOptionCombo: z.string().nullable(),
  version: z.number().int(),
});
/** One row of the org-unit mapping: a territory → an org unit. */
export const dhis2OrgUnitMapping = z.object({ id: z.string(), territoryId: z.string(), territoryNameUk: z.string(), territoryNameEn: z.string(), level: z.string(), orgUnit: z.string(), version: z.number().int() });

/** GET /api/v1/dhis2/mappings */
export const dhis2Mappings = z.object({ elements: z.array(dhis2ElementMapping), orgUnits: z.array(dhis2OrgUnitMapping), allowedActions: z.array(z.enum(['edit', 'push'])) });
/** The mapping tables. */
export type Dhis2Mappings = z.infer<typeof dhis2Mappings>;

/** POST /api/v1/dhis2/mappings/elements — add a row; PUT …/{id} — change it (with `version`). */
export const dhis2ElementMappingRequest = z.object({
  indicatorCode: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9._-]+$/),
  disaggregation: z.string().trim().min(1).max(80).regex(/^[a-z0-9_]+(:[A-Za-z0-9_.-]+)?$/),
  dataElement: uid,
  categoryOptionCombo: uid.nullable().default(null),
  version: z.number().int().min(1).optional(),
});
/** POST /api/v1/dhis2/mappings/org-units — add a row; PUT …/{id} — change it. */
export const dhis2OrgUnitMappingRequest = z.object({ territoryId: uuid, orgUnit: uid, version: z.number().int().min(1).optional() });
/** Body of a mapping deletion (optimistic concurrency). */
export const dhis2MappingDeleteRequest = z.object({ version: z.number().int().min(1) });

/** POST /api/v1/dhis2/pushes — build the quarter's payload; `dryRun` validates and returns it without sending (and without touching DHIS2). */
export const dhis2PushRequest = z.object({
  quarter: z.string().regex(/^\d{4}-?Q[1-4]$/),
  territoryId: uuid.optional(),
  /** Validate and keep the summary without contacting DHIS2 (default). */
  dryRun: z.boolean().default(true),
  /** When sending: ask DHIS2 itself for a dry run (`dryRun=true`: it checks the values and answers the import summary without saving). */
  remoteDryRun: z.boolean().default(false),
  importStrategy: z.enum(importStrategies).default('CREATE_AND_UPDATE'),
  note: text(500).optional(),
});

const pushCounts = z.object({ values: z.number().int(), suppressed: z.number().int(), unmappedIndicator: z.number().int(), unmappedOrgUnit: z.number().int(), empty: z.number().int() });

/** One push (or dry run), as stored. */
export const dhis2PushView = z.object({
  id: z.string(),
  period: z.string(),
  territoryId: z.string().nullable(),
  dryRun: z.boolean(),
  remoteDryRun: z.boolean(),
  importStrategy: z.enum(importStrategies),
  status: z.enum(['validated', 'invalid', 'sent', 'success', 'warning', 'error', 'failed']),
  counts: pushCounts,
  unmapped: z.object({ elements: z.array(z.string()), territories: z.array(z.string()) }),
  targetUrl: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  importSummary: z.record(z.string(), z.unknown()).nullable(),
  errors: z.array(z.string()),
  createdBy: z.string(),
  createdAt: isoInstant,
});
/** A push. */
export type Dhis2PushView = z.infer<typeof dhis2PushView>;
/** The answer to a push: the stored record and the payload that was (or would be) sent. */
export const dhis2PushResult = dhis2PushView.extend({ payload: dhis2BulkDataValueSet });
/** GET /api/v1/dhis2/pushes */
export const dhis2PushList = z.object({ items: z.array(dhis2PushView) });
