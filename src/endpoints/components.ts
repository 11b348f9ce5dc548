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
import { endpoint } from './endpoint.js';
import { AT_LEAST_ONE } from './wording.js';

const COMPONENTS = '/components';
const COMPONENT = `${COMPONENTS}/{componentId}`;

export const componentEndpoints = {
  list: endpoint({
    name: 'components.list', method: 'get', path: COMPONENTS, tag: 'Components', summary: 'List components, in creation order',
    description: '`limit` 1–100 (default 20). Pass `nextCursor` back as `cursor`.',
    query: ComponentListParams, urlQuery: ComponentListQuery, response: ComponentPageResponse, unwrap: ['data'],
    returns: '`ComponentPage` (`{ components, nextCursor }`), in creation order',
  }),
  create: endpoint({
    name: 'components.create', method: 'post', path: COMPONENTS, tag: 'Components', summary: 'Create a component',
    body: ComponentCreateParams, status: 201, response: ComponentResponse, unwrap: ['data'], returns: '`Component`',
  }),
  get: endpoint({
    name: 'components.get', method: 'get', path: COMPONENT, tag: 'Components', summary: 'Get a component',
    params: ComponentPathParams, response: ComponentResponse, unwrap: ['data'], returns: '`Component`',
  }),
  update: endpoint({
    name: 'components.update', method: 'patch', path: COMPONENT, tag: 'Components', summary: 'Update a component',
    description: `${AT_LEAST_ONE('name, description, groupLabel, aliases')} \`aliases\` replaces the whole set.`,
    params: ComponentPathParams, body: ComponentUpdateParams, response: ComponentResponse, unwrap: ['data'], returns: '`Component`',
  }),
  delete: endpoint({
    name: 'components.delete', method: 'delete', path: COMPONENT, tag: 'Components', summary: 'Delete a component',
    description: '409 `component_in_use` while an incident references it.',
    params: ComponentPathParams, response: DeleteResponse, unwrap: [], returns: '`void`',
  }),
} as const;
