import type { IncidentAuditEntry, IncidentRecord, MockState } from './state.js';

/**
 * Appends to an incident's audit trail. The engine writes the escalation steps into its own log
 * (a long simulation must not touch every incident's array on every step): each entry here notes
 * how many entries that log held when it was written, and the view interleaves the two by it.
 */
export const recordAudit = (state: MockState, incident: IncidentRecord, entry: IncidentAuditEntry) => {
  incident.auditTrail.push(entry);
  incident.auditLogSizes.push(state.engine.log.size);
};
