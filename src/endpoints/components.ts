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
  },
  create: {
    tag: 'Components',
    summary: 'Create a component',
    returns: '`Component`',
  },
  get: {
    tag: 'Components',
    summary: 'Get a component',
    returns: '`Component`',
  },
  update: {
    tag: 'Components',
    summary: 'Update a component',
    description: 'Send at least one of name, description, groupLabel, aliases; only the fields sent change. `aliases` replaces the whole set.',
    returns: '`Component`',
  },
  delete: {
    tag: 'Components',
    summary: 'Delete a component',
    description: '409 `component_in_use` while an incident references it or an inbound integration resolves its alerts to it.',
    returns: '`void`',
  },
};
