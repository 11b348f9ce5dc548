/**
 * The Scaling API client (`Scaling`), its errors, the offline simulations (`simulateEscalation`,
 * `simulateRouting`, `isWithinWorkingHours`), and the named type of every request and response.
 *
 * ```ts
 * import { Scaling } from '@scaling-cloud/sdk';
 * const scaling = new Scaling({ apiKey: process.env.SCALING_API_KEY });
 * ```
 *
 * @module @scaling-cloud/sdk
 */
export { Scaling } from './client.js';
export { simulateEscalation } from './escalation/simulate.js';
export { isWithinWorkingHours } from './working-hours/within.js';
export type { WeeklyHours, WeeklyWindow } from './working-hours/within.js';
export type {
  EscalationSimulation,
  EscalationStep,
  EscalationWarning,
  SimulateEscalationOptions,
  SimulatedLayer,
  SimulatedSchedule,
  SimulatedWorkingHours,
} from './escalation/simulate.js';
export { simulateRouting } from './routing/simulate.js';
export type { RoutingSimulation, SimulatedAlert, SimulatedIntegration, SimulatedRoutingPolicy } from './routing/simulate.js';
export * from './public-surface.js';
export type { Components } from './resources/components.js';
export type { IncidentUpdates } from './resources/incident-updates.js';
export type { Incidents } from './resources/incidents.js';
export type { InboundIntegrations, Integrations } from './resources/integrations.js';
export type { Policies } from './resources/policies.js';
export type { RoutingPolicies } from './resources/routing-policies.js';
export type { LayerSyncOptions, PolicyLayers } from './resources/policy-layers.js';
export type { SyncStep, SyncDeleteStep, SyncUpdateStep, SyncCreateStep, SyncReorderStep, LayerSyncChanges, PlannedLayer, LayerSyncResult, LayerSyncPreview } from './resources/layer-sync.js';
export type { ScheduleLayers } from './resources/schedule-layers.js';
export type { Schedules } from './resources/schedules.js';
export type { Team, TeamInvitations, TeamMembers } from './resources/team.js';
export type { Users } from './resources/users.js';
export type { WorkingHoursResource } from './resources/working-hours.js';
// Every schema's type (request params, responses, enums) is public under the schema's name.
export type * from './schemas/index.js';
