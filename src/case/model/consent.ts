/** The statuses of a consent (expired is judged against the clock). */
export const CONSENT_STATUSES = ['active', 'withdrawn', 'expired'] as const;
/** A consent's status. */
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** A consent: to treatment, to a specific modality (`modality:<name>`), to sharing, to research. */
export interface Consent {
  readonly id: string;
  /** Stored status; an active consent past `expiresAt` reads as expired (see {@link consentStatus}). */
  readonly status: 'active' | 'withdrawn';
  readonly scope: string;
  readonly grantedBy: string;
  readonly grantedAt: string;
  readonly expiresAt: string | null;
  readonly sharingWith: readonly string[];
  readonly withdrawnAt: string | null;
}

/** The data of a `consentRecorded` event. */
export interface ConsentRecordedData {
  readonly consent: Omit<Consent, 'status' | 'withdrawnAt'>;
}

/** The data of a `consentWithdrawn` event. */
export interface ConsentWithdrawnData {
  readonly consentId: string;
}
