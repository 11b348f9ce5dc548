import type fc from 'fast-check';
import { expect } from 'vitest';
import type {
  InboundIntegration,
  Layer,
  Policy,
  PolicyWithLayers,
  RoutingPolicy,
  RoutingPolicyWithRules,
  Step,
  WorkingHours,
} from '../../src/index.js';
import type { Model, ModelIntegration, ModelLayer, ModelPolicy, ModelRouting, ModelWorkingHours, Owned, Real } from './model-routing-world.js';

/**
 * What the API must answer for the model's records, the invariants that compare the whole state
 * after every command through the SDK's lists and gets, and the commands' common shape.
 */

export const workingHoursView = (m: Model, set: ModelWorkingHours): WorkingHours => ({
  id: set.id,
  orgId: m.env.orgs[set.org].id,
  name: set.name,
  timezone: set.timezone,
  windows: set.windows,
  createdAt: set.createdAt,
  updatedAt: set.updatedAt,
});

export const policyView = (m: Model, policy: ModelPolicy): Policy => ({
  id: policy.id,
  orgId: m.env.orgs[policy.org].id,
  name: policy.name,
  description: policy.description,
  createdBy: m.env.orgs[policy.org].adminId,
  createdAt: policy.createdAt,
  updatedAt: policy.updatedAt,
});

/** A layer shows `condition` only when gated. */
export const layerView = (m: Model, policy: ModelPolicy, layer: ModelLayer, index: number): Layer => ({
  id: layer.id,
  policyId: policy.id,
  orgId: m.env.orgs[policy.org].id,
  position: index + 1,
  ackTimeoutMinutes: layer.ackTimeoutMinutes,
  target: layer.target,
  ...(layer.condition && { condition: layer.condition }),
  createdAt: layer.createdAt,
  updatedAt: layer.updatedAt,
});

/** The same layer as a step: a users layer is `targetType: 'users'`, `targetId: null` and its `userIds`. */
export const stepView = (layer: ModelLayer, index: number): Step => ({
  id: layer.id,
  position: index + 1,
  ...(layer.target.type === 'schedule'
    ? { targetType: 'schedule' as const, targetId: layer.target.scheduleId }
    : { targetType: 'users' as const, targetId: null, userIds: layer.target.userIds }),
  escalateAfterSeconds: layer.ackTimeoutMinutes * 60,
  condition: layer.condition,
  createdAt: layer.createdAt,
  updatedAt: layer.updatedAt,
});

export const policyWithLayersView = (m: Model, policy: ModelPolicy): PolicyWithLayers => ({
  ...policyView(m, policy),
  layers: policy.layers.map((layer, index) => layerView(m, policy, layer, index)),
  steps: policy.layers.map(stepView),
});

export const routingView = (m: Model, routing: ModelRouting): RoutingPolicy => ({
  id: routing.id,
  orgId: m.env.orgs[routing.org].id,
  name: routing.name,
  description: routing.description,
  isDefault: routing.isDefault,
  createdAt: routing.createdAt,
  updatedAt: routing.updatedAt,
});

export const routingWithRulesView = (m: Model, routing: ModelRouting): RoutingPolicyWithRules => ({ ...routingView(m, routing), rules: routing.rules });

export const integrationView = (m: Model, integration: ModelIntegration): InboundIntegration => ({
  id: integration.id,
  orgId: m.env.orgs[integration.org].id,
  name: integration.name,
  componentId: integration.componentId,
  routingPolicyId: integration.routingPolicyId,
  selectors: integration.selectors,
  createdAt: integration.createdAt,
  updatedAt: integration.updatedAt,
});

// ---------------------------------------------------------------------------------------------
// The invariants, checked after every command through the SDK's lists and gets.

