/**
 * The zod schemas of everything that crosses a trust boundary: results (sent to other systems),
 * host context, and saved sessions. Built with `zod/mini` so the browser bundle stays small; never
 * import full `zod` from a module the browser loads.
 *
 * Only `createResult`/`verifyResult` use them at run time. The element's path (session, context,
 * snapshot restore) uses the zod-free checks in `validate.ts`, which say the same as
 * `contextSchema` and `snapshotSchema` (proved by `tests/node/core-validate.test.ts`), so that a
 * browser does not load and build zod before the first question.
 */
import * as z from 'zod/mini';
import { describeValue } from './errors.js';
import {
  ITEM_ID_PATTERN,
  LOCALE_PATTERN,
  MAX_DATE_TIME_LENGTH,
  MAX_LOCALE_LENGTH,
  MAX_PERMISSION_LENGTH,
  MAX_VERSION_LENGTH,
  QUESTION_ID_PATTERN,
  RESULT_SCHEMA_ID,
  SNAPSHOT_SCHEMA_ID,
} from './formats.js';
import { aidIds, followUpIds, instrumentIds, pathwayIds, supplementaryKeys } from './ids.js';

export { isIsoDateTime, isUuid, ITEM_ID_PATTERN, LOCALE_PATTERN, RESULT_SCHEMA_ID, SNAPSHOT_SCHEMA_ID } from './formats.js';

const instrumentId = z.enum(instrumentIds);
const itemId = z.string().check(z.maxLength(12), z.regex(ITEM_ID_PATTERN));
const questionId = z.string().check(z.regex(QUESTION_ID_PATTERN));
const isoDateTime = z.iso.datetime({ offset: true }).check(z.maxLength(MAX_DATE_TIME_LENGTH));
const locale = z.string().check(z.maxLength(MAX_LOCALE_LENGTH), z.regex(LOCALE_PATTERN));
const count = z.int().check(z.gte(0));
const translation = z.enum(['source', 'validated', 'draft']);

/** Host context echoed into results: a few known fields, plus any JSON the host adds. */
export const contextSchema = z.catchall(
  z.object({
    stage: z.optional(z.enum(['antenatal', 'postnatal'])),
    contact: z.optional(z.string()),
    externalRef: z.optional(z.string()),
  }),
  z.json(),
);

/** A risk trigger as recorded in results and saved sessions. */
export const riskTriggerSchema = z.strictObject({
  instrumentId,
  itemId,
  value: z.int(),
  at: isoDateTime,
  changedLater: z.optional(z.boolean()),
});

const scoreSchema = z.strictObject({
  instrumentId,
  total: z.nullable(count),
  max: count,
  answered: count,
  complete: z.boolean(),
  prorated: z.optional(z.boolean()),
  proratedTotal: z.optional(z.number().check(z.gte(0))),
  band: z.nullable(z.string().check(z.maxLength(64))),
  positive: z.nullable(z.boolean()),
  cutoff: count,
  subscales: z.record(z.string().check(z.maxLength(64)), count),
  riskTriggers: z.array(z.strictObject({ itemId, value: z.int() })),
});

const instrumentResultSchema = z.strictObject({
  id: instrumentId,
  version: z.string().check(z.maxLength(MAX_VERSION_LENGTH)),
  locale,
  translation,
  answers: z.array(z.strictObject({ itemId, value: z.int(), answeredAt: isoDateTime })),
  score: scoreSchema,
  permission: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_PERMISSION_LENGTH))),
  supplementary: z.optional(z.array(z.strictObject({ questionId, value: z.int() }))),
  aids: z.optional(z.array(z.enum(aidIds))),
});

/** The zod (mini) schema of {@link ScreeningResult}, `pmh-screen/result/v1`. Structure only: use `verifyResult` to also check the arithmetic. */
export const resultSchema = z.strictObject({
  schema: z.literal(RESULT_SCHEMA_ID),
  sessionId: z.uuid(),
  status: z.enum(['complete', 'partial']),
  startedAt: isoDateTime,
  completedAt: z.optional(isoDateTime),
  locale,
  context: z.optional(contextSchema),
  instruments: z.array(instrumentResultSchema),
  risk: z.strictObject({
    level: z.enum(['none', 'urgent']),
    triggers: z.array(riskTriggerSchema),
    assessed: z.boolean(),
    items: z.array(z.strictObject({ instrumentId, itemId, answered: z.boolean() })),
  }),
});

const thresholdsSchema = z.partialRecord(instrumentId, z.int());
const supplementarySchema = z.optional(z.array(z.enum(supplementaryKeys)));
/** A step of a saved session: a scored item ('q3') or a supplementary question ('difficulty'). */
const stepId = z.union([itemId, questionId]);

/** Structure of a saved session (see `ScreeningSession.snapshot`). */
export const snapshotSchema = z.strictObject({
  schema: z.literal(SNAPSHOT_SCHEMA_ID),
  config: z.union([
    z.strictObject({
      kind: z.literal('pathway'),
      pathway: z.enum(pathwayIds),
      followUp: z.optional(z.enum(followUpIds)),
      thresholds: z.optional(thresholdsSchema),
      supplementary: supplementarySchema,
    }),
    z.strictObject({
      kind: z.literal('fixed'),
      instruments: z.array(instrumentId),
      thresholds: z.optional(thresholdsSchema),
      supplementary: supplementarySchema,
    }),
  ]),
  sessionId: z.uuid(),
  startedAt: isoDateTime,
  completedAt: z.optional(isoDateTime),
  locale,
  context: z.optional(contextSchema),
  answers: z.array(z.strictObject({ instrumentId, itemId: stepId, value: z.int(), answeredAt: isoDateTime })),
  triggers: z.array(riskTriggerSchema),
  cursor: z.nullable(z.strictObject({ instrumentId, itemId: stepId })),
  instrumentText: z.partialRecord(
    instrumentId,
    z.strictObject({ locale, translation, permission: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_PERMISSION_LENGTH))) }),
  ),
  aids: z.optional(z.partialRecord(instrumentId, z.array(z.enum(aidIds)))),
});

/** A saved session: JSON-safe, validated on restore. */
export type SessionSnapshot = z.output<typeof snapshotSchema>;

/**
 * Human-readable messages for zod issues, each naming its path (`instruments[0].score.total: …`).
 * Written here rather than loading zod's English locale, which would add weight to the browser
 * bundle for messages only developers read.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], root = ''): string[] {
  return issues.flatMap((issue) => {
    const path = formatPath([...(root === '' ? [] : [root]), ...issue.path]);
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the alternative that got furthest: fewest issues.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return formatIssues(
        best.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })),
        root,
      );
    }
    return [`${path || '(root)'}: ${describeIssue(issue)}`];
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const got = 'input' in issue && issue.input !== undefined ? `, got ${describeValue(issue.input)}` : '';
  switch (issue.code) {
    case 'invalid_type':
      return got === '' ? `expected ${issue.expected}, but it is missing` : `expected ${issue.expected}${got}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => describeValue(v)).join(' or ')}${got}`;
    case 'invalid_format':
      return `not a valid ${issue.format === 'regex' ? 'value' : issue.format}${got}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}${got}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${got}`;
    case 'unrecognized_keys':
      return `unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((v) => describeValue(v)).join(', ')}`;
    case 'invalid_key':
      return `invalid key${got}`;
    case 'invalid_union':
      return `does not match any allowed shape${got}`;
    default:
      return `${issue.message}${got}`;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
