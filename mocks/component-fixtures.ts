import * as z from 'zod/mini';
import { describeIssues, safeParse, toValidationIssues } from '../src/core/issues.js';
import { ComponentOperationalStatus } from '../src/schemas/components.js';
import type { MockContext } from './handlers/route.js';
import { oneComponentView } from './store/component-views.js';
import type { ScalingMock } from './types.js';

/**
 * `mock.setComponentStatus`: what an admin does in the dashboard (override the status, schedule
 * maintenance), which the API does not offer. A test helper, like `createStatusPage`.
 */

const DateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 datetime with an offset, e.g. 2026-04-07T09:00:00Z' });
const Instant = z.union([z.date(), DateTime], { error: 'must be a Date or an ISO 8601 datetime with an offset' });

const StatusInput = z.strictObject({
  override: z.optional(z.nullable(ComponentOperationalStatus)),
  maintenanceWindow: z.optional(
    z.nullable(
      z.strictObject({ startedAt: Instant, endsAt: z.optional(z.nullable(Instant)) }).check(
        z.refine((window) => window.endsAt == null || new Date(window.endsAt).getTime() > new Date(window.startedAt).getTime(), {
          message: 'endsAt must be after startedAt',
          path: ['endsAt'],
        }),
      ),
    ),
  ),
});

const millis = (instant: Date | string) => new Date(instant).getTime();

export const createComponentFixtures = (ctx: MockContext): Pick<ScalingMock, 'setComponentStatus'> => ({
  setComponentStatus: (componentId, input) => {
    const result = safeParse(StatusInput, input);
    if (!result.success) throw new TypeError(`mock.setComponentStatus: ${describeIssues(toValidationIssues(result.error.issues))}`);
    // Component ids are unique in a mock, so the component is found whichever org holds it.
    const org = [...ctx.state.orgs.values()].find((candidate) => candidate.components.has(componentId));
    const component = org?.components.get(componentId);
    if (!org || !component) throw new RangeError(`mock.setComponentStatus: no component ${componentId} in this mock`);
    const { override, maintenanceWindow } = result.data;
    if (override !== undefined) component.statusOverride = override;
    if (maintenanceWindow !== undefined) {
      component.maintenanceWindow =
        maintenanceWindow === null
          ? null
          : { startedAt: millis(maintenanceWindow.startedAt), endsAt: maintenanceWindow.endsAt == null ? null : millis(maintenanceWindow.endsAt) };
    }
    return oneComponentView(org, component, ctx.clock.nowMs());
  },
});
