import { DEFAULT_BASE_URL } from './core/constants.js';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, Http } from './core/http.js';
import { ScalingError } from './core/errors.js';
import { ClientOptions, parseOrThrow } from './core/request-options.js';
import { Components } from './resources/components.js';
import { Incidents } from './resources/incidents.js';
import { Integrations } from './resources/integrations.js';
import { Policies } from './resources/policies.js';
import { RoutingPolicies } from './resources/routing-policies.js';
import { Schedules } from './resources/schedules.js';
import { Team } from './resources/team.js';
import { Users } from './resources/users.js';
import { WorkingHoursResource } from './resources/working-hours.js';

const env = (name: string): string | undefined =>
  typeof process === 'undefined' ? undefined : process.env?.[name] || undefined;

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

  constructor(options: ClientOptions = {}) {
    const parsed = parseOrThrow(ClientOptions, options, 'options');
    const apiKey = parsed.apiKey ?? env('SCALING_API_KEY');
    if (!apiKey) {
      throw new ScalingError('Missing API key: pass `apiKey` to `new Scaling()` or set SCALING_API_KEY.');
    }
    const baseUrl = (parsed.baseUrl ?? env('SCALING_BASE_URL') ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    const http = new Http({
      apiKey,
      baseUrl,
      timeoutMs: parsed.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: parsed.maxRetries ?? DEFAULT_MAX_RETRIES,
      fetch: parsed.fetch,
      headers: parsed.headers ?? {},
      validateResponses: parsed.validateResponses ?? true,
      maxResponseBytes: parsed.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    });
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
