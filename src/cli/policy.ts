import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { COMMAND_TYPES } from '../engine/registry.js';
import type { CommandType } from '../engine/command-types.js';
import type { Policy } from '../engine/context.js';
import { roleSchema } from '../case/model/primitives.js';
import { printable, readFailure } from './printable.js';
import { readScenario } from './simulate.js';
import { policyFor } from '../simulate/policy.js';

// The data parts of a Policy, as JSON can carry them (an app's authorize function cannot travel).
// Parsed strictly: a policy file decides who may do what, so a malformed one must never loosen a
// rule by being half-read (a role list that is a string would otherwise let every role through).
function policySchema() {
  const roles = z.array(roleSchema).max(50);
  return z
    .object({
      roles: z.partialRecord(z.enum(COMMAND_TYPES as [CommandType, ...CommandType[]]), roles).optional(),
      modalities: z
        .array(z.object({ name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a modality name in lower case'), roles: z.array(roleSchema).min(1).max(50), needsConsent: z.boolean() }).strict())
        .max(500)
        .optional(),
      reviewIntervalDays: z.number().int().min(1).max(3660).optional(),
      reopenWithinDays: z.number().int().min(0).max(36_600).optional(),
      safetyPlanWithinHours: z.number().int().min(0).max(24 * 366).optional(),
    })
    .strict();
}

/** A policy read from a JSON file, or why it cannot be used (every problem, with its path). */
export async function readPolicy(file: string): Promise<Policy | string> {
  let value: unknown;
  try {
    const text = await readFile(file, 'utf8');
    // A byte order mark, as some Windows editors save one, is not part of the JSON.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return err instanceof SyntaxError ? `policy ${file} is not valid JSON: ${printable(err.message)}` : `policy: ${readFailure(file, err)}`;
  }
  const parsed = policySchema().safeParse(value);
  if (parsed.success) return parsed.data as Policy;
  const problems = parsed.error.issues.map((i) => `${i.path.length === 0 ? '(the policy)' : i.path.map(String).join('.')}: ${i.message}`);
  return `policy ${file} is not a valid policy:\n  ${problems.join('\n  ')}`;
}

/**
 * The policy records were made under: read from `policyFile` (a policy as JSON), or the one a
 * simulation of `scenarioFile` runs under (its own modalities registered), or the default (none
 * given); a string says why it cannot be had.
 */
export async function recordsPolicy(policyFile: string | null, scenarioFile: string | null): Promise<Policy | string> {
  if (policyFile !== null) return readPolicy(policyFile);
  if (scenarioFile === null) return {};
  if (scenarioFile === '-') return '--scenario takes a file (standard input is for records)';
  const scenario = readScenario(scenarioFile);
  return typeof scenario === 'string' ? `--scenario: ${scenario}` : policyFor(scenario);
}
