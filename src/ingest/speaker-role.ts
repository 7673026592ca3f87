import { z } from "zod";

export const speakerRoleSchema = z.enum(["customer", "vendor", "unknown"]);
export type SpeakerRole = z.infer<typeof speakerRoleSchema>;

export const participantSchema = z.strictObject({
  name: z.string().trim().min(1),
  email: z.email().optional(),
  role: speakerRoleSchema.optional(),
});
export type Participant = z.infer<typeof participantSchema>;

export interface RoleDirectory {
  readonly vendorEmailDomains: readonly string[];
  readonly participants: readonly Participant[];
  readonly unmatchedSpeakerRole: SpeakerRole;
}

export interface Speaker {
  readonly name?: string | undefined;
  readonly email?: string | undefined;
  /** A role stated on the record itself wins over everything else. */
  readonly role?: SpeakerRole | undefined;
}

/**
 * Decides who is speaking for whom, in a fixed order that a CS-ops engineer can predict:
 * the record's own role, then the explicit participant list (email, then name), then the email's domain,
 * then the profile's default for strangers.
 *
 * @example resolveSpeakerRole({ email: "sam@lumen.example" }, directory) // "vendor"
 */
export function resolveSpeakerRole(speaker: Speaker, directory: RoleDirectory): SpeakerRole {
  if (speaker.role !== undefined) return speaker.role;
  const email = speaker.email?.trim().toLowerCase();
  const name = speaker.name?.trim().toLowerCase();
  const listed =
    (email === undefined ? undefined : directory.participants.find((person) => person.email?.toLowerCase() === email)) ??
    (name === undefined ? undefined : directory.participants.find((person) => person.name.toLowerCase() === name));
  if (listed?.role !== undefined) return listed.role;
  const domain = email?.split("@")[1];
  if (domain !== undefined) {
    const isVendor = directory.vendorEmailDomains.some(
      (vendorDomain) => domain === vendorDomain || domain.endsWith(`.${vendorDomain}`),
    );
    return isVendor ? "vendor" : "customer";
  }
  return directory.unmatchedSpeakerRole;
}
