import * as z from 'zod/mini';
import { describeIssues, safeParse, toValidationIssues } from '../src/core/issues.js';
import { routeAlert } from '../src/routing/rules.js';
import { Severity } from '../src/schemas/incidents.js';
import type { MockContext } from './handlers/route.js';
import { createIncident } from './store/incidents.js';
import type { ScalingMock } from './types.js';

/**
 * `mock.sendAlert`: what an inbound integration does when its source fires. The API that ingests
 * alerts is not public, so this is a simulation built on the routing rules that `simulateRouting()`
 * shares (`src/routing/rules.ts`): the same decision, then what the mock does with it.
 */

const MAX_TITLE = 100;

export const AlertInput = z.strictObject({
  severity: Severity,
  attributes: z.optional(z.record(z.string(), z.string())),
  title: z.optional(z.string().check(z.minLength(1, 'must be 1 to 100 characters'), z.maxLength(MAX_TITLE, 'must be 1 to 100 characters'))),
});

export const createAlertFixtures = (ctx: MockContext): Pick<ScalingMock, 'sendAlert'> => ({
  sendAlert: (integrationId, input) => {
    const parsed = safeParse(AlertInput, input);
    if (!parsed.success) throw new TypeError(`mock.sendAlert: ${describeIssues(toValidationIssues(parsed.error.issues))}`);
    const { state } = ctx;
    // Integration ids are unique in a mock, so the integration is found whichever org holds it.
    const org = [...state.orgs.values()].find((candidate) => candidate.inboundIntegrations.has(integrationId));
    const integration = org?.inboundIntegrations.get(integrationId);
    if (!org || !integration) throw new RangeError(`mock.sendAlert: no inbound integration ${integrationId} in this mock`);
    const { severity, attributes = {}, title } = parsed.data;
    const decision = routeAlert(integration, [...org.routingPolicies.values()], { severity, attributes });
    if (decision.outcome !== 'incident' && decision.outcome !== 'provisional_page') return { ...decision, incidentId: null };
    const now = ctx.clock.nowMs();
    // The integration opens it: it is the incident's creator, as a user is when an API key does.
    const incident = createIncident(
      state,
      org,
      { orgId: org.id, userId: integration.id },
      {
        title: title ?? `${integration.name}: ${severity} alert`.slice(0, MAX_TITLE),
        severity,
        componentIds: [integration.componentId],
        ...(decision.escalationPolicyId === null ? {} : { escalationPolicyId: decision.escalationPolicyId }),
      },
      now,
    );
    ctx.clock.reschedule();
    return { ...decision, incidentId: incident.id };
  },
});
