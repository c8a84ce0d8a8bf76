/**
 * The README's quick start, kept here so CI proves it still runs. Keep the two in step.
 */
import { openCase, dispatch, allowedCommands } from 'intervention-lifecycle';

const lead = { id: 'dr-okafor', role: 'lead-practitioner' } as const;
const ctx = { actor: lead }; // add now, newId and policy for deterministic runs and app rules

let r = openCase({
  clientId: 'client-maria',
  referral: { source: 'GP', reason: 'Low mood for six months', urgency: 'routine', receivedAt: '2026-01-02T15:30:00.000Z' },
  setting: 'clinic',
}, ctx);
if (!r.ok) throw r.error;
let state = r.state;                       // plain JSON: store it anywhere

r = dispatch(state, { type: 'activatePlan' }, ctx);
if (!r.ok) console.log(r.error.code, r.error.message);
// INVALID_TRANSITION Cannot activatePlan: case … is referred; commands allowed from referred: startAssessment, …

r = dispatch(state, { type: 'startAssessment', methods: ['interview'] }, ctx);
if (r.ok) state = r.state;                 // r.events is the audit trail: store it too
console.log(allowedCommands(state, lead)); // what a UI may offer now
if (state.status !== 'assessing') throw new Error('the quick start no longer reaches assessing');
