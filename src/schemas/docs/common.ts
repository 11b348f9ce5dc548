import type { DocsOf } from './shared.js';

export const commonDocs: DocsOf<'Id' | 'Timestamp' | 'DeleteResponse'> = {
  Id: {
    summary:
      'An opaque resource id. The API shows prefixed ids (`pol_01jq…`, `layer_01jq…`) but promises no format: ' +
      'the SDK checks only that an id is a non-empty string (and, in a URL path, not `.` or `..`).',
  },
  Timestamp: { summary: 'An ISO 8601 instant as the API sends it (`2026-04-07T10:00:00.000Z`), kept as a string.' },
  DeleteResponse: {
    summary:
      'What a `DELETE` answers: `{ success: true }`, or an empty body (a 204). The SDK’s `delete` methods resolve to `void`.',
    fields: { success: 'Always `true`: a delete that fails answers an error instead.' },
  },
};
