import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, DEFAULT_ROLES, machineEntries, machines } from '../../src/index.js';
import { DECIDERS, ENTITIES, EVOLVERS } from '../../src/engine/registry.js';
import { COMMAND_OF, EVENT_TYPES } from '../../src/validate/command-of.js';
import { commandSchema } from '../../src/engine/commands.js';

describe('the registry derives the engine from the entity modules', () => {
  it('lists each command once, with a decider, roles, a case-table row and a schema member', () => {
    expect(new Set(COMMAND_TYPES).size).toBe(COMMAND_TYPES.length);
    expect([...DECIDERS.keys()].sort()).toEqual([...COMMAND_TYPES].sort());
    expect(Object.keys(DEFAULT_ROLES).sort()).toEqual([...COMMAND_TYPES].sort());
    expect(machineEntries(machines.case).map((e) => e.command)).toEqual([...COMMAND_TYPES]);
    const options = (commandSchema() as unknown as { options: { shape: { type: { value: string } } }[] }).options.map((o) => o.shape.type.value);
    expect(options).toEqual([...COMMAND_TYPES]);
  });

  it('lists each event once, with its inverse, and an evolver for all but the opening event', () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect([...COMMAND_OF.keys()].sort()).toEqual([...EVENT_TYPES].sort());
    expect([...EVOLVERS.keys()].sort()).toEqual(EVENT_TYPES.filter((t) => t !== 'caseOpened').sort());
  });

  it('publishes every machine, crisis and team included, each under its entity name', () => {
    expect(Object.keys(machines).sort()).toEqual(['assessment', 'case', 'consent', 'crisis', 'evaluation', 'goal', 'measurement', 'session', 'strategy', 'team']);
    for (const m of ENTITIES) if (m.machine !== null) expect(machines[m.name as keyof typeof machines]).toBe(m.machine);
  });

  it('gives every entity module its own commands and events, none shared', () => {
    const commands = ENTITIES.flatMap((m) => Object.keys(m.commands));
    const events = ENTITIES.flatMap((m) => Object.keys(m.evolvers));
    expect(commands).toEqual([...COMMAND_TYPES]);
    expect(new Set(events).size).toBe(events.length);
    expect(['caseOpened', ...events].sort()).toEqual([...EVENT_TYPES].sort());
  });
});

describe('refusal wording lives in one module, keyed by code and rule', () => {
  it('every guard and precondition of every machine has its reason in the messages module', async () => {
    const { caseMessages, ruleMessages } = await import('../../src/case/model/messages.js');
    const rules = new Set(Object.values(machines).flatMap((m) => machineEntries(m).flatMap((e) => [...e.requires, ...e.guards])));
    expect([...rules].filter((r) => !(r in ruleMessages) && !(r in caseMessages))).toEqual([]);
  });

  it('no entity module words a guard inline (a sentence after ||)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const inline = readdirSync('src/case')
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => readFileSync(`src/case/${f}`, 'utf8').split('\n').map((line, i) => [`${f}:${i + 1}`, line] as const))
      .filter(([, line]) => /\|\| [`'][a-z]/.test(line))
      .map(([where]) => where);
    expect(inline).toEqual([]);
  });
});
