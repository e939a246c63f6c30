/**
 * Messages between the page and decode.worker.ts, validated with zod on
 * both sides of the boundary. Frames travel as RGBA bytes whose buffer is
 * transferred, not copied.
 */
import { z } from 'zod';
import { BARCODE_FORMATS, ENGINE_NAMES } from './decoder';

/** 8K UHD is plenty for a camera frame; also bounds the allocation a message can ask for. */
export const MAX_FRAME_SIDE = 8192;

const formatSchema = z.enum(BARCODE_FORMATS);
const engineSchema = z.enum(ENGINE_NAMES);

export const decodeOptionsSchema = z
  .object({
    formats: z.array(formatSchema).min(1).optional(),
    tryHarder: z.boolean().optional(),
  })
  .strict();

const side = z.number().int().min(1).max(MAX_FRAME_SIDE);

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), engine: engineSchema }).strict(),
  z
    .object({
      type: z.literal('decode'),
      id: z.number().int().nonnegative(),
      width: side,
      height: side,
      data: z.instanceof(Uint8ClampedArray),
      options: decodeOptionsSchema,
    })
    .strict()
    .refine((m) => m.data.length === m.width * m.height * 4, { message: 'data must hold width * height RGBA pixels', path: ['data'] }),
]);

export const decodeResultSchema = z
  .object({
    text: z.string(),
    format: formatSchema,
    symbologyIdentifier: z.string().regex(/^\][A-Za-z][0-9A-Za-z]$/).optional(),
  })
  .strict();

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), engine: engineSchema, initMs: z.number().nonnegative() }).strict(),
  z
    .object({
      type: z.literal('result'),
      id: z.number().int().nonnegative(),
      results: z.array(decodeResultSchema),
      /** Time spent in the engine, inside the worker. */
      ms: z.number().nonnegative(),
    })
    .strict(),
  z
    .object({
      type: z.literal('error'),
      /** The decode request that failed, or null for init / malformed messages. */
      id: z.number().int().nonnegative().nullable(),
      message: z.string(),
    })
    .strict(),
]);

export type ToWorkerMessage = z.infer<typeof toWorkerSchema>;
export type FromWorkerMessage = z.infer<typeof fromWorkerSchema>;

/** A readable one-liner for a failed validation. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}
