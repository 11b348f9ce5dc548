import * as z from 'zod/mini';
import { dataEnvelope, Id, PathId, Timestamp, type Known } from './common.js';

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

/** Body of `POST /components`. `name` must be unique in the organization. */
export const ComponentCreateParams = z.strictObject({
  name: ComponentName,
  description: z.optional(ComponentDescription),
  groupLabel: z.optional(GroupLabel),
});
export type ComponentCreateParams = z.input<typeof ComponentCreateParams>;

/** Body of `PATCH /components/{componentId}`: only the fields you send change; `null` clears. */
export const ComponentUpdateParams = z.strictObject({
  name: z.optional(ComponentName),
  description: z.optional(ComponentDescription),
  groupLabel: z.optional(GroupLabel),
}).check(
  z.refine((body) => body.name !== undefined || body.description !== undefined || body.groupLabel !== undefined, {
    message: 'must contain at least one of name, description, groupLabel',
  }),
);
export type ComponentUpdateParams = z.input<typeof ComponentUpdateParams>;

/**
 * A catalog component as the API returns it (unknown fields are kept). The Terraform provider's
 * model has no `groupLabel`: a response without it reads as `null` (ungrouped) instead of failing.
 */
export const Component = z.looseObject({
  id: Id,
  orgId: Id,
  name: z.string(),
  description: z.nullable(z.string()),
  groupLabel: z._default(z.nullable(z.string()), null),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Component = Known<z.infer<typeof Component>>;

export const ComponentResponse = dataEnvelope(Component);
export const ComponentListResponse = dataEnvelope(z.array(Component));
