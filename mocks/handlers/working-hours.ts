import type { EndpointTable } from '../../src/endpoints/index.js';
import { workingHoursView } from '../store/working-hours-views.js';
import { createWorkingHours, deleteWorkingHours, getWorkingHours, listWorkingHours, updateWorkingHours } from '../store/working-hours.js';
import type { RouteHandles } from './route.js';

export const workingHoursRoutes: RouteHandles<EndpointTable['workingHours']> = {
  list: ({ org }) => ({ data: listWorkingHours(org).map(workingHoursView) }),
  create: ({ state, org, body, now }) => ({ data: workingHoursView(createWorkingHours(state, org, body, now)) }),
  get: ({ org, params }) => ({ data: workingHoursView(getWorkingHours(org, params.workingHoursId)) }),
  update: ({ org, params, body, now }) => ({ data: workingHoursView(updateWorkingHours(org, params.workingHoursId, body, now)) }),
  delete: ({ org, params }) => {
    deleteWorkingHours(org, params.workingHoursId);
    return { success: true };
  },
};
