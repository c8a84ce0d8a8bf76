import { describe, expect, it } from 'vitest';
import { fromFhir } from '../../src/fhir/index.js';

// A Goal's target as other systems write it: R4's detail[x] is a Quantity, a Range, an integer, or
// kinds we cannot read as a number; a Goal may carry several targets, where ours has one measure.

const PHQ9 = { coding: [{ system: 'http://loinc.org', code: '44261-6' }] };
const GAD7 = { coding: [{ system: 'http://loinc.org', code: '70274-6' }] };
const goal = (target: unknown) => ({ resourceType: 'Goal', id: 'g1', lifecycleStatus: 'active', description: { text: 'Feel less low: a PHQ-9 under 5' }, subject: { reference: 'Patient/p1' }, target });
const read = (target: unknown) => {
  const r = fromFhir(goal(target), { now: '2026-12-01T00:00:00Z' });
  return { measure: r.goals[0]?.measure, issues: r.issues.filter((i) => i.code !== 'NO_CASE').map((i) => [i.path, i.code]) };
};

describe('fromFhir reads a goal\'s target', () => {
  it('as an integer (detailInteger), as it reads a Quantity', () => {
    expect(read([{ measure: PHQ9, detailInteger: 5 }]).measure).toMatchObject({ instrumentId: 'phq9', target: 5 });
  });

  it('as a range closed at the instrument\'s own end: PHQ-9 0 to 4 is down to 4, GAD-7 10 to 21 up to 10', () => {
    expect(read([{ measure: PHQ9, detailRange: { low: { value: 0 }, high: { value: 4 } } }]).measure).toMatchObject({ target: 4, direction: 'decrease' });
    expect(read([{ measure: GAD7, detailRange: { low: { value: 10 }, high: { value: 21 } } }]).measure).toMatchObject({ target: 10, direction: 'increase' });
    // Closed at neither end, or at both: no direction, no target.
    expect(read([{ measure: PHQ9, detailRange: { low: { value: 2 }, high: { value: 4 } } }]).measure).toMatchObject({ target: null, direction: null });
    expect(read([{ measure: PHQ9, detailRange: { low: { value: 0 }, high: { value: 27 } } }]).measure).toMatchObject({ target: null, direction: null });
  });

  it('and says what it does not read: a target it cannot read as a number, a second target', () => {
    expect(read([{ measure: PHQ9, detailString: '< 5' }])).toEqual({ measure: expect.objectContaining({ target: null }), issues: [['/target/0/detailString', 'TARGET_NOT_READ']] });
    const two = read([{ measure: PHQ9, detailQuantity: { value: 5 } }, { measure: GAD7, detailQuantity: { value: 5 } }]);
    expect(two).toEqual({ measure: expect.objectContaining({ instrumentId: 'phq9', target: 5 }), issues: [['/target/1', 'TARGET_NOT_READ']] });
  });
});
