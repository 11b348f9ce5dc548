import { pageIdCode } from '../engine/page-log.js';
import type { AuditEntry, IncidentRecord, MockState } from './state.js';

/**
 * Appends to an incident's audit trail. Its pages are not copied into the trail (a long simulation
 * would touch every incident's array on every step): each entry notes how many pages the mock had
 * logged when it was written, and the view interleaves the incident's pages by that.
 */
export const recordAudit = (state: MockState, incident: IncidentRecord, entry: AuditEntry) => {
  incident.auditTrail.push(entry);
  incident.auditPages.push(state.pages.size);
};

/** The indices of an incident's pages in the log, oldest first; the index catches up as it is read. */
export const incidentPages = (state: MockState, incidentId: string): readonly number[] => {
  const { pages, pageIndex } = state;
  for (; pageIndex.upTo < pages.size; pageIndex.upTo++) {
    const code = pages.columns.incidentId[pageIndex.upTo]!;
    const list = pageIndex.byIncident.get(code);
    if (list) list.push(pageIndex.upTo);
    else pageIndex.byIncident.set(code, [pageIndex.upTo]);
  }
  const code = pageIdCode(pages, incidentId);
  return (code === undefined ? undefined : pageIndex.byIncident.get(code)) ?? [];
};
