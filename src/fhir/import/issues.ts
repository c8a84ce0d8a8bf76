/**
 * A finding of the FHIR import: where in the input (a JSON pointer), a stable code, and what was
 * done. `error`: something could not be read and was left out; `warning`: read, but on an
 * assumption or with a doubt worth a look; `info`: what the import could not carry over.
 *
 * @example
 * ```ts
 * const issue: FhirImportIssue = { path: '/entry/3/resource/valueString', code: 'NOT_A_NUMBER', message: '"twelve" is not a number', severity: 'error' };
 * ```
 */
export interface FhirImportIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'info';
}

/** Collects issues for one import. */
export class IssueLog {
  readonly issues: FhirImportIssue[] = [];
  add(path: string, code: string, message: string, severity: FhirImportIssue['severity'] = 'error'): void {
    if (this.issues.length < 1000) this.issues.push({ path, code, message, severity });
  }
}

/** RFC 6901: a pointer segment with `~` and `/` escaped. */
export const seg = (s: string | number): string => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`;
