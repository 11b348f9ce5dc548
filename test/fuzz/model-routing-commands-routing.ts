import { expect } from 'vitest';
import { Command, integrationView, policyView, policyWithLayersView, routingView, routingWithRulesView, workingHoursView } from './model-routing-state.js';
import {
  access,
  type Actor,
  badRequest,
  clientFor,
  conflict,
  type Creator,
  creatorClient,
  creatorOrg,
  type DeleteRef,
  fresh,
  INVALID,
  isoNow,
  type Link,
  liveIn,
  type Model,
  type ModelRouting,
  NAME_CONFLICT,
  NO_SUCH,
  observed,
  OK,
  type OrgIndex,
  type Outcome,
  type Owned,
  perform,
  type Real,
  type Ref,
  resolveDeletable,
  resolveLink,
  resolveRef,
  type Rule,
  RULE_SEVERITIES,
  routingNamed,
  routingSelected,
  type Selector,
  type Severity,
  taken,
  UNAUTHORIZED,
} from './model-routing-world.js';

/**
 * The commands about routing policies and inbound integrations, alerts through `mock.sendAlert`,
 * reads of every kind, and the clock. Predictions follow the order of checks described in
 * `model-routing-commands-steps.ts`.
 */

// ---------------------------------------------------------------------------------------------
// Bodies, built from choices.

export type RuleChoice = { outcome: Outcome; policy: 'omit' | 'null' | Link };
/** `exact`: one rule per severity, in the order `order` sorts them; the other shapes the SDK refuses. */
export type RulesChoice = { shape: 'exact' | 'three' | 'five' | 'repeated'; order: readonly number[]; rules: readonly RuleChoice[] };

const resolveRules = (m: Model, org: OrgIndex, choice: RulesChoice) => {
  const rules = RULE_SEVERITIES.map((severity, index) => {
    const { outcome, policy } = choice.rules[index]!;
    const id = policy === 'omit' || policy === 'null' ? null : resolveLink(m.policies, m.deleted.policies, NO_SUCH.policy, org, policy);
    return { key: choice.order[index] ?? 0, index, rule: { severity, outcome, ...(policy === 'omit' ? {} : { escalationPolicyId: id }) } };
  })
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ rule }) => rule);
  switch (choice.shape) {
    case 'exact': return rules;
    case 'three': return rules.slice(0, 3);
    case 'five': return [...rules, rules[0]!];
    case 'repeated': return [...rules.slice(0, 3), { ...rules[3]!, severity: rules[0]!.severity }];
  }
};
type RuleInput = ReturnType<typeof resolveRules>[number];
const modelRules = (rules: readonly RuleInput[]): Rule[] =>
  rules.map(({ severity, outcome, escalationPolicyId }) => ({ severity, outcome, escalationPolicyId: escalationPolicyId ?? null }));
/** Each rule in order: an escalation policy must be a live one of the org. */
const rulesRefusal = (m: Model, org: OrgIndex, rules: readonly RuleInput[]) =>
  rules.some(({ escalationPolicyId: id }) => id != null && !liveIn(m.policies, org, id)) ? badRequest('invalid_escalation_policy') : undefined;

export type SelectorChoice = { matchers: 'env' | 'two' | 'empty' | 'severity'; routing: Link };
const MATCHERS = {
  env: [{ key: 'env', value: 'prod' }],
  two: [{ key: 'service', value: 'Payments' }, { key: 'env', value: 'PROD' }],
  empty: [],
  severity: [{ key: 'severity', value: 'critical' }],
} as const;

/** 0 is the name of every org's default policy. */
const routingName = (n: number) => (n === 0 ? 'Default' : `Routing ${n - 1}`);

// ---------------------------------------------------------------------------------------------
// The commands.

