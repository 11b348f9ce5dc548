// The prose of the public schemas, beside them and never imported by the client: the generated types'
// TSDoc (scripts/schema-types.ts) and the OpenAPI document's descriptions are both made from it.
import { commonDocs } from './common.js';
import { componentDocs } from './components.js';
import { errorDocs } from './errors.js';
import { incidentDocs } from './incidents.js';
import { policyDocs } from './policies.js';
import { policyLayerDocs } from './policy-layers.js';
import { policyStepDocs } from './policy-steps.js';
import { routingDocs } from './routing.js';
import { scheduleDocs } from './schedules.js';
import type { SchemaName, TypeDocs } from './shared.js';
import { teamDocs } from './team.js';
import { workingHoursDocs } from './working-hours.js';

export type { SchemaName, TypeDocs } from './shared.js';

/** Every public schema's docs: a schema without them is a compile error. */
export const schemaDocs: { readonly [Name in SchemaName]: TypeDocs } = {
  ...commonDocs,
  ...errorDocs,
  ...policyLayerDocs,
  ...policyStepDocs,
  ...policyDocs,
  ...incidentDocs,
  ...scheduleDocs,
  ...teamDocs,
  ...componentDocs,
  ...workingHoursDocs,
  ...routingDocs,
};
