import { CREATED_AT, type DocsOf, envelope, NEXT_CURSOR, ORG_ID, PAGE_CURSOR, PAGE_LIMIT, PARTIAL_UPDATE, UPDATED_AT } from './shared.js';

const NAME = 'The component’s name, unique in the organization.';
const GROUP = 'Groups components on status pages; `null` or omitted: ungrouped.';
const ALIASES = 'Other names alerts can use for the component, kept as sent (order and case too). Sending it replaces the whole set.';

export const componentDocs: DocsOf<
  | 'ComponentPathParams'
  | 'ComponentOperationalStatus'
  | 'MaintenanceWindow'
  | 'ComponentCreateParams'
  | 'ComponentUpdateParams'
  | 'ComponentListParams'
  | 'Component'
  | 'ComponentPage'
  | 'ComponentResponse'
  | 'ComponentPageResponse'
> = {
  ComponentPathParams: { summary: 'The path parameters of `/components/{componentId}`.', fields: { componentId: 'The component’s id.' } },
  ComponentOperationalStatus: {
    summary:
      'What a status page shows for a component. Read-only, derived: an admin’s override first, then the worst of an ' +
      'active maintenance window and the open incidents that list the component.',
  },
  MaintenanceWindow: {
    summary: 'The maintenance in force on a component.',
    fields: { startedAt: 'When it started (ISO 8601).', endsAt: 'When it is planned to end (ISO 8601), or `null` for no planned end.' },
  },
  ComponentCreateParams: {
    summary: 'The body of `components.create`.',
    fields: { name: NAME, description: 'Free text; `null` or omitted for none.', groupLabel: GROUP, aliases: ALIASES },
  },
  ComponentUpdateParams: {
    summary: `The body of \`components.update\`. ${PARTIAL_UPDATE}`,
    fields: {
      name: NAME,
      description: 'Free text; `null` clears it.',
      groupLabel: 'Groups components on status pages; `null` ungroups it.',
      aliases: ALIASES,
    },
  },
  ComponentListParams: {
    summary: 'The query of `components.list`.',
    fields: { limit: PAGE_LIMIT, cursor: PAGE_CURSOR },
  },
  Component: {
    summary: 'A component of the organization’s catalog: a part of the product that incidents can affect.',
    fields: {
      id: 'The component’s id.',
      orgId: ORG_ID,
      name: NAME,
      description: 'Free text, or `null`.',
      groupLabel: 'Its group on status pages, or `null`.',
      aliases: 'Other names alerts can use for it.',
      operationalStatus: 'What a status page shows for it.',
      maintenanceWindow: 'The maintenance in force, or `null`.',
      createdAt: CREATED_AT,
      updatedAt: UPDATED_AT,
    },
  },
  ComponentPage: {
    summary: 'One page of `components.list`, in creation order.',
    fields: { components: 'The components of this page.', nextCursor: NEXT_CURSOR },
  },
  ComponentResponse: envelope('Component', 'The component.'),
  ComponentPageResponse: envelope('ComponentPage', 'One page of components.'),
};
