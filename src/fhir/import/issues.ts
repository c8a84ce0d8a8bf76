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

/** How many issues one import lists; past it, they are counted, and the count is the last issue. */
const LISTED = 1000;
const SEVERITIES = ['error', 'warning', 'info'] as const;

/** Collects issues for one import. */
export class IssueLog {
  private readonly listed: FhirImportIssue[] = [];
  private readonly unlisted = new Map<string, number>();
  private readonly unlistedBySeverity = { error: 0, warning: 0, info: 0 };

  add(path: string, code: string, message: string, severity: FhirImportIssue['severity'] = 'error'): void {
    if (this.listed.length < LISTED) {
      this.listed.push({ path, code, message, severity });
      return;
    }
    this.unlisted.set(code, (this.unlisted.get(code) ?? 0) + 1);
    this.unlistedBySeverity[severity]++;
  }

  /**
   * The issues found; past the first thousand, one more (`TOO_MANY_ISSUES`) says how many were not
   * listed, of which severities and codes, and is as severe as the worst of them, so that an error
   * past the limit still fails the import.
   */
  get issues(): FhirImportIssue[] {
    if (this.unlisted.size === 0) return this.listed;
    const by = this.unlistedBySeverity;
    const total = by.error + by.warning + by.info;
    const codes = [...this.unlisted].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code, n]) => `${code} ${n}`);
    const severity = SEVERITIES.find((s) => by[s] > 0) ?? 'info';
    const message = `${total} more issues were not listed (${by.error} errors, ${by.warning} warnings, ${by.info} info): ${codes.join(', ')}`;
    return [...this.listed, { path: '', code: 'TOO_MANY_ISSUES', message, severity }];
  }
}

/** RFC 6901: a pointer segment with `~` and `/` escaped. */
export const seg = (s: string | number): string => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`;
