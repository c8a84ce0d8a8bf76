import type { Actor, Role } from '../case/model/primitives.js';

/**
 * Programme statuses (DESIGN.md §14): planned → recruiting → running → ended | cancelled.
 *
 * @example
 * ```ts
 * PROGRAMME_STATUSES[0]; // 'planned'
 * ```
 */
export const PROGRAMME_STATUSES = ['planned', 'recruiting', 'running', 'ended', 'cancelled'] as const;
/** A programme's status. */
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/**
 * Enrolment statuses: referred → waitlisted → enrolled → completed | discharged | transitioned | dropped-out.
 *
 * @example
 * ```ts
 * ENROLMENT_STATUSES.includes('waitlisted'); // true
 * ```
 */
export const ENROLMENT_STATUSES = ['referred', 'waitlisted', 'enrolled', 'completed', 'discharged', 'transitioned', 'dropped-out'] as const;
/** A member's enrolment status. */
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
/**
 * The statuses an enrolment ends in.
 *
 * @example
 * ```ts
 * ENDED_ENROLMENTS.includes('dropped-out'); // true
 * ```
 */
export const ENDED_ENROLMENTS: readonly EnrolmentStatus[] = ['completed', 'discharged', 'transitioned', 'dropped-out'];

/**
 * Group session statuses: scheduled → held | cancelled.
 *
 * @example
 * ```ts
 * GROUP_SESSION_STATUSES; // ['scheduled', 'held', 'cancelled']
 * ```
 */
export const GROUP_SESSION_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
/** A group session's status. */
export type GroupSessionStatus = (typeof GROUP_SESSION_STATUSES)[number];

/**
 * The built-in programme kinds and the modality a member's plan must hold a strategy of to enrol
 * (apps add kinds through the policy, as they add modalities).
 *
 * @example
 * ```ts
 * PROGRAMME_KINDS['residential-therapeutic-community']; // 'residential-programme'
 * ```
 */
export const PROGRAMME_KINDS: Readonly<Record<string, string>> = {
  'group-therapy-course': 'group-therapy',
  'psychoeducation-group': 'psychoeducation',
  'day-treatment-programme': 'day-treatment-programme',
  'residential-therapeutic-community': 'residential-programme',
  'peer-support-group': 'peer-support',
};

/**
 * Kinds of group meeting: a therapy or psychoeducation session, a community meeting, a family session.
 *
 * @example
 * ```ts
 * GROUP_SESSION_KINDS; // ['group-session', 'community-meeting', 'family-session']
 * ```
 */
export const GROUP_SESSION_KINDS = ['group-session', 'community-meeting', 'family-session'] as const;

/** A phase of a programme (induction, primary treatment, re-entry …), in order. */
export interface Phase {
  readonly id: string;
  readonly name: string;
  /** The fewest days a member spends in this phase before moving on (0: no minimum). */
  readonly minDays: number;
}

/** A facilitator: a clinician or a peer supporter who runs the programme. */
export interface Facilitator {
  readonly id: string;
  readonly personId: string;
  readonly role: Role;
  readonly status: 'active' | 'left';
  readonly joinedAt: string;
  readonly leftAt: string | null;
}

/** One member's enrolment, linked to their own case. */
export interface Member {
  readonly id: string;
  readonly clientId: string;
  readonly caseId: string;
  readonly status: EnrolmentStatus;
  readonly history: readonly { readonly status: EnrolmentStatus; readonly at: string }[];
  /** The consent in the member's case that covers taking part, once enrolled. */
  readonly consentId: string | null;
  readonly confidentialityAgreedAt: string | null;
  /** The current phase and when the member entered it (null without phases or before enrolment). */
  readonly phaseId: string | null;
  readonly phaseSince: string | null;
  /** A peer role within the community (buddy, meeting chair …), or null. */
  readonly peerRole: string | null;
  readonly referredAt: string;
  readonly waitlistedAt: string | null;
  /** Why the enrolment ended, where a reason was given. */
  readonly endReason: string | null;
}

/** Attendance of one member at one group session. */
export type GroupAttendance = 'attended' | 'did-not-attend';

/** One group session or community meeting: one session, many members. */
export interface GroupSession {
  readonly id: string;
  readonly kind: (typeof GROUP_SESSION_KINDS)[number];
  readonly status: GroupSessionStatus;
  readonly scheduledFor: string;
  /** The members expected (those enrolled when it was scheduled), by member id. */
  readonly expected: readonly string[];
  /** Attendance by member id, once recorded. */
  readonly attendance: Readonly<Record<string, GroupAttendance>>;
}

/** The state of one programme, as plain JSON (every field always present). */
export interface ProgrammeState {
  readonly schemaVersion: 1;
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  /** The modality of the strategy a member's plan must hold. */
  readonly modality: string;
  readonly status: ProgrammeStatus;
  readonly statusHistory: readonly { readonly status: ProgrammeStatus; readonly at: string }[];
  readonly capacity: number;
  readonly phases: readonly Phase[];
  readonly facilitators: Readonly<Record<string, Facilitator>>;
  readonly members: Readonly<Record<string, Member>>;
  readonly sessions: readonly GroupSession[];
  readonly version: number;
  readonly openedAt: string;
  readonly updatedAt: string;
}

/** The facts a programme records. */
export interface ProgrammeEventMap {
  programmeOpened: { programmeId: string; kind: string; name: string; modality: string; capacity: number; phases: Phase[] };
  facilitatorAdded: { facilitatorId: string; personId: string; role: Role };
  facilitatorRemoved: { facilitatorId: string };
  recruitingStarted: Record<string, never>;
  programmeStarted: Record<string, never>;
  programmeEnded: { completedMemberIds: string[] };
  programmeCancelled: Record<string, never>;
  memberReferred: { memberId: string; clientId: string; caseId: string };
  memberWaitlisted: { memberId: string };
  memberEnrolled: { memberId: string; consentId: string; confidentialityAgreedAt: string; phaseId: string | null };
  memberMovedPhase: { memberId: string; phaseId: string };
  peerRoleAssigned: { memberId: string; peerRole: string | null };
  enrolmentEnded: { memberId: string; status: 'completed' | 'discharged' | 'transitioned' | 'dropped-out' };
  groupSessionScheduled: { sessionId: string; kind: GroupSession['kind']; scheduledFor: string; expected: string[] };
  groupAttendanceRecorded: { sessionId: string; attendance: Record<string, GroupAttendance> };
  groupSessionCancelled: { sessionId: string };
}

/** A programme event type. */
export type ProgrammeEventType = keyof ProgrammeEventMap;

/** A recorded programme fact, with the same envelope as a case event. */
export type ProgrammeEvent = {
  [K in ProgrammeEventType]: {
    readonly type: K;
    readonly programmeId: string;
    readonly seq: number;
    readonly at: string;
    readonly actor: Actor;
    readonly data: ProgrammeEventMap[K];
    readonly reason?: string;
  };
}[ProgrammeEventType];
