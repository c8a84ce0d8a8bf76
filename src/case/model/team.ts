import type { Role } from './primitives.js';

/** A person on the care team (the client and family members may be on it too). */
export interface TeamMember {
  readonly id: string;
  readonly personId: string;
  readonly role: Role;
  readonly status: 'active' | 'left';
  readonly joinedAt: string;
  readonly leftAt: string | null;
}

/** The data of a `teamMemberAdded` event. */
export interface TeamMemberAddedData {
  readonly member: Omit<TeamMember, 'status' | 'joinedAt' | 'leftAt'>;
}

/** The data of a `teamMemberRemoved` event. */
export interface TeamMemberRemovedData {
  readonly memberId: string;
}

/** The data of a `leadAssigned` event. */
export interface LeadAssignedData {
  readonly memberId: string;
  readonly previousMemberId?: string;
}
