import type { Component, ComponentOperationalStatus } from '../../src/schemas/components.js';
import type { Severity } from '../../src/schemas/incidents.js';
import type { ComponentRecord, Millis, OrgRecord } from './state.js';
import { iso } from './views.js';

/** What an open incident of each severity makes of the components it lists. */
export const SEVERITY_STATUS: Readonly<Record<Severity, ComponentOperationalStatus>> = {
  critical: 'major_outage',
  high: 'partial_outage',
  medium: 'degraded',
  low: 'degraded',
};

/**
 * Worse is higher. Maintenance ranks above `degraded` (slowness during planned work is expected)
 * and below the outages (an outage during maintenance is still news).
 */
const RANK: Readonly<Record<ComponentOperationalStatus, number>> = {
  operational: 0,
  degraded: 1,
  maintenance: 2,
  partial_outage: 3,
  major_outage: 4,
};

const worse = (a: ComponentOperationalStatus, b: ComponentOperationalStatus) => (RANK[b] > RANK[a] ? b : a);

/** The status each component gets from the org's open (unresolved) incidents: computed once per request. */
export const incidentStatuses = (org: OrgRecord): Map<string, ComponentOperationalStatus> => {
  const statuses = new Map<string, ComponentOperationalStatus>();
  for (const incident of org.incidents.values()) {
    if (incident.status === 'resolved') continue;
    for (const componentId of incident.componentIds) {
      statuses.set(componentId, worse(statuses.get(componentId) ?? 'operational', SEVERITY_STATUS[incident.severity]));
    }
  }
  return statuses;
};

/** The maintenance window in force at `now`, else `null` (one not started yet or over is not shown). */
export const activeMaintenance = (component: ComponentRecord, now: Millis) => {
  const window = component.maintenanceWindow;
  if (window === null || window.startedAt > now || (window.endsAt !== null && now >= window.endsAt)) return null;
  return window;
};

/** The status-pages rule: the admin override; else the worst of maintenance and open incidents; else operational. */
export const operationalStatus = (component: ComponentRecord, fromIncidents: ComponentOperationalStatus | undefined, now: Millis) => {
  if (component.statusOverride !== null) return component.statusOverride;
  const maintenance: ComponentOperationalStatus = activeMaintenance(component, now) ? 'maintenance' : 'operational';
  return worse(maintenance, fromIncidents ?? 'operational');
};

/** A component as the API shows it at `now`, with `statuses` from `incidentStatuses(org)`. */
export const componentView = (component: ComponentRecord, statuses: ReadonlyMap<string, ComponentOperationalStatus>, now: Millis): Component => {
  const window = activeMaintenance(component, now);
  return {
    id: component.id,
    orgId: component.orgId,
    name: component.name,
    description: component.description,
    groupLabel: component.groupLabel,
    aliases: [...component.aliases],
    operationalStatus: operationalStatus(component, statuses.get(component.id), now),
    maintenanceWindow: window === null ? null : { startedAt: iso(window.startedAt), endsAt: window.endsAt === null ? null : iso(window.endsAt) },
    createdAt: iso(component.createdAt),
    updatedAt: iso(component.updatedAt),
  };
};

/** One component's view, for the routes that answer with one. */
export const oneComponentView = (org: OrgRecord, component: ComponentRecord, now: Millis) => componentView(component, incidentStatuses(org), now);
