import { z } from 'zod';
import { hasValidGs1CheckDigit } from '../barcode/check-digit';
import { Line, OptionalLine } from './text';

export const Address = z
  .object({
    name: Line(60),
    line1: Line(60),
    line2: OptionalLine(60),
    city: Line(40),
    region: OptionalLine(40),
    postalCode: Line(12),
    country: z.string().regex(/^[A-Z]{2}$/, 'Use the two-letter ISO 3166 country code, e.g. DE.'),
  })
  .strict();
export type Address = z.infer<typeof Address>;

/** Serial Shipping Container Code: extension digit, company prefix, serial reference, mod-10 check digit. */
export const Sscc = z
  .string()
  .regex(/^\d{18}$/, 'An SSCC has exactly 18 digits.')
  .refine(hasValidGs1CheckDigit, 'The SSCC check digit is wrong.');

/** The data on a carton (logistic) label; layout and symbology are the printer's settings. */
export const CartonLabel = z
  .object({
    sscc: Sscc,
    shipFrom: Address,
    shipTo: Address,
    orderNumber: Line(32),
    purchaseOrder: OptionalLine(32),
    cartonNumber: z.number().int().min(1).max(9999),
    cartonCount: z.number().int().min(1).max(9999),
    carrier: OptionalLine(40),
    service: OptionalLine(40),
    trackingNumber: z.string().regex(/^[A-Za-z0-9]{1,40}$/, 'Tracking numbers are letters and digits.').optional(),
    weightGrams: z.number().int().positive().max(2_000_000).optional(),
  })
  .strict()
  .refine((l) => l.cartonNumber <= l.cartonCount, {
    message: 'The carton number cannot be higher than the number of cartons.',
    path: ['cartonNumber'],
  });
export type CartonLabel = z.infer<typeof CartonLabel>;
