import * as z from 'zod/mini';
import { dataEnvelope, Id, PageCursor, PageLimit, PageLimitQuery, PathId, Timestamp, type Known } from './common.js';

/** `/components/{componentId}` */
export const ComponentPathParams = z.strictObject({ componentId: PathId });
export type ComponentPathParams = Known<z.infer<typeof ComponentPathParams>>;

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

/**
 * What a status page shows for a component. Derived, read-only: an admin override first, then the
 * worst of an active maintenance window and the open incidents that list the component.
 */
export const ComponentOperationalStatus = z.enum(['operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance']);
export type ComponentOperationalStatus = Known<z.infer<typeof ComponentOperationalStatus>>;

/** The maintenance interval in force: `endsAt` `null` when it has no planned end. */
export const MaintenanceWindow = z.looseObject({ startedAt: Timestamp, endsAt: z.nullable(Timestamp) });
export type MaintenanceWindow = Known<z.infer<typeof MaintenanceWindow>>;

/** Body of `POST /components`. `name` must be unique in the organization. */
export const ComponentCreateParams = z.strictObject({
  name: ComponentName,
  description: z.optional(ComponentDescription),
  groupLabel: z.optional(GroupLabel),
  aliases: z.optional(ComponentAliases),
});
export type ComponentCreateParams = z.input<typeof ComponentCreateParams>;

/** Body of `PATCH /components/{componentId}`: only the fields you send change; `null` clears; `aliases` replaces the set. */
export const ComponentUpdateParams = z.strictObject({
  name: z.optional(ComponentName),
  description: z.optional(ComponentDescription),
  groupLabel: z.optional(GroupLabel),
  aliases: z.optional(ComponentAliases),
}).check(
  z.refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'must contain at least one of name, description, groupLabel, aliases',
  }),
);
export type ComponentUpdateParams = z.input<typeof ComponentUpdateParams>;

/** Query of `GET /components`, as the SDK takes it. */
export const ComponentListParams = z.strictObject({
  limit: z.optional(PageLimit),
  cursor: z.optional(PageCursor),
});
export type ComponentListParams = z.input<typeof ComponentListParams>;

/** The same query as it arrives in a query string (every value a string). */
export const ComponentListQuery = z.strictObject({
  ...ComponentListParams.shape,
  limit: z.optional(PageLimitQuery),
});

/**
 * A catalog component as the API returns it (unknown fields are kept). The Terraform provider's
 * model has no `groupLabel`: a response without it reads as `null` (ungrouped) instead of failing;
 * one without `aliases` reads as `[]`, as the provider reads it.
 */
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
export type Component = Known<z.infer<typeof Component>>;

/** One page of `GET /components`, in creation order; `nextCursor` is `null` on the last page. */
export const ComponentPage = z.looseObject({ components: z.array(Component), nextCursor: z.nullable(z.string()) });
export type ComponentPage = Known<z.infer<typeof ComponentPage>>;

export const ComponentResponse = dataEnvelope(Component);
export const ComponentPageResponse = dataEnvelope(ComponentPage);
