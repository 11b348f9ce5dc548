// The "Create an escalation policy" guide, end to end: a policy, two layers, a reorder.
// Against the real API, set SCALING_PRIMARY_SCHEDULE_ID and SCALING_SECONDARY_SCHEDULE_ID to two
// schedules of your organization; against the mock, they are made for you.
import { ScalingError } from '@scaling-cloud/sdk';
import { connect } from './connect.js';

const { scaling, mock, close } = connect({ now: '2026-04-07T10:00:00Z' });

const scheduleId = (name: string, variable: string) => {
  if (mock) return mock.createSchedule({ name }).id;
  const id = process.env[variable];
  if (!id) throw new Error(`Set ${variable} to the id of a schedule in your organization.`);
  return id;
};

try {
  const primary = scheduleId('Primary on-call', 'SCALING_PRIMARY_SCHEDULE_ID');
  const secondary = scheduleId('Secondary on-call', 'SCALING_SECONDARY_SCHEDULE_ID');

  const policy = await scaling.policies.create({
    name: `Platform Default ${mock ? '' : Date.now()}`.trim(),
    description: 'Default escalation for platform incidents',
  });
  console.log(`policy   ${policy.id}  "${policy.name}"`);

  const first = await scaling.policies.layers.create(policy.id, {
    position: 1,
    ackTimeoutMinutes: 5,
    target: { type: 'schedule', scheduleId: primary },
  });
  const second = await scaling.policies.layers.create(policy.id, {
    position: 2,
    ackTimeoutMinutes: 10,
    target: { type: 'schedule', scheduleId: secondary },
  });
  for (const layer of [first, second]) {
    console.log(`layer ${layer.position}  ${layer.id}  ${layer.ackTimeoutMinutes} min  → ${JSON.stringify(layer.target)}`);
  }

  const reordered = await scaling.policies.layers.reorder(policy.id, { layerIds: [second.id, first.id] });
  console.log('after reorder:', reordered.map((layer) => `${layer.position}:${layer.id}`).join('  '));

  const { layers } = await scaling.policies.get(policy.id);
  if (layers[0]?.id !== second.id) throw new Error('the reorder did not stick');
  if (!mock) await scaling.policies.delete(policy.id);
} catch (error) {
  console.error(error instanceof ScalingError ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  close();
}
