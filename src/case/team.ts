import { ruleMessages as say } from './model/messages.js';
import type { TeamMemberAddedData, TeamMemberRemovedData, LeadAssignedData } from './model/team.js';
import { type Role, TEAM_MANAGER_ROLES, CLINICAL_ROLES, idSchema, roleSchema, textSchema } from './model/primitives.js';
import { OPEN_CASE_STATUSES } from './model/case.js';
import { clean, dataOf, nested } from './rules/command-of.js';
import { defineEntity, statusesOf, type EntityModule, type CommandOfMap } from './rules/entity.js';
import type { TeamMember } from './model/team.js';
import { editEntry, put } from './store/draft.js';
import { z } from 'zod';
import { defineMachine } from '../kernel/machine.js';
import { accept, idTaken, notFound, stepEntity, type Decider, type Decision } from './rules/decision.js';
import { own } from './store/lookup.js';
import type { CaseState } from './model/state.js';

export const addTeamMemberSchema = z.object({ type: z.literal('addTeamMember'), memberId: idSchema.optional(), personId: idSchema, role: roleSchema }).strict();
export const removeTeamMemberSchema = z.object({ type: z.literal('removeTeamMember'), memberId: idSchema, reason: textSchema.optional() }).strict();
export const assignLeadSchema = z.object({ type: z.literal('assignLead'), memberId: idSchema }).strict();

/** Adds a person to the care team. */
export interface AddTeamMember {
  type: 'addTeamMember';
  personId: string;
  role: Role;
  memberId?: string | undefined;
}
/** Removes a member from the care team. */
export interface RemoveTeamMember {
  type: 'removeTeamMember';
  memberId: string;
  reason?: string | undefined;
}
/** Makes a team member the lead practitioner. */
export interface AssignLead {
  type: 'assignLead';
  memberId: string;
}

/** Events of the care team. */
export interface TeamEvents {
  teamMemberAdded: TeamMemberAddedData;
  teamMemberRemoved: TeamMemberRemovedData;
  leadAssigned: LeadAssignedData;
}

/** Whether the plan has been activated and not sent back to planning (so a lead is required). */
export function planInForce(state: CaseState): boolean {
  const s = state.status === 'on-hold' ? state.heldFrom : state.status;
  return s === 'active' || s === 'reviewing';
}

/** Commands of the care team. */
export type TeamCommand = AddTeamMember | RemoveTeamMember | AssignLead;
type Emits = TeamEvents;
type Module = EntityModule<TeamCommand, TeamEvents>;

/** Team membership: active → left; the lead is one of the active members. */
export const teamMachine = defineMachine<'active' | 'left', TeamCommand, { state: CaseState; member: TeamMember | undefined }>({
  id: 'team member',
  states: ['active', 'left'],
  final: ['left'],
  transitions: {
    addTeamMember: {
      from: [null],
      to: 'active',
      guards: [
        {
          name: 'notAlreadyOnTeam',
          check: (c, { state }) =>
            !Object.values(state.team).some((m) => m.status === 'active' && m.personId === c.personId) || say.notAlreadyOnTeam({ personId: c.personId }),
        },
      ],
    },
    removeTeamMember: {
      from: ['active'],
      to: 'left',
      guards: [
        {
          name: 'leadReplacedFirst',
          check: (_c, { state, member }) =>
            member?.id !== state.leadMemberId || !planInForce(state) || say.leadReplacedFirst({ memberId: member?.id ?? '' }),
        },
        {
          // A strategy that has not ended keeps a responsible member on the team: one who left could
          // neither start nor resume it (responsibleMemberPermitted), and the record would name them.
          name: 'responsibleReassigned',
          check: (_c, { state, member }) => {
            const held = Object.values(state.strategies).filter((s) => s.responsibleMemberId === member?.id && s.status !== 'completed' && s.status !== 'discontinued').map((s) => `strategy ${s.id} (${s.status})`);
            return held.length === 0 || say.responsibleReassigned({ memberId: member?.id ?? '', strategies: held });
          },
        },
      ],
    },
    assignLead: {
      from: ['active'],
      guards: [
        {
          name: 'clinicalRole',
          check: (_c, { member }) => !member || CLINICAL_ROLES.includes(member.role) || say.clinicalRole({ memberId: member.id, role: member.role }),
        },
        { name: 'notAlreadyLead', check: (_c, { state, member }) => member?.id !== state.leadMemberId || say.notAlreadyLead({ memberId: member?.id ?? '' }) },
      ],
    },
  },
});

