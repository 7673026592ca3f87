import { z } from "zod";
import { InputError } from "../errors.js";
import { readJson } from "./read-source-file.js";
import { participantSchema, speakerRoleSchema, type RoleDirectory } from "./speaker-role.js";
import { validateRecord } from "./validate-records.js";

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "must be a lowercase id like 'business'");

const offeringSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1),
  capabilities: z.array(z.string().trim().min(1)).min(1),
});

export const vendorProfileSchema = z.strictObject({
  product: z.string().trim().min(1),
  vendor: z.string().trim().min(1),
  vendor_email_domains: z
    .array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be a domain like 'example.com'"))
    .min(1, "list at least one domain so vendor speakers can be told apart"),
  unmatched_speaker_role: speakerRoleSchema.default("unknown"),
  /** From the lowest tier to the highest. */
  tiers: z.array(offeringSchema).min(1),
  add_ons: z.array(offeringSchema).default([]),
  participants: z.array(participantSchema).default([]),
});

export type VendorProfile = z.infer<typeof vendorProfileSchema>;

export async function loadVendorProfile(file: string): Promise<VendorProfile> {
  const result = validateRecord(vendorProfileSchema, await readJson(file), { file, record: "vendor profile" });
  if (!result.success) throw new InputError(result.problems);
  return result.data;
}

export function roleDirectoryOf(profile: VendorProfile): RoleDirectory {
  return {
    vendorEmailDomains: profile.vendor_email_domains,
    participants: profile.participants,
    unmatchedSpeakerRole: profile.unmatched_speaker_role,
  };
}
