import { machineEntries, toMermaid, type AnyMachine } from '../src/index.js';
import { ALL_MACHINES } from '../src/cli/diagram.js';

const INTRO: Readonly<Record<string, string>> = {
  case: 'The case: from referral to closure (the statuses of DESIGN.md §4).',
  assessment: 'A needs assessment: needs and strengths are added while it is in progress.',
  goal: 'A SMART goal: proposed, agreed by the client, delivered, and ended with an outcome.',
  strategy: 'An intervention strategy: planned into the plan, started, suspended when its consent is withdrawn, ended.',
  session: 'A session of a strategy.',
  team: 'A member of the care team.',
  consent: 'A consent: active until withdrawn or expired.',
  evaluation: 'An evaluation: a draft until final; a final evaluation is immutable.',
  crisis: 'The crisis overlay on a case: opened by a high or imminent risk level, resolved once the risk is lower.',
  measurement: 'A measurement: final, amended (keeping its history) or entered in error.',
  programme: 'A programme: group therapy course, day programme or therapeutic community.',
  enrolment: "A member's enrolment in a programme, linked to their own case.",
  'group-session': 'A group session or community meeting: one session, many members.',
};

/** The text of docs/guides/lifecycles.md. */
export function lifecyclesGuide(): string {
  const parts = [
    '---\ntitle: Lifecycles\n---\n',
    '# Lifecycles\n',
    'Every lifecycle of the library, drawn from the same transition table that `decide` follows, that',
    '`allowedCommands` reads and the record validator replays. This page is written from the tables',
    '(`scripts/write-lifecycles.ts`, run by `npm run docs`), and a test fails when it differs from them.',
    'The same diagrams print from the command line: `intervention-lifecycle diagram <machine>`.\n',
  ];
  for (const [name, machine] of Object.entries(ALL_MACHINES)) {
    const m = machine as AnyMachine;
    const rules = machineEntries(m).filter((e) => e.requires.length + e.guards.length > 0);
    parts.push(`## ${name}\n`, `${INTRO[name] ?? ''}\n`, '```mermaid', toMermaid(m).trimEnd(), '```\n');
    if (rules.length > 0) {
      parts.push('| command | from | rules |', '|---|---|---|');
      for (const e of rules) parts.push(`| \`${e.command}\` | ${e.from.map((s) => (s === null ? '(new)' : s)).join(', ')} | ${[...e.requires, ...e.guards].map((g) => `\`${g}\``).join(', ')} |`);
      parts.push('');
    }
  }
  return `${parts.join('\n')}\n`;
}
