// `npm start`: who gets paged, and when, for an incident under a two-layer escalation policy.
//
// Against the embedded mock (the default) it opens an incident and lets the mock's virtual clock
// run: a week of escalation takes milliseconds. Against the real API (SCALING_API_KEY set) it opens
// nothing and pages nobody: it dry-runs your policy SCALING_POLICY_ID with `simulateEscalation`.
import { simulateEscalation, type EscalationStep, type Scaling } from '@scaling-cloud/sdk';
import type { ScalingMock } from '@scaling-cloud/sdk/mocks';
import { connect } from './connect.js';

const MINUTE = 60_000;
const { scaling, mock, close } = connect({ now: '2026-04-07T10:00:00Z' });

const line = (at: string, text: string) => console.log(`${at.slice(11, 19)}  ${text}`);

/** The guide's setup, in the mock: two on-call schedules and a policy over them. */
const setUpPolicy = async (mock: ScalingMock) => {
  const [alice, bob, carol] = ['Alice', 'Bob', 'Carol'].map((firstName) => mock.createUser({ firstName, lastName: 'Oncall' }));
  const primary = mock.createSchedule({
    name: 'Primary on-call',
    timezone: 'Europe/Paris',
    layers: [{ participantIds: [alice!.id, bob!.id], rotationType: 'daily', handoffTime: '09:00', effectiveFrom: '2026-04-01T07:00:00Z' }],
  });
  const policy = await scaling.policies.create({ name: 'Platform Default', description: 'Primary, then the team lead' });
  await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: primary.id } });
  await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 10, target: { type: 'users', userIds: [carol!.id] } });
  const names = new Map([alice!, bob!, carol!].map((user) => [user.id, user.firstName]));
  return { policy, names };
};

/** In the mock: open an incident, let the clock run, print what happened. */
const runInTheMock = async (mock: ScalingMock) => {
  const { policy, names } = await setUpPolicy(mock);
  const incident = await scaling.incidents.create({ title: 'Checkout is failing', severity: 'critical', escalationPolicyId: policy.id });
  console.log(`Incident ${incident.id} opened under "${policy.name}" at ${incident.createdAt}\n`);

  await mock.clock.advance(60 * MINUTE);
  const { escalation, auditTrail } = await scaling.incidents.get(incident.id);
  for (const entry of auditTrail) {
    const who = entry.userIds?.map((id) => names.get(id) ?? id).join(', ');
    line(entry.at, `${entry.type}${entry.position ? ` (layer ${entry.position})` : ''}${who ? `: ${who}` : ''}`);
  }
  console.log(`\nEscalation is ${escalation?.state}; the incident is still ${incident.status}.`);

  // The same policy, acknowledged after 3 minutes: layer 2 is never paged.
  const second = await scaling.incidents.create({ title: 'Checkout again', severity: 'high', escalationPolicyId: policy.id });
  await mock.clock.advance(3 * MINUTE);
  await scaling.incidents.acknowledge(second.id);
  await mock.clock.advance(60 * MINUTE);
  const paged = mock.pages({ incidentId: second.id }).map((page) => `${names.get(page.userId)} at ${page.at.slice(11, 16)}`);
  console.log(`Acknowledged at +3 min: paged ${paged.join(', ')}, nobody else.`);
};

/** Against the real API: read a policy and its schedules, and dry-run it. Nothing is written. */
const dryRunRealPolicy = async (scaling: Scaling) => {
  const policyId = process.env.SCALING_POLICY_ID;
  if (!policyId) {
    console.log('Set SCALING_POLICY_ID to dry-run one of your policies (nothing is opened or paged).');
    return;
  }
  const policy = await scaling.policies.get(policyId);
  const scheduleIds = [...new Set(policy.layers.flatMap((layer) => (layer.target.type === 'schedule' ? [layer.target.scheduleId] : [])))];
  const schedules = await Promise.all(scheduleIds.map((id) => scaling.schedules.get(id)));
  const simulation = simulateEscalation(policy, { schedules, at: new Date() });
  const describe = (step: EscalationStep) =>
    step.type === 'paged' ? `paged layer ${step.position}: ${step.userIds.join(', ')}` : step.type === 'skipped' ? `skipped layer ${step.position} (nobody on call)` : step.type;
  for (const step of simulation.timeline) line(step.at, describe(step));
  for (const warning of simulation.warnings) console.log(`warning: ${warning.message}`);
};

try {
  if (mock) await runInTheMock(mock);
  else await dryRunRealPolicy(scaling);
} finally {
  close();
}
