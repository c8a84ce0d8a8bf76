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
