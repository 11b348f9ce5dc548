// The "Create an escalation policy" guide, end to end: two on-call schedules, a policy, two layers,
// an incident under it, and a reorder. Against the embedded mock by default; against the real API
// when SCALING_API_KEY is set, where it cleans up after itself and opens an incident (which pages
// people) only if SCALING_OPEN_INCIDENT=1.
import { ScalingError } from '@scaling-cloud/sdk';
import { connect } from './connect.js';

const { scaling, mock, close } = connect({ now: '2026-04-07T10:00:00Z' });
const suffix = mock ? '' : ` (quickstart ${Date.now()})`;
const cleanup: Array<() => Promise<unknown>> = [];

try {
  // Someone to be on call: the mock makes a user; the real API's first user otherwise.
  const [me] = mock ? [mock.createUser({ firstName: 'Alice' })] : await scaling.users.list();
  if (!me) throw new Error('The organization has no users to put on call.');
  const schedule = async (name: string) => {
    const created = await scaling.schedules.create({ name: `${name}${suffix}`, timezone: 'Europe/Paris' });
    cleanup.unshift(() => scaling.schedules.delete(created.id));
    await scaling.schedules.layers.create(created.id, {
      name: 'Weekly',
      rotationType: 'weekly',
      rotationLengthDays: 7,
      handoffTime: '09:00',
      effectiveFrom: '2026-04-06T07:00:00Z',
      participantIds: [me.id],
    });
    return created;
  };
  const primary = await schedule('Primary on-call');
  const secondary = await schedule('Secondary on-call');

  const policy = await scaling.policies.create({ name: `Platform Default${suffix}`, description: 'Default escalation for platform incidents' });
  cleanup.unshift(() => scaling.policies.delete(policy.id));
  console.log(`policy   ${policy.id}  "${policy.name}"`);

  const first = await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: primary.id } });
  const second = await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 10, target: { type: 'schedule', scheduleId: secondary.id } });
  for (const layer of [first, second]) {
    console.log(`layer ${layer.position}  ${layer.id}  ${layer.ackTimeoutMinutes} min  → ${JSON.stringify(layer.target)}`);
  }

  if (mock || process.env.SCALING_OPEN_INCIDENT === '1') {
    const incident = await scaling.incidents.create({
      title: 'Payment service degraded',
      severity: 'critical',
      description: 'Checkout success rate dropped to 60% in the last 10 minutes',
      escalationPolicyId: policy.id,
    });
    console.log(`incident ${incident.id}  ${incident.status}, escalating under ${incident.escalationPolicyId}`);
    if (!mock) await scaling.incidents.acknowledge(incident.id);
  } else {
    console.log('incident (skipped against the real API: set SCALING_OPEN_INCIDENT=1 to open one, which pages people)');
  }

  const reordered = await scaling.policies.layers.reorder(policy.id, { layerIds: [second.id, first.id] });
  console.log('after reorder:', reordered.map((layer) => `${layer.position}:${layer.id}`).join('  '));
  const { layers } = await scaling.policies.get(policy.id);
  if (layers[0]?.id !== second.id) throw new Error('the reorder did not stick');
} catch (error) {
  console.error(error instanceof ScalingError ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  if (!mock) for (const undo of cleanup) await undo().catch(() => {});
  close();
}
