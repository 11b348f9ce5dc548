import * as z from 'zod/mini';
import { dataEnvelope, Id, PageCursor, PageLimit, PageLimitQuery, PathId, Timestamp } from './common.js';

// `/components/{componentId}`
export const ComponentPathParams = z.strictObject({ componentId: PathId });

const ComponentName = z.string().check(
  z.minLength(1, 'must be 1 to 100 characters'),
  z.maxLength(100, 'must be 1 to 100 characters'),
);
const ComponentDescription = z.nullable(z.string().check(z.maxLength(10_000, 'must be at most 10000 characters')));
/** Groups components on status pages. `null` (or absent on create) means ungrouped. */
const GroupLabel = z.nullable(
  z.string().check(z.minLength(1, 'must be 1 to 100 characters'), z.maxLength(100, 'must be 1 to 100 characters')),
);

/** The most aliases a component may have. */
export const MAX_COMPONENT_ALIASES = 50;

/**
 * Other names alerts can resolve the component by: up to 50, each 1–255 characters, kept exactly
 * as sent (order and case too). Always a whole set: sending it replaces the previous one.
 */
const ComponentAliases = z.array(
  z.string().check(z.minLength(1, 'must be 1 to 255 characters'), z.maxLength(255, 'must be 1 to 255 characters')),
).check(z.maxLength(MAX_COMPONENT_ALIASES, `must list at most ${MAX_COMPONENT_ALIASES} aliases`));

// What a status page shows for a component. Derived, read-only: an admin override first, then the
// worst of an active maintenance window and the open incidents that list the component.
export const ComponentOperationalStatus = z.enum(['operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance']);

// The maintenance interval in force: `endsAt` `null` when it has no planned end.
export const MaintenanceWindow = z.looseObject({ startedAt: Timestamp, endsAt: z.nullable(Timestamp) });

// Body of `POST /components`. `name` must be unique in the organization.
export const ComponentCreateParams = z.strictObject({
  name: ComponentName,
  description: z.optional(ComponentDescription),
  groupLabel: z.optional(GroupLabel),
  aliases: z.optional(ComponentAliases),
});

// Body of `PATCH /components/{componentId}`: only the fields you send change; `null` clears; `aliases` replaces the set.
export const ComponentUpdateParams = z.strictObject({
  name: z.optional(ComponentName),
  description: z.optional(ComponentDescription),
  groupLabel: z.optional(GroupLabel),
  aliases: z.optional(ComponentAliases),
}).check(
  z.refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'must contain at least one of name, description, groupLabel, aliases',
    path: ['name'],
  }),
);

// Query of `GET /components`, as the SDK takes it.
export const ComponentListParams = z.strictObject({
  limit: z.optional(PageLimit),
  cursor: z.optional(PageCursor),
});

/** The same query as it arrives in a query string (every value a string). */
export const ComponentListQuery = z.strictObject({
  ...ComponentListParams.shape,
  limit: z.optional(PageLimitQuery),
});

// A catalog component as the API returns it (unknown fields are kept). The Terraform provider's
// model has no `groupLabel`: a response without it reads as `null` (ungrouped) instead of failing;
// one without `aliases` reads as `[]`, as the provider reads it.
export const Component = z.looseObject({
  id: Id,
  orgId: Id,
  name: z.string(),
  description: z.nullable(z.string()),
  groupLabel: z._default(z.nullable(z.string()), null),
  aliases: z._default(z.array(z.string()), []),
  operationalStatus: ComponentOperationalStatus,
  maintenanceWindow: z._default(z.nullable(MaintenanceWindow), null),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

// One page of `GET /components`, in creation order; `nextCursor` is `null` on the last page.
export const ComponentPage = z.looseObject({ components: z.array(Component), nextCursor: z.nullable(z.string()) });

export const ComponentResponse = dataEnvelope(Component);
export const ComponentPageResponse = dataEnvelope(ComponentPage);

// Types generated from the schemas above and their docs (./docs/) by `npm run types:schemas`: do not edit
// below this line (test/schema-types.test.ts fails when it is stale).

/** The path parameters of `/components/{componentId}`. */
export interface ComponentPathParams {
  /** The component’s id. A non-empty string. */
  componentId: string;
}

/**
 * What a status page shows for a component. Read-only, derived: an admin’s override first, then the worst of
 * an active maintenance window and the open incidents that list the component.
 */
export type ComponentOperationalStatus =
  | 'operational'
  | 'degraded'
  | 'partial_outage'
  | 'major_outage'
  | 'maintenance';

/** The maintenance in force on a component. */
export interface MaintenanceWindow {
  /** When it started (ISO 8601). */
  startedAt: string;
  /** When it is planned to end (ISO 8601), or `null` for no planned end. */
  endsAt: string | null;
}

/** The body of `components.create`. */
export interface ComponentCreateParams {
  /** The component’s name, unique in the organization. A string of 1 to 100 characters. */
  name: string;
  /** Free text; `null` or omitted for none. A string of at most 10000 characters. */
  description?: string | null;
  /** Groups components on status pages; `null` or omitted: ungrouped. A string of 1 to 100 characters. */
  groupLabel?: string | null;
  /**
   * Other names alerts can use for the component, kept as sent (order and case too). Sending it replaces the
   * whole set. A list of at most 50 items, each a string of 1 to 255 characters.
   */
  aliases?: string[];
}

/** The body of `components.update`. Only the fields you send change; it must send at least one. */
export interface ComponentUpdateParams {
  /** The component’s name, unique in the organization. A string of 1 to 100 characters. */
  name?: string;
  /** Free text; `null` clears it. A string of at most 10000 characters. */
  description?: string | null;
  /** Groups components on status pages; `null` ungroups it. A string of 1 to 100 characters. */
  groupLabel?: string | null;
  /**
   * Other names alerts can use for the component, kept as sent (order and case too). Sending it replaces the
   * whole set. A list of at most 50 items, each a string of 1 to 255 characters.
   */
  aliases?: string[];
}

/** The query of `components.list`. */
export interface ComponentListParams {
  /** How many items a page holds (20 when absent). An integer from 1 to 100. */
  limit?: number;
  /** The `nextCursor` of the previous page, passed back unchanged. A non-empty string. */
  cursor?: string;
}

/** A component of the organization’s catalog: a part of the product that incidents can affect. */
export interface Component {
  /** The component’s id. */
  id: string;
  /** The organization it belongs to. */
  orgId: string;
  /** The component’s name, unique in the organization. */
  name: string;
  /** Free text, or `null`. */
  description: string | null;
  /** Its group on status pages, or `null`. `null` when the response leaves it out. */
  groupLabel: string | null;
  /** Other names alerts can use for it. `[]` when the response leaves it out. */
  aliases: string[];
  /** What a status page shows for it. */
  operationalStatus: ComponentOperationalStatus;
  /** The maintenance in force, or `null`. `null` when the response leaves it out. */
  maintenanceWindow: MaintenanceWindow | null;
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). */
  updatedAt: string;
}

/** One page of `components.list`, in creation order. */
export interface ComponentPage {
  /** The components of this page. */
  components: Component[];
  /** Pass it back as `cursor` for the next page; `null` on the last page. */
  nextCursor: string | null;
}

/** A response body as the API sends it: `{ data: Component }`. The SDK’s methods resolve to the `data`. */
export interface ComponentResponse {
  /** The component. */
  data: Component;
}

/**
 * A response body as the API sends it: `{ data: ComponentPage }`. The SDK’s methods resolve to the `data`.
 */
export interface ComponentPageResponse {
  /** One page of components. */
  data: ComponentPage;
}
