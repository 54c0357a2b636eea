/**
 * The zod (mini) schema of a translation a host registers (`registerTranslation`), in its own
 * module so that the zod-free store (registry-store.ts) can take the type from here without
 * importing the registry that writes to it.
 */
import { instrumentIds } from '@pmh-screen/core';
import * as z from 'zod/mini';

const text = z.string().check(z.trim(), z.minLength(1, 'expected non-empty text'));

const itemSchema = z.strictObject({
  text,
  options: z.array(text),
});

/** The zod (mini) schema of what {@link registerTranslation} accepts. */
export const translationInputSchema = z.strictObject({
  locale: z.string().check(z.minLength(1, 'expected a BCP 47 language tag')),
  instrumentId: z.enum(instrumentIds),
  texts: z.strictObject({
    title: z.optional(text),
    stem: z.optional(text),
    instructions: z.optional(text),
    items: z.record(z.string(), itemSchema),
    /** Unscored supplementary questions by core's id (`difficulty`), option labels in printed order. */
    supplementary: z.optional(z.record(z.string(), itemSchema)),
  }),
  provenance: z.strictObject({
    status: z.enum(['validated', 'draft']),
    source: text,
    licence: z.optional(text),
    permission: z.optional(text),
  }),
});

/** What a host passes to {@link registerTranslation}. */
export type TranslationInput = z.infer<typeof translationInputSchema>;
