import type { EndpointTable } from '../../src/endpoints/index.js';
import { componentView, incidentStatuses, oneComponentView } from '../store/component-views.js';
import { createComponent, deleteComponent, getComponent, listComponents, updateComponent } from '../store/components.js';
import type { RouteHandles } from './route.js';

export const componentRoutes: RouteHandles<EndpointTable['components']> = {
  list: ({ org, query, now }) => {
    const page = listComponents(org, query);
    const statuses = incidentStatuses(org);
    return { data: { components: page.components.map((component) => componentView(component, statuses, now)), nextCursor: page.nextCursor } };
  },
  create: ({ state, org, body, now }) => ({ data: oneComponentView(org, createComponent(state, org, body, now), now) }),
  get: ({ org, params, now }) => ({ data: oneComponentView(org, getComponent(org, params.componentId), now) }),
  update: ({ org, params, body, now }) => ({ data: oneComponentView(org, updateComponent(org, params.componentId, body, now), now) }),
  delete: ({ org, params }) => {
    deleteComponent(org, params.componentId);
    return { success: true };
  },
};