export class CreateRouting extends Command {
  constructor(readonly as: Creator, readonly name: number, readonly description: string | null | undefined, readonly rules: RulesChoice) {
    super();
  }
  async apply(m: Model, r: Real) {
    const org = creatorOrg(this.as);
    const name = routingName(this.name);
    const rules = resolveRules(m, org, this.rules);
    const expected =
      this.rules.shape !== 'exact' ? INVALID
      : this.as === 'wrong' ? UNAUTHORIZED
      : taken(m.routing, org, name) ? NAME_CONFLICT
      : rulesRefusal(m, org, rules) ?? OK;
    const params = { name, ...(this.description !== undefined && { description: this.description }), rules };
    const label = `${this}: ${JSON.stringify(rules)}`;
    const created = await perform(r, expected, label, () => creatorClient(r, this.as).routingPolicies.create(params));
    if (created) {
      fresh(m, created.id, label);
      const now = isoNow(m);
      const routing: ModelRouting = { id: created.id, org, name, description: this.description ?? null, isDefault: false, rules: modelRules(rules), createdAt: now, updatedAt: now };
      m.routing.push(routing);
      expect(created, label).toStrictEqual(routingWithRulesView(m, routing));
    }
  }
  toString() {
    return `CreateRouting(as ${this.as}, "${routingName(this.name)}", description ${JSON.stringify(this.description)}, rules ${JSON.stringify(this.rules)})`;
  }
}

/** `name`: a chosen name, or (undefined) the one the policy has. */
export class ReplaceRouting extends Command {
  constructor(readonly ref: Ref, readonly as: Actor, readonly name: number | undefined, readonly description: string | null | undefined, readonly rules: RulesChoice) {
    super();
  }
  async apply(m: Model, r: Real) {
    const { id, record } = resolveRef(m.routing, m.deleted.routing, NO_SUCH.routing, this.ref);
    const org = record?.org ?? 0;
    const name = this.name === undefined ? (record?.name ?? 'Default') : routingName(this.name);
    const rules = resolveRules(m, this.as === 'other' ? (1 - org) as OrgIndex : org, this.rules);
    const expected =
      this.rules.shape !== 'exact' ? INVALID
      : access(record, this.as) ?? (taken(m.routing, org, name, id) ? NAME_CONFLICT : rulesRefusal(m, org, rules) ?? OK);
    const label = `${this} on ${id}: ${JSON.stringify(rules)}`;
    const params = { name, ...(this.description !== undefined && { description: this.description }), rules };
    const replaced = await perform(r, expected, label, () => clientFor(r, org, this.as).routingPolicies.replace(id, params));
    if (replaced && record) {
      // A replace is whole: an absent description becomes null; the default stays the default.
      Object.assign(record, { name, description: this.description ?? null, rules: modelRules(rules), updatedAt: isoNow(m) });
      expect(replaced, label).toStrictEqual(routingWithRulesView(m, record));
    }
  }
  toString() {
    return `ReplaceRouting(${JSON.stringify(this.ref)}, as ${this.as}, ${this.name === undefined ? 'same name' : `"${routingName(this.name)}"`}, description ${JSON.stringify(this.description)}, rules ${JSON.stringify(this.rules)})`;
  }
}

export class DeleteRouting extends Command {
  constructor(readonly ref: DeleteRef, readonly as: Actor) {
    super();
  }
  async apply(m: Model, r: Real) {
    // `held` means held by a selector: the default and the pinned policies are held for good, and a
    // random pick finds them anyway.
    const { id, record } = resolveDeletable(m.routing, m.deleted.routing, NO_SUCH.routing, this.ref, {
      free: (routing) => !routing.isDefault && !routingNamed(m, routing.org, routing.id),
      held: (routing) => !routing.isDefault && routingSelected(m, routing.org, routing.id),
    });
    const expected =
      access(record, this.as) ??
      (record!.isDefault ? conflict('default_routing_policy') : routingNamed(m, record!.org, id) ? conflict('routing_policy_in_use') : OK);
    if (expected.kind === 'api' && expected.code === 'routing_policy_in_use' && routingSelected(m, record!.org, id)) {
      observed.set('DeleteRouting held by a selector', (observed.get('DeleteRouting held by a selector') ?? 0) + 1);
    }
    await perform(r, expected, `${this} on ${id}`, () => clientFor(r, record?.org ?? 0, this.as).routingPolicies.delete(id));
    if (expected.kind === 'ok') {
      m.routing = m.routing.filter((routing) => routing.id !== id);
      m.deleted.routing.push(id);
    }
  }
  toString() {
    return `DeleteRouting(${JSON.stringify(this.ref)}, as ${this.as})`;
  }
}

