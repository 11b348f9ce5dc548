import type * as z from 'zod/mini';
import type { ComponentCreateParams, ComponentListQuery, ComponentUpdateParams } from '../../src/schemas/components.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { assertNameFree, conflict, notFound } from './errors.js';
import { newId } from './ids.js';
import { assertComponentUnrouted } from './routing.js';
import type { ComponentRecord, Millis, MockState, OrgRecord, StatusPageRecord } from './state.js';

const assertComponentNameFree = (org: OrgRecord, name: string, except?: string) =>
  assertNameFree(org.components.values(), name, { kind: 'component', scope: 'in this organization' }, except);

export const getComponent = (org: OrgRecord, componentId: string): ComponentRecord => {
  const component = org.components.get(componentId);
  if (!component) throw notFound('component');
  return component;
};

/** A component cursor names the last component seen by its id. */
const readAfter = ({ after }: Record<string, unknown>) => (typeof after === 'string' && after.length > 0 ? after : undefined);

/**
 * In creation order. Ids sort in creation order (see `newId`), so the cursor names the last id seen
 * and the next page starts after it: deleting or adding components never shifts a later page.
 */
export const listComponents = (org: OrgRecord, query: z.output<typeof ComponentListQuery>) => {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, readAfter);
  const limit = query.limit ?? 20;
  const matches: ComponentRecord[] = [];
  for (const component of org.components.values()) {
    if (after !== undefined && component.id <= after) continue;
    matches.push(component);
    if (matches.length > limit) break;
  }
  const page = matches.slice(0, limit);
  const last = page[page.length - 1];
  return { components: page, nextCursor: matches.length > limit && last ? encodeCursor({ after: last.id }) : null };
};

export const createComponent = (state: MockState, org: OrgRecord, input: ComponentCreateParams, now: Millis): ComponentRecord => {
  assertComponentNameFree(org, input.name);
  const component: ComponentRecord = {
    id: newId(state.random, 'cmp'),
    orgId: org.id,
    name: input.name,
    description: input.description ?? null,
    groupLabel: input.groupLabel ?? null,
    aliases: [...(input.aliases ?? [])],
    statusOverride: null,
    maintenanceWindow: null,
    createdAt: now,
    updatedAt: now,
  };
  org.components.set(component.id, component);
  return component;
};

export const updateComponent = (org: OrgRecord, componentId: string, input: ComponentUpdateParams, now: Millis): ComponentRecord => {
  const component = getComponent(org, componentId);
  if (input.name !== undefined) assertComponentNameFree(org, input.name, component.id);
  if (input.name !== undefined) component.name = input.name;
  if (input.description !== undefined) component.description = input.description;
  if (input.groupLabel !== undefined) component.groupLabel = input.groupLabel;
  if (input.aliases !== undefined) component.aliases = [...input.aliases];
  component.updatedAt = now;
  return component;
};

/**
 * Refused while any incident of the org (resolved ones too: their history names it) references the
 * component. Otherwise it is also taken off every status page, so no page shows a ghost.
 */
export const deleteComponent = (org: OrgRecord, componentId: string): ComponentRecord => {
  const component = getComponent(org, componentId);
  const referencing = [...org.incidents.values()].filter((incident) => incident.componentIds.includes(componentId));
  const [first] = referencing;
  if (first) {
    const others = referencing.length > 1 ? ` and ${referencing.length - 1} other incident(s)` : '';
    throw conflict('component_in_use', `Component ${componentId} is referenced by incident ${first.id}${others}; detach it first.`);
  }
  assertComponentUnrouted(org, componentId);
  org.components.delete(componentId);
  for (const page of org.statusPages.values()) {
    page.componentIds = page.componentIds.filter((id) => id !== componentId);
  }
  return component;
};

export type NewStatusPage = { componentIds: readonly string[]; published: boolean };

/** Status pages have no API: only `mock.createStatusPage()` makes them. The ids are checked there. */
export const addStatusPage = (state: MockState, org: OrgRecord, input: NewStatusPage): StatusPageRecord => {
  const page: StatusPageRecord = {
    id: newId(state.random, 'sp'),
    orgId: org.id,
    componentIds: [...input.componentIds],
    published: input.published,
  };
  org.statusPages.set(page.id, page);
  return page;
};

/**
 * Whether a public update about these components would be seen anywhere: some published status
 * page of the org shows at least one of them (the `no_public_surface` rule).
 */
export const hasPublicSurface = (org: OrgRecord, componentIds: readonly string[]): boolean =>
  [...org.statusPages.values()].some((page) => page.published && page.componentIds.some((id) => componentIds.includes(id)));
