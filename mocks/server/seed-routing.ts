import * as z from 'zod/mini';
import type { Scaling } from '../../src/client.js';
import { ComponentCreateParams } from '../../src/schemas/components.js';
import { Severity } from '../../src/schemas/incidents.js';
import { RoutingOutcome, RoutingPolicyCreateParams, SelectorMatcher } from '../../src/schemas/routing.js';
import type { ScalingMock } from '../types.js';

/**
 * The seed file's components, routing policies and inbound integrations. They refer to each other
 * (and to escalation policies) by the seed's own refs, like layers do; `seed.ts` wires this in.
 */

const Ref = z.string().check(z.minLength(1, 'must be a non-empty name'), z.maxLength(100, 'must be at most 100 characters'));
const routingShape = RoutingPolicyCreateParams.shape;

export const SeedComponent = z.strictObject({
  ref: z.optional(Ref),
  name: ComponentCreateParams.shape.name,
  description: ComponentCreateParams.shape.description,
});

export const SeedRoutingPolicy = z.strictObject({
  ref: z.optional(Ref),
  name: routingShape.name,
  description: routingShape.description,
  /** One rule per severity; `escalationPolicy` is an escalation policy ref of the same org, or absent/null. */
  rules: z.array(z.strictObject({ severity: Severity, outcome: RoutingOutcome, escalationPolicy: z.optional(z.nullable(Ref)) })).check(
    z.length(4, 'must contain exactly one rule per severity (critical, high, medium, low)'),
    z.refine((rules) => new Set(rules.map((rule) => rule.severity)).size === rules.length, 'must contain exactly one rule per severity (critical, high, medium, low)'),
  ),
});

export const SeedInboundIntegration = z.strictObject({
  ref: z.optional(Ref),
  name: z.optional(z.string().check(z.minLength(1, 'must be 1 to 255 characters'), z.maxLength(255, 'must be 1 to 255 characters'))),
  /** A component ref of the same org. */
  component: Ref,
  /** A routing policy ref of the same org; absent means the org's default policy. */
  routingPolicy: z.optional(Ref),
  /** In order; each names its routing policy by ref. */
  selectors: z.optional(z.array(z.strictObject({ matchers: z.array(SelectorMatcher).check(z.minLength(1, 'must list at least 1 matcher')), routingPolicy: Ref }))),
});

export type RoutingSeedOrg = {
  components?: Array<z.output<typeof SeedComponent>> | undefined;
  routingPolicies?: Array<z.output<typeof SeedRoutingPolicy>> | undefined;
  inboundIntegrations?: Array<z.output<typeof SeedInboundIntegration>> | undefined;
};

type Registry = { claim: (ref: string | undefined, path: string) => void; resolve: (ref: string, path: string) => void };
export type RoutingRegistries = { components: Registry; routingPolicies: Registry; integrations: Registry; policies: Registry };

/** Claims this org's refs (first pass, so later entries may be named earlier). */
export const claimRoutingRefs = (org: RoutingSeedOrg, at: string, registries: RoutingRegistries) => {
  org.components?.forEach((component, c) => registries.components.claim(component.ref, `${at}.components[${c}].ref`));
  org.routingPolicies?.forEach((policy, p) => registries.routingPolicies.claim(policy.ref, `${at}.routingPolicies[${p}].ref`));
  org.inboundIntegrations?.forEach((integration, i) => registries.integrations.claim(integration.ref, `${at}.inboundIntegrations[${i}].ref`));
};