/** Steps and layers are two views of the same records: same ids, positions, times, timeout and condition. */
const expectStepsMatchLayers = (policy: PolicyWithLayers, what: string) => {
  expect(policy.steps.length, what).toBe(policy.layers.length);
  policy.layers.forEach((layer, index) => {
    const step = policy.steps[index]!;
    expect(
      { id: step.id, position: step.position, createdAt: step.createdAt, updatedAt: step.updatedAt, seconds: step.escalateAfterSeconds, condition: step.condition },
      `${what}: step ${index + 1} against its layer`,
    ).toEqual({ id: layer.id, position: layer.position, createdAt: layer.createdAt, updatedAt: layer.updatedAt, seconds: layer.ackTimeoutMinutes * 60, condition: layer.condition ?? null });
    expect(
      step.targetType === 'schedule' ? { type: 'schedule', scheduleId: step.targetId } : { type: 'users', userIds: step.userIds },
      `${what}: step ${index + 1}'s target`,
    ).toEqual(layer.target);
  });
};

export const checkInvariants = async (m: Model, r: Real, after: string) => {
  for (const org of [0, 1] as const) {
    const reader = r.readers[org];
    const mine = <T extends Owned>(records: readonly T[]) => records.filter((record) => record.org === org);
    const what = `after ${after}: org ${org}'s`;
    expect(await reader.workingHours.list(), `${what} working hours`).toStrictEqual(mine(m.workingHours).map((set) => workingHoursView(m, set)));
    expect(await reader.policies.list(), `${what} policies`).toStrictEqual(mine(m.policies).map((policy) => policyView(m, policy)));
    expect(await reader.routingPolicies.list(), `${what} routing policies`).toStrictEqual(mine(m.routing).map((routing) => routingView(m, routing)));
    expect(await reader.integrations.inbound.list(), `${what} integrations`).toStrictEqual(mine(m.integrations).map((integration) => integrationView(m, integration)));
  }
  for (const policy of m.policies) {
    const actual = await r.readers[policy.org].policies.get(policy.id);
    const what = `after ${after}: policy ${policy.id}`;
    expectStepsMatchLayers(actual, what);
    expect(actual, what).toStrictEqual(policyWithLayersView(m, policy));
  }
  for (const routing of m.routing) {
    expect(await r.readers[routing.org].routingPolicies.get(routing.id), `after ${after}: routing policy ${routing.id}`).toStrictEqual(routingWithRulesView(m, routing));
  }
  // Incidents opened by alerts escalate under policies the commands replace and delete: reading
  // one (its escalation and trail included) must still work, and a deleted policy stops it.
  for (const incident of m.incidents) {
    const actual = await r.readers[incident.org].incidents.get(incident.id);
    const what = `after ${after}: incident ${incident.id}`;
    const { title, severity, status, escalationPolicyId, createdBy, affectedComponents } = actual;
    expect({ title, severity, status, escalationPolicyId, createdBy, components: affectedComponents.map(({ id }) => id) }, what).toEqual({
      title: incident.title,
      severity: incident.severity,
      // Nothing acknowledges or resolves them: they stay as they opened, created by the integration.
      status: 'investigating',
      escalationPolicyId: incident.escalationPolicyId,
      createdBy: incident.integrationId,
      components: [incident.componentId],
    });
    if (incident.escalationPolicyId === null) {
      expect(actual.escalation, what).toBeNull();
    } else {
      const live = m.policies.some((policy) => policy.id === incident.escalationPolicyId);
      expect(actual.escalation?.policyId, what).toBe(incident.escalationPolicyId);
      expect(live ? ['active', 'exhausted'] : ['stopped'], `${what}: escalation ${actual.escalation?.state}`).toContain(actual.escalation?.state);
    }
  }
};

// ---------------------------------------------------------------------------------------------
// What every command does.

type Cmd = fc.AsyncCommand<Model, Real>;

/**
 * Every command runs a second after the one before (so every write has a time of its own, and a
 * stamp written or kept wrongly shows), then the invariants are checked, unless no request reached
 * the mock (a refusal by the SDK, which `perform` proves sent nothing, or a tick of the clock): then
 * nothing in it could have changed.
 */
export abstract class Command implements Cmd {
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    await r.mock.clock.advance(1000);
    m.now += 1000;
    const before = r.sent.count;
    await this.apply(m, r);
    if (r.sent.count !== before || this.changesWithoutRequests(m)) await checkInvariants(m, r, this.toString());
  }
  /** Whether the command may change the mock without a request (a helper call, or the engine at work). */
  changesWithoutRequests(_m: Model): boolean {
    return false;
  }
  abstract apply(m: Model, r: Real): Promise<void>;
  abstract toString(): string;
}