function onMember<C extends RemoveTeamMember | AssignLead>(make: (m: TeamMember, c: C, state: CaseState) => Decision<Emits>): Decider<C, Emits> {
  return (state, command) => {
    const member = own(state.team, command.memberId);
    if (!member) return notFound('team member', command.memberId, state.id, 'memberId');
    const r = stepEntity(teamMachine, member.status, command, { state, member }, member.id);
    return 'refusal' in r ? r.refusal : make(member, command, state);
  };
}

const deciders: Module['deciders'] = {
  addTeamMember: (state, c, env) => {
    const id = c.memberId ?? env.newId();
    if (own(state.team, id)) return idTaken('team member', id, state.id, 'memberId');
    const r = stepEntity(teamMachine, null, c, { state, member: undefined }, id);
    if ('refusal' in r) return r.refusal;
    return accept({ type: 'teamMemberAdded', data: { member: { id, personId: c.personId, role: c.role } } });
  },
  removeTeamMember: onMember<RemoveTeamMember>((m, c) =>
    c.reason === undefined ? accept({ type: 'teamMemberRemoved', data: { memberId: m.id } }) : accept({ type: 'teamMemberRemoved', data: { memberId: m.id }, reason: c.reason }),
  ),
  assignLead: onMember<AssignLead>((m, _c, state) =>
    accept({ type: 'leadAssigned', data: state.leadMemberId === null ? { memberId: m.id } : { memberId: m.id, previousMemberId: state.leadMemberId } }),
  ),
};

const evolvers: Module['evolvers'] = {
  teamMemberAdded: (d, e) => {
    const m = e.data.member;
    put(d, 'team', m.id, { id: m.id, personId: m.personId, role: m.role, status: 'active', joinedAt: e.at, leftAt: null });
  },
  teamMemberRemoved: (d, e) => {
    const m = editEntry(d, 'team', e.data.memberId);
    if (!m) return;
    m.status = 'left';
    m.leftAt = e.at;
    if (d.leadMemberId === m.id) d.leadMemberId = null;
  },
  leadAssigned: (d, e) => {
    d.leadMemberId = e.data.memberId;
  },
};

/** For each team event, the command that recorded it: the inverse the record validator re-decides (kept out of the engine's bundle). */
export const teamCommandOf: CommandOfMap<TeamEvents> = {
  teamMemberAdded: (e) => {
    const m = nested(dataOf(e), 'member');
    return { type: 'addTeamMember', memberId: m.id, personId: m.personId, role: m.role };
  },
  teamMemberRemoved: (e) => clean({ type: 'removeTeamMember', memberId: dataOf(e).memberId, reason: e.reason }),
  leadAssigned: (e) => ({ type: 'assignLead', memberId: dataOf(e).memberId }),
};

/** The care team: members join and leave; one active clinical member leads. */
export const team = defineEntity<TeamCommand, TeamEvents>()({
  name: 'team',
  machine: teamMachine,
  statuses: (state) => statusesOf(Object.values(state.team)),
  commands: {
    addTeamMember: { schema: addTeamMemberSchema, roles: TEAM_MANAGER_ROLES, case: { from: OPEN_CASE_STATUSES } },
    removeTeamMember: { schema: removeTeamMemberSchema, roles: TEAM_MANAGER_ROLES, case: { from: OPEN_CASE_STATUSES } },
    assignLead: { schema: assignLeadSchema, roles: TEAM_MANAGER_ROLES, case: { from: OPEN_CASE_STATUSES } },
  },
  deciders,
  evolvers,
});
