import { OWN } from '../codes.js';
import type { FhirCareTeam } from '../types.js';
import { fhirId } from '../ids.js';
import type { ExportContext, Mapped } from './context.js';

/** The team's status: active while the case is open, inactive once it closed. */
export function careTeamStatus(ctx: ExportContext): NonNullable<FhirCareTeam['status']> {
  if (ctx.state.status === 'entered-in-error') return 'entered-in-error';
  return ctx.state.status === 'closed' ? 'inactive' : 'active';
}

/** The care team (everyone who joined, with their role and period), or nothing for a case with no team yet. */
export function toCareTeam(ctx: ExportContext): Mapped[] {
  const members = Object.values(ctx.state.team);
  if (members.length === 0) return [];
  const { state } = ctx;
  const resource: FhirCareTeam = {
    resourceType: 'CareTeam',
      id: fhirId('team'),
    identifier: ctx.identifier('CareTeam', 'team'),
    status: careTeamStatus(ctx),
    subject: ctx.patient,
    period: state.closure === null ? { start: state.openedAt } : { start: state.openedAt, end: state.closure.at },
    participant: members.map((m) => ({
      role: [{ coding: [{ system: OWN.role, code: m.role }], text: m.role }],
      member: ctx.person(m.personId, m.role),
      period: m.leftAt === null ? { start: m.joinedAt } : { start: m.joinedAt, end: m.leftAt },
    })),
  };
  return [{ key: 'team', resource }];
}
