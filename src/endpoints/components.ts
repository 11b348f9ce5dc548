import { DeleteResponse } from '../schemas/common.js';
import {
  ComponentCreateParams,
  ComponentListParams,
  ComponentListQuery,
  ComponentPageResponse,
  ComponentPathParams,
  ComponentResponse,
  ComponentUpdateParams,
} from '../schemas/components.js';
import { endpoint, type EndpointDocsOf } from './endpoint.js';

const COMPONENTS = '/components';
const COMPONENT = `${COMPONENTS}/{componentId}`;

export const componentEndpoints = {
  list: endpoint({
    name: 'components.list', method: 'get', path: COMPONENTS,
    query: ComponentListParams, urlQuery: ComponentListQuery, response: ComponentPageResponse, unwrap: ['data'],
  }),
  create: endpoint({
    name: 'components.create', method: 'post', path: COMPONENTS,
    body: ComponentCreateParams, status: 201, response: ComponentResponse, unwrap: ['data'],
  }),
  get: endpoint({
    name: 'components.get', method: 'get', path: COMPONENT,
    params: ComponentPathParams, response: ComponentResponse, unwrap: ['data'],
  }),
  update: endpoint({
    name: 'components.update', method: 'patch', path: COMPONENT,
    params: ComponentPathParams, body: ComponentUpdateParams, response: ComponentResponse, unwrap: ['data'],
  }),
  delete: endpoint({
    name: 'components.delete', method: 'delete', path: COMPONENT,
    params: ComponentPathParams, response: DeleteResponse, unwrap: [],
  }),
} as const;

// The prose of each endpoint, for the OpenAPI document and the method reference. Kept apart from the
// entries above so that the client bundle, which imports only the entries, ships none of it.
export const componentDocs: EndpointDocsOf<typeof componentEndpoints> = {
  list: {
    tag: 'Components',
    summary: 'List components, in creation order',
    description: '`limit` 1–100 (default 20). Pass `nextCursor` back as `cursor`; any other cursor is 400 `invalid_cursor`.',
    returns: '`ComponentPage` (`{ components, nextCursor }`), in creation order',
    errors: { 400: ['invalid_cursor'] },
  },
  create: {
    tag: 'Components',
    summary: 'Create a component',
    returns: '`Component`',
    details: 'Names are unique per organization (409 `name_conflict`). The answer carries the derived `operationalStatus` (`operational` for a new component).',
    errors: { 409: ['name_conflict'] },
  },
  get: {
    tag: 'Components',
    summary: 'Get a component',
    returns: '`Component`',
    details: 'With its derived `operationalStatus`: an admin override first, then the worst of an active maintenance window and the open incidents that list it.',
    errors: { 404: ['not_found'] },
  },
  update: {
    tag: 'Components',
    summary: 'Update a component',
    description: 'Send at least one of name, description, groupLabel, aliases; only the fields sent change. `aliases` replaces the whole set.',
    returns: '`Component`',
    errors: { 404: ['not_found'], 409: ['name_conflict'] },
  },
  delete: {
    tag: 'Components',
    summary: 'Delete a component',
    description: '409 `component_in_use` while an incident references it or an inbound integration resolves its alerts to it.',
    returns: '`void`',
    errors: { 404: ['not_found'], 409: ['component_in_use'] },
  },
};
