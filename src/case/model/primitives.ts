import { z } from 'zod';
import { CANONICAL_INSTANT, canonicalOrEmpty } from '../../kernel/clock.js';

/**
 * Shared building blocks of the command and state schemas: ids, instants, dates, text, roles and
 * settings. Kept in one place so every entity validates the same way.
 */

/** An id: letters, digits and `._:-`, starting with a letter or digit (so never `__proto__`). */
/** The pattern every id matches (also tested by hand on hot paths, so it lives in one place). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export const idSchema = z.string().regex(ID_PATTERN, 'an id of letters, digits and ._:- (at most 128), starting with a letter or digit');

/**
 * An ISO-8601 instant with an offset, as written anywhere (`2026-01-05T12:00:00+02:00`), parsed to
 * the one canonical form the library stores: UTC, `Z`, milliseconds (`2026-01-05T10:00:00.000Z`).
 * Canonical strings make string order time order everywhere inside (DESIGN.md §2.1). A time with no
 * offset, a date that does not exist, or an instant outside the years 0000–9999 is refused.
 * (An overwrite and a pattern rather than a transform, so the fast command parser keeps its fast
 * path for the canonical form and leaves the rest to zod; `toInstant` is the one reader of the
 * written forms, so the schema and the clock accept exactly the same instants.)
 */
export const instantSchema = z
  .string()
  .overwrite(canonicalOrEmpty)
  .regex(CANONICAL_INSTANT, 'an ISO-8601 instant with an offset (Z or ±hh:mm), a real calendar date and a year from 0000 to 9999, such as 2026-01-05T10:00:00.000Z');

/**
 * An instant as another system may have written it (any offset), judged by the instant it denotes:
 * the record envelope's `at`. Not normalised here; the validator compares such instants by time.
 */
export const writtenInstantSchema = z.iso.datetime({ offset: true });

/** An ISO-8601 calendar date such as `2026-01-05`. */
export const dateSchema = z.iso.date();

/** Free text: trimmed, not empty, bounded. */
export const textSchema = z.string().trim().min(1, 'must not be empty').max(10_000);

/** A short label: trimmed, not empty. */
export const labelSchema = z.string().trim().min(1, 'must not be empty').max(500);

/** Every role of DESIGN.md §3. */
export const ROLES = [
  'client',
  'family-member',
  'lead-practitioner',
  'therapist',
  'psychologist',
  'psychiatrist',
  'gp',
  'nurse',
  'social-worker',
  'occupational-therapist',
  'educator',
  'peer-supporter',
  'interventionist',
  'supervisor',
  'admin',
] as const;

/** A role a person plays in a case. */
export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES);

/** Roles that deliver or oversee care (everyone but the client, family members and admins). */
export const CLINICAL_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'client' && r !== 'family-member' && r !== 'admin');

/** Where care happens. */
export const SETTINGS = [
  'home',
  'clinic',
  'welfare-agency',
  'private-practice',
  'hospital',
  'care-home',
  'prison',
  'school',
  'community',
  'residential',
  'day-programme',
  'online',
] as const;

/** A care setting. */
export type Setting = (typeof SETTINGS)[number];

export const settingSchema = z.enum(SETTINGS);

/** Who issues a command: a person's id and the role they act in. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
}

export const actorSchema = z.object({ id: idSchema, role: roleSchema }).strict();

/** The roles that lead a case: activating a plan, completing a review, closing and reopening. */
export const LEAD_ROLES: readonly Role[] = ['lead-practitioner', 'supervisor'];

/** The roles that manage the care team. */
export const TEAM_MANAGER_ROLES: readonly Role[] = ['lead-practitioner', 'supervisor', 'admin'];
