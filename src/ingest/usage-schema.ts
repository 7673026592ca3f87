import { z } from "zod";
import { accountIdSchema } from "./account-schema.js";

export const usageMetricSchema = z.strictObject({
  account_id: accountIdSchema,
  date: z.iso.date(),
  metric: z.string().trim().regex(/^[a-z][a-z0-9_]*$/, "must be a snake_case metric name like 'active_users'"),
  value: z.number().finite(),
});

export type UsageMetric = z.infer<typeof usageMetricSchema>;
