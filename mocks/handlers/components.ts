import type { EndpointTable } from '../../src/endpoints/index.js';
import { createComponent, deleteComponent, getComponent, listComponents, updateComponent } from '../store/components.js';
import { componentView } from '../store/team-views.js';
import type { RouteHandles } from './route.js';

export const componentRoutes: RouteHandles<EndpointTable['components']> = {
  list: ({ org }) => ({ data: listComponents(org).map(componentView) }),
  create: ({ state, org, body, now }) => ({ data: componentView(createComponent(state, org, body, now)) }),
  get: ({ org, params }) => ({ data: componentView(getComponent(org, params.componentId)) }),
  update: ({ org, params, body, now }) => ({ data: componentView(updateComponent(org, params.componentId, body, now)) }),
  delete: ({ org, params }) => {
    deleteComponent(org, params.componentId);
    return { success: true };
  },
};