/** Resolves every ref and checks names are unique in the org (second pass). */
export const checkRouting = (org: RoutingSeedOrg, at: string, registries: RoutingRegistries, refuse: (path: string, message: string) => void) => {
  const unique = (names: Array<string | undefined>, path: (index: number) => string) => {
    const seen = new Map<string, number>();
    names.forEach((name, index) => {
      if (name === undefined) return;
      const twin = seen.get(name);
      if (twin !== undefined) refuse(`${path(index)}.name`, `is already the name of ${path(twin)}`);
      else seen.set(name, index);
    });
  };
  unique((org.components ?? []).map((component) => component.name), (c) => `${at}.components[${c}]`);
  // The org's default routing policy is named "Default".
  const routingNames = (org.routingPolicies ?? []).map((policy) => policy.name);
  unique(routingNames, (p) => `${at}.routingPolicies[${p}]`);
  routingNames.forEach((name, p) => name === 'Default' && refuse(`${at}.routingPolicies[${p}].name`, 'is the name of the org’s default routing policy'));
  unique((org.inboundIntegrations ?? []).map((integration) => integration.name), (i) => `${at}.inboundIntegrations[${i}]`);
  org.routingPolicies?.forEach((policy, p) =>
    policy.rules.forEach((rule, r) => {
      if (rule.escalationPolicy != null) registries.policies.resolve(rule.escalationPolicy, `${at}.routingPolicies[${p}].rules[${r}].escalationPolicy`);
    }),
  );
  org.inboundIntegrations?.forEach((integration, i) => {
    const path = `${at}.inboundIntegrations[${i}]`;
    registries.components.resolve(integration.component, `${path}.component`);
    if (integration.routingPolicy !== undefined) registries.routingPolicies.resolve(integration.routingPolicy, `${path}.routingPolicy`);
    integration.selectors?.forEach((selector, s) => registries.routingPolicies.resolve(selector.routingPolicy, `${path}.selectors[${s}].routingPolicy`));
  });
};

export type RoutingRefs = { components: Record<string, string>; routingPolicies: Record<string, string>; inboundIntegrations: Record<string, string> };
export type RoutingSummary = {
  components: Array<{ ref: string | null; id: string; name: string }>;
  routingPolicies: Array<{ ref: string | null; id: string; name: string }>;
  inboundIntegrations: Array<{ ref: string | null; id: string; name: string }>;
};

type Step = <T>(path: string, work: () => T | Promise<T>) => Promise<T>;

/**
 * Makes the org's components and routing policies through the API, then its integrations through
 * the mock's helper (the API has none to create) and their selectors through the API again.
 */
export const applyRouting = async (
  context: { mock: ScalingMock; scaling: Scaling; orgId: string; at: string; step: Step; policyRefs: Record<string, string>; refs: RoutingRefs },
  org: RoutingSeedOrg,
): Promise<RoutingSummary> => {
  const { mock, scaling, orgId, at, step, policyRefs, refs } = context;
  const summary: RoutingSummary = { components: [], routingPolicies: [], inboundIntegrations: [] };
  for (const [c, { ref, name, description }] of (org.components ?? []).entries()) {
    const component = await step(`${at}.components[${c}]`, () => scaling.components.create({ name, ...(description === undefined ? {} : { description }) }));
    if (ref !== undefined) refs.components[ref] = component.id;
    summary.components.push({ ref: ref ?? null, id: component.id, name: component.name });
  }
  for (const [p, { ref, name, description, rules }] of (org.routingPolicies ?? []).entries()) {
    const policy = await step(`${at}.routingPolicies[${p}]`, () =>
      scaling.routingPolicies.create({
        name,
        ...(description === undefined ? {} : { description }),
        rules: rules.map(({ severity, outcome, escalationPolicy }) => ({
          severity,
          outcome,
          escalationPolicyId: escalationPolicy == null ? null : (policyRefs[escalationPolicy] ?? escalationPolicy),
        })),
      }),
    );
    if (ref !== undefined) refs.routingPolicies[ref] = policy.id;
    summary.routingPolicies.push({ ref: ref ?? null, id: policy.id, name: policy.name });
  }
  const routingPolicyId = (ref: string) => refs.routingPolicies[ref] ?? ref;
  for (const [i, { ref, name, component, routingPolicy, selectors = [] }] of (org.inboundIntegrations ?? []).entries()) {
    const path = `${at}.inboundIntegrations[${i}]`;
    const integration = await step(path, () =>
      mock.createInboundIntegration({
        orgId,
        ...(name === undefined ? {} : { name }),
        componentId: refs.components[component] ?? component,
        routingPolicyId: routingPolicy === undefined ? null : routingPolicyId(routingPolicy),
      }),
    );
    if (selectors.length > 0) {
      await step(`${path}.selectors`, () =>
        scaling.integrations.inbound.setSelectors(integration.id, {
          selectors: selectors.map((selector) => ({ matchers: selector.matchers, routingPolicyId: routingPolicyId(selector.routingPolicy) })),
        }),
      );
    }
    if (ref !== undefined) refs.inboundIntegrations[ref] = integration.id;
    summary.inboundIntegrations.push({ ref: ref ?? null, id: integration.id, name: integration.name });
  }
  return summary;
};