export class SetSelectors extends Command {
  constructor(readonly ref: Ref, readonly as: Actor, readonly selectors: readonly SelectorChoice[]) {
    super();
  }
  async apply(m: Model, r: Real) {
    const { id, record } = resolveRef(m.integrations, [], NO_SUCH.integration, this.ref);
    const org = record?.org ?? 0;
    const bodyOrg = this.as === 'other' ? (1 - org) as OrgIndex : org;
    const selectors: Selector[] = this.selectors.map((choice) => ({
      matchers: MATCHERS[choice.matchers].map(({ key, value }) => ({ key, value })),
      routingPolicyId: resolveLink(m.routing, m.deleted.routing, NO_SUCH.routing, bodyOrg, choice.routing),
    }));
    const expected =
      this.selectors.some((choice) => choice.matchers === 'empty' || choice.matchers === 'severity') ? INVALID
      : access(record, this.as) ??
        (selectors.some((selector) => !liveIn(m.routing, org, selector.routingPolicyId)) ? badRequest('invalid_routing_policy') : OK);
    const label = `${this} on ${id}: ${JSON.stringify(selectors)}`;
    const set = await perform(r, expected, label, () => clientFor(r, org, this.as).integrations.inbound.setSelectors(id, { selectors }));
    if (set && record) {
      Object.assign(record, { selectors, updatedAt: isoNow(m) });
      expect(set, label).toStrictEqual(integrationView(m, record));
    }
  }
  toString() {
    return `SetSelectors(${JSON.stringify(this.ref)}, as ${this.as}, ${JSON.stringify(this.selectors)})`;
  }
}

export type Kind = 'WorkingHours' | 'Policy' | 'Routing' | 'Integration';

/** One record through the SDK's `get`, by its org, the other org or a wrong key. */
export class Get extends Command {
  constructor(readonly kind: Kind, readonly ref: Ref, readonly as: Actor) {
    super();
  }
  async apply(m: Model, r: Real) {
    const label = `${this}`;
    const read = async <T extends Owned>(live: readonly T[], deleted: readonly string[], unknown: string, view: (record: T) => unknown, get: (id: string, org: OrgIndex) => Promise<unknown>) => {
      const { id, record } = resolveRef(live, deleted, unknown, this.ref);
      const answer = await perform(r, access(record, this.as) ?? OK, `${label} on ${id}`, () => get(id, record?.org ?? 0));
      if (record && answer !== undefined) expect(answer, label).toStrictEqual(view(record));
    };
    const client = (org: OrgIndex) => clientFor(r, org, this.as);
    switch (this.kind) {
      case 'WorkingHours':
        return read(m.workingHours, m.deleted.workingHours, NO_SUCH.workingHours, (set) => workingHoursView(m, set), (id, org) => client(org).workingHours.get(id));
      case 'Policy':
        return read(m.policies, m.deleted.policies, NO_SUCH.policy, (policy) => policyWithLayersView(m, policy), (id, org) => client(org).policies.get(id));
      case 'Routing':
        return read(m.routing, m.deleted.routing, NO_SUCH.routing, (routing) => routingWithRulesView(m, routing), (id, org) => client(org).routingPolicies.get(id));
      case 'Integration':
        return read(m.integrations, [], NO_SUCH.integration, (integration) => integrationView(m, integration), (id, org) => client(org).integrations.inbound.get(id));
    }
  }
  toString() {
    return `Get(${this.kind}, ${JSON.stringify(this.ref)}, as ${this.as})`;
  }
}

/** A whole list through the SDK, by an org or a wrong key. */
export class List extends Command {
  constructor(readonly kind: Kind, readonly as: Creator) {
    super();
  }
  async apply(m: Model, r: Real) {
    const org = creatorOrg(this.as);
    const client = creatorClient(r, this.as);
    const mine = <T extends { org: OrgIndex }>(records: readonly T[]) => records.filter((record) => record.org === org);
    const [expected, call] = ((): [unknown[], () => Promise<unknown[]>] => {
      switch (this.kind) {
        case 'WorkingHours': return [mine(m.workingHours).map((set) => workingHoursView(m, set)), () => client.workingHours.list()];
        case 'Policy': return [mine(m.policies).map((policy) => policyView(m, policy)), () => client.policies.list()];
        case 'Routing': return [mine(m.routing).map((routing) => routingView(m, routing)), () => client.routingPolicies.list()];
        case 'Integration': return [mine(m.integrations).map((integration) => integrationView(m, integration)), () => client.integrations.inbound.list()];
      }
    })();
    const answer = await perform(r, this.as === 'wrong' ? UNAUTHORIZED : OK, this.toString(), call);
    if (answer) expect(answer, this.toString()).toStrictEqual(expected);
  }
  toString() {
    return `List(${this.kind}, as ${this.as})`;
  }
}

