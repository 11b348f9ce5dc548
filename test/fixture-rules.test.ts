import { describe, expect, test } from 'vitest';
import { ScalingConflictError } from '../src/index.js';
import { useMock } from './helpers.js';

/** The helpers apply the API's own rules (the store's and the schemas'), so they never make what the API refuses. */
const t = useMock();

describe('mock helpers refuse what the API refuses', () => {
  test('createUser: an email that is already a member’s, whatever the case, as an invitation would be', async () => {
    t.mock.createUser({ email: 'ada@acme.test' });
    const before = (await t.scaling.team.members.list()).members.length;
    expect(() => t.mock.createUser({ email: 'ADA@acme.test' })).toThrow(
      new TypeError('mock.createUser: email: ADA@acme.test is already a member of this organization.'),
    );
    await expect(t.scaling.team.members.invite({ emailAddress: 'Ada@Acme.test', role: 'org:member' })).rejects.toMatchObject({
      code: 'already_member',
    });
    expect((await t.scaling.team.members.list()).members.length).toBe(before);
    // Another org is another set of members.
    expect(t.mock.createUser({ orgId: t.mock.createOrg().id, email: 'ada@acme.test' }).email).toBe('ada@acme.test');
  });

  test('createSchedule: the API’s messages for a taken name, a taken layer name and a stranger, at the helper’s field', async () => {
    const stranger = t.mock.createUser({ orgId: t.mock.createOrg().id });
    t.mock.createSchedule({ name: 'Taken' });
    const me = [t.mock.userId];
    expect(() => t.mock.createSchedule({ name: 'Taken' })).toThrow(
      new TypeError('mock.createSchedule: name: A schedule named "Taken" already exists in this organization.'),
    );
    await expect(t.scaling.schedules.create({ name: 'Taken', timezone: 'UTC' })).rejects.toBeInstanceOf(ScalingConflictError);
    expect(() => t.mock.createSchedule({ layers: [{ participantIds: me }, { participantIds: me, name: 'Layer 1' }] })).toThrow(
      new TypeError('mock.createSchedule: layers[1].name: A layer named "Layer 1" already exists on this schedule.'),
    );
    expect(() => t.mock.createSchedule({ layers: [{ participantIds: me }, { participantIds: [stranger.id] }] })).toThrow(
      new TypeError(`mock.createSchedule: layers[1].participantIds: not members of this organization: ${stranger.id}.`),
    );
    expect((await t.scaling.schedules.list()).map((schedule) => schedule.name)).toEqual(['Taken']);
  });

  test('createSchedule: the defaults’ own rules — a custom rotation states its length; the default start is now', () => {
    const me = [t.mock.userId];
    expect(() => t.mock.createSchedule({ layers: [{ participantIds: me, rotationType: 'custom' }] })).toThrow(
      new TypeError('mock.createSchedule: layers[0].rotationLengthDays: is required for a custom rotation'),
    );
    expect(() => t.mock.createSchedule({ layers: [{ participantIds: me, effectiveUntil: '2026-04-07T09:00:00Z' }] })).toThrow(
      new TypeError("mock.createSchedule: layers[0].effectiveUntil: must be after effectiveFrom (default: the mock clock's now)"),
    );
    expect(() => t.mock.createSchedule({ layers: Array.from({ length: 51 }, () => ({ participantIds: me })) })).toThrow(
      new TypeError('mock.createSchedule: layers: must list at most 50 layers'),
    );
    const [layer] = t.mock.createSchedule({ layers: [{ participantIds: me, rotationType: 'daily' }] }).layers;
    expect(layer).toMatchObject({ name: 'Layer 1', rotationType: 'daily', rotationLengthDays: 1 });
  });
});
