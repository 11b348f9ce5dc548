// Phrases many types share, so that the same field reads the same everywhere.
import type * as schemas from '../index.js';

/** The prose of one public schema: what the type is, and what each field means. */
export type TypeDocs = {
  /** The type's TSDoc: what it is, where it is used. */
  summary: string;
  /**
   * What each field means, by name (a field of a nested anonymous object by its path: `layers.userId`).
   * Limits and formats are not repeated here: the generated TSDoc adds them from the schema.
   */
  fields?: Readonly<Record<string, string>>;
};

export type SchemaName = keyof typeof schemas;
export type DocsOf<Names extends SchemaName> = { readonly [Name in Names]: TypeDocs };

export const ORG_ID = 'The organization it belongs to.';
export const CREATED_AT = 'When it was created (ISO 8601, UTC).';
export const UPDATED_AT = 'When it last changed (ISO 8601, UTC).';
export const CREATED_BY = 'The user who created it.';
export const PAGE_LIMIT = 'How many items a page holds (20 when absent).';
export const PAGE_CURSOR = 'The `nextCursor` of the previous page, passed back unchanged.';
export const NEXT_CURSOR = 'Pass it back as `cursor` for the next page; `null` on the last page.';
export const PARTIAL_UPDATE = 'Only the fields you send change; it must send at least one.';

/** A response body: `{ data: … }`. The SDK’s methods resolve to the `data`. */
export const envelope = (data: string, what: string): TypeDocs => ({
  summary: `A response body as the API sends it: \`{ data: ${data} }\`. The SDK’s methods resolve to the \`data\`.`,
  fields: { data: what },
});
