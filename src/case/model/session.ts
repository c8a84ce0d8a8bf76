/** The statuses of a session. */
export const SESSION_STATUSES = ['scheduled', 'attended', 'cancelled', 'did-not-attend'] as const;
/** A session's status. */
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const ATTENDANCE = ['attended', 'cancelled', 'did-not-attend'] as const;

/** One session of a strategy. */
export interface Session {
  readonly id: string;
  readonly strategyId: string;
  readonly status: SessionStatus;
  readonly scheduledFor: string;
  /** Person ids present (or expected). */
  readonly participants: readonly string[];
  readonly groupId: string | null;
  readonly notes: string | null;
  /** When attendance was recorded; null while scheduled. */
  readonly recordedAt: string | null;
}

/** The data of a `sessionScheduled` event. */
export interface SessionScheduledData {
  readonly session: Omit<Session, 'status' | 'notes' | 'recordedAt' | 'groupId'> & { readonly groupId?: string };
}

/** The data of a `sessionRescheduled` event. */
export interface SessionRescheduledData {
  readonly sessionId: string;
  readonly scheduledFor: string;
  readonly previousScheduledFor: string;
}

/** The data of a `attendanceRecorded` event. */
export interface AttendanceRecordedData {
  readonly sessionId: string;
  readonly attendance: (typeof ATTENDANCE)[number];
  readonly participants?: readonly string[];
  readonly notes?: string;
}
