import type { WorkingHours } from '../../src/schemas/working-hours.js';
import { iso } from './views.js';
import type { WorkingHoursRecord } from './state.js';

export const workingHoursView = (set: WorkingHoursRecord): WorkingHours => ({
  id: set.id,
  orgId: set.orgId,
  name: set.name,
  timezone: set.timezone,
  windows: set.windows.map(({ days, start, end }) => ({ days: [...days], start, end })),
  createdAt: iso(set.createdAt),
  updatedAt: iso(set.updatedAt),
});