/** Time passes: every later write must stamp the new time, and nothing else may move. */
export class Tick extends Command {
  constructor(readonly seconds: number) {
    super();
  }
  /** With incidents open, the engine escalates them: their reads are checked again. */
  override changesWithoutRequests(m: Model) {
    return m.incidents.length > 0;
  }
  async apply(m: Model, r: Real) {
    await r.mock.clock.advance(this.seconds * 1000);
    m.now += this.seconds * 1000;
  }
  toString() {
    return `Tick(${this.seconds} s)`;
  }
}

export const ALERT_ATTRIBUTES = {
  none: {},
  prod: { env: 'prod' },
  /** Matches both selector shapes, values in another case. */
  payments: { service: 'PAYMENTS', env: 'Prod' },
  staging: { env: 'staging', service: 'Payments' },
} as const;
export type AttributesChoice = keyof typeof ALERT_ATTRIBUTES;

/**
 * An alert through `mock.sendAlert` (the ingest API is not public): the model routes it on its own
 * (first selector whose matchers all match, values case-insensitive, else the integration's routing
 * policy, else the org's default; the rule for the severity), so routing reads what the commands wrote.
 */
/** Any integration, or one with selectors (if there is one): most have none. */
export type IntegrationChoice = { any: number } | { selected: number };

export class SendAlert extends Command {
  constructor(readonly integration: IntegrationChoice, readonly severity: Severity, readonly attributes: AttributesChoice) {
    super();
  }
  override changesWithoutRequests() {
    return true;
  }
  async apply(m: Model, r: Real) {
    const selected = m.integrations.filter((candidate) => candidate.selectors.length > 0);
    const among = 'selected' in this.integration && selected.length > 0 ? selected : m.integrations;
    const integration = among[('selected' in this.integration ? this.integration.selected : this.integration.any) % among.length]!;
    const attributes: Record<string, string> = ALERT_ATTRIBUTES[this.attributes];
    const index = integration.selectors.findIndex((selector) =>
      selector.matchers.every(({ key, value }) => Object.hasOwn(attributes, key) && attributes[key]!.toLowerCase() === value.toLowerCase()));
    const chosen = index === -1 ? integration.routingPolicyId : integration.selectors[index]!.routingPolicyId;
    const routing = m.routing.find((policy) => policy.org === integration.org && (chosen === null ? policy.isDefault : policy.id === chosen));
    const label = `${this} to ${integration.id}`;
    expect(routing, `${label}: the model routes to ${chosen ?? 'the default'}, which must be live`).toBeDefined();
    const rule = routing!.rules.find((candidate) => candidate.severity === this.severity)!;
    const opens = rule.outcome === 'incident' || rule.outcome === 'provisional_page';
    const via = index !== -1 ? 'selector' : chosen === null ? 'default' : 'integration';
    for (const pair of [`SendAlert ${rule.outcome}`, `SendAlert via ${via}`]) observed.set(pair, (observed.get(pair) ?? 0) + 1);
    const result = r.mock.sendAlert(integration.id, { severity: this.severity, attributes });
    expect(result, label).toStrictEqual({
      outcome: rule.outcome,
      routingPolicyId: routing!.id,
      selectorIndex: index === -1 ? null : index,
      escalationPolicyId: rule.escalationPolicyId,
      incidentId: opens ? expect.any(String) : null,
    });
    if (result.incidentId !== null) {
      fresh(m, result.incidentId, label);
      m.incidents.push({
        id: result.incidentId,
        org: integration.org,
        title: `${integration.name}: ${this.severity} alert`,
        severity: this.severity,
        escalationPolicyId: rule.escalationPolicyId,
        componentId: integration.componentId,
        integrationId: integration.id,
      });
    }
  }
  toString() {
    return `SendAlert(integration ${JSON.stringify(this.integration)}, ${this.severity}, ${this.attributes})`;
  }
}
