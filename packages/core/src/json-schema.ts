/**
 * The result schema as a plain JSON Schema (draft 2020-12) object, for receivers written in other
 * languages. Hand-written rather than generated at run time so that browsers do not carry a schema
 * generator; `tests/node/core-schema.test.ts` proves it says the same as {@link resultSchema}
 * (zod's own `toJSONSchema` output, normalised) and that both accept and refuse the same inputs.
 *
 * It checks structure only. Recomputing the scores needs the instrument data: use `verifyResult`
 * (or port its checks) to trust the numbers.
 */
import { instrumentIds } from './ids.js';
import { ITEM_ID_PATTERN, LOCALE_PATTERN, RESULT_SCHEMA_ID } from './formats.js';

const dateTime = {
  type: 'string',
  format: 'date-time',
  // Also as a pattern, for validators that ignore `format`: a date, a time and a zone.
  pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d+)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$',
} as const;

const uuid = {
  type: 'string',
  format: 'uuid',
  pattern:
    '^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$',
} as const;

const instrumentId = { type: 'string', enum: instrumentIds } as const;
const itemId = { type: 'string', pattern: ITEM_ID_PATTERN.source } as const;
const locale = { type: 'string', pattern: LOCALE_PATTERN.source } as const;
const integer = { type: 'integer' } as const;
const count = { type: 'integer', minimum: 0 } as const;

const riskTrigger = {
  type: 'object',
  properties: {
    instrumentId,
    itemId,
    value: integer,
    at: dateTime,
    changedLater: { type: 'boolean' },
  },
  required: ['instrumentId', 'itemId', 'value', 'at'],
  additionalProperties: false,
} as const;

const score = {
  type: 'object',
  properties: {
    instrumentId,
    total: { anyOf: [count, { type: 'null' }] },
    max: count,
    answered: count,
    complete: { type: 'boolean' },
    prorated: { type: 'boolean' },
    band: { type: ['string', 'null'] },
    positive: { type: ['boolean', 'null'] },
    cutoff: count,
    subscales: { type: 'object', propertyNames: { type: 'string' }, additionalProperties: count },
    riskTriggers: {
      type: 'array',
      items: {
        type: 'object',
        properties: { itemId, value: integer },
        required: ['itemId', 'value'],
        additionalProperties: false,
      },
    },
  },
  required: ['instrumentId', 'total', 'max', 'answered', 'complete', 'band', 'positive', 'cutoff', 'subscales', 'riskTriggers'],
  additionalProperties: false,
} as const;

const instrumentResult = {
  type: 'object',
  properties: {
    id: instrumentId,
    version: { type: 'string' },
    locale,
    translation: { type: 'string', enum: ['source', 'validated', 'draft'] },
    answers: {
      type: 'array',
      items: {
        type: 'object',
        properties: { itemId, value: integer, answeredAt: dateTime },
        required: ['itemId', 'value', 'answeredAt'],
        additionalProperties: false,
      },
    },
    score,
  },
  required: ['id', 'version', 'locale', 'translation', 'answers', 'score'],
  additionalProperties: false,
} as const;

/** JSON Schema (draft 2020-12) of `pmh-screen/result/v1`. */
export const resultJsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'pmh-screen screening result (pmh-screen/result/v1)',
  description:
    'The result of one perinatal mental health screening session. Structure only: scores must be recomputed from the answers to be trusted.',
  type: 'object',
  properties: {
    schema: { type: 'string', const: RESULT_SCHEMA_ID },
    sessionId: uuid,
    status: { type: 'string', enum: ['complete', 'partial'] },
    startedAt: dateTime,
    completedAt: dateTime,
    locale,
    context: {
      type: 'object',
      properties: {
        stage: { type: 'string', enum: ['antenatal', 'postnatal'] },
        contact: { type: 'string' },
        externalRef: { type: 'string' },
      },
      additionalProperties: { $ref: '#/$defs/json' },
    },
    instruments: { type: 'array', items: instrumentResult },
    risk: {
      type: 'object',
      properties: {
        level: { type: 'string', enum: ['none', 'urgent'] },
        triggers: { type: 'array', items: riskTrigger },
      },
      required: ['level', 'triggers'],
      additionalProperties: false,
    },
  },
  required: ['schema', 'sessionId', 'status', 'startedAt', 'locale', 'instruments', 'risk'],
  additionalProperties: false,
  $defs: {
    json: {
      anyOf: [
        { type: 'string' },
        { type: 'number' },
        { type: 'boolean' },
        { type: 'null' },
        { type: 'array', items: { $ref: '#/$defs/json' } },
        { type: 'object', propertyNames: { type: 'string' }, additionalProperties: { $ref: '#/$defs/json' } },
      ],
    },
  },
} as const;
