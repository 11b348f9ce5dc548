import { connect } from './core/connect.js';
import type { ScalingOptions } from './core/request-options.js';
import { Components } from './resources/components.js';
import { Incidents } from './resources/incidents.js';
import { Integrations } from './resources/integrations.js';
import { Policies } from './resources/policies.js';
import { RoutingPolicies } from './resources/routing-policies.js';
import { Schedules } from './resources/schedules.js';
import { Team } from './resources/team.js';
import { Users } from './resources/users.js';
import { WorkingHoursResource } from './resources/working-hours.js';

/**
 * The Scaling API client.
 *
 * ```ts
 * const scaling = new Scaling({ apiKey: process.env.SCALING_API_KEY });
 * const policy = await scaling.policies.create({ name: 'Platform Default' });
 * ```
 */
export class Scaling {
  /** Escalation policies, and their layers under `policies.layers`. */
  readonly policies: Policies;
  /** Incidents: lifecycle, updates, acknowledge and handoff. */
  readonly incidents: Incidents;
  /** On-call schedules, their rotation layers under `schedules.layers`, and who is on call. */
  readonly schedules: Schedules;
  /** Members and invitations (admin keys only). */
  readonly team: Team;
  /** The organization's users. */
  readonly users: Users;
  /** The organization's component catalog. */
  readonly components: Components;
  /** Working-hours sets: a time zone and weekly windows, for escalation step conditions. */
  readonly workingHours: WorkingHoursResource;
  /** Routing policies: what alerts of each severity do. */
  readonly routingPolicies: RoutingPolicies;
  /** Inbound integrations and their routing selectors, under `integrations.inbound`. */
  readonly integrations: Integrations;

  /** @param options - The API key, base URL, timeouts and retries: every one optional (see `ScalingOptions`). */
  constructor(options: ScalingOptions = {}) {
    const http = connect(options);
    this.policies = new Policies(http);
    this.incidents = new Incidents(http);
    this.schedules = new Schedules(http);
    this.team = new Team(http);
    this.users = new Users(http);
    this.components = new Components(http);
    this.workingHours = new WorkingHoursResource(http);
    this.routingPolicies = new RoutingPolicies(http);
    this.integrations = new Integrations(http);
  }
}
