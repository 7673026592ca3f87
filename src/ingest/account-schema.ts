import { z } from "zod";

export const accountIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be a lowercase slug like 'brightpath-logistics'");

export const healthSchema = z.enum(["green", "yellow", "red", "unknown"]);
export const healthTrendSchema = z.enum(["up", "flat", "down", "unknown"]);

/** The facts the readiness rules read about an account. See data/README.md for each field. */
export const accountSchema = z.strictObject({
  id: accountIdSchema,
  name: z.string().trim().min(1),
  tier: z.string().trim().min(1),
  arr: z.number().nonnegative(),
  health: healthSchema,
  health_trend: healthTrendSchema.default("unknown"),
  licensed_seats: z.number().int().nonnegative().optional(),
  renewal_date: z.iso.date().optional(),
  champion: z.string().trim().min(1).optional(),
  economic_buyer: z.string().trim().min(1).optional(),
  domains: z.array(z.string().trim().toLowerCase().min(3)).default([]),
  add_ons: z.array(z.string().trim().min(1)).default([]),
});

export type Account = z.infer<typeof accountSchema>;
