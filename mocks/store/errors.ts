/**
 * A refusal by the mock's business rules, with the API's status, type and code. Store functions
 * throw it; the route wrapper turns it into the one error body. `field`, when the rule is about one
 * field, lets the test helpers name it in their own path (`layers[1].name`); the API body never shows it.
 */
export class MockApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) =>
  new MockApiError(404, 'invalid_request_error', 'not_found', `No ${what} found with the given id.`);

export const badRequest = (code: string, message: string, field?: string) =>
  new MockApiError(400, 'invalid_request_error', code, message, field);

export const conflict = (code: string, message: string, field?: string) =>
  new MockApiError(409, 'invalid_request_error', code, message, field);

/**
 * Names are unique among their kind in their scope (`in this organization`, `on this schedule`),
 * compared exactly: case and spaces count.
 */
export const assertNameFree = (
  records: Iterable<{ id: string; name: string }>,
  name: string,
  what: { kind: string; scope: string },
  except?: string,
) => {
  for (const record of records) {
    if (record.name === name && record.id !== except) {
      throw conflict('name_conflict', `A ${what.kind} named "${name}" already exists ${what.scope}.`, 'name');
    }
  }
};

/**
 * The `type` the API gives each error status (digest §1.4): one place, for the mock's ready-made
 * errors (`scalingError`, fault rules). 403 has no documented type; the mock uses `permission_error`.
 */
export const errorTypeFor = (status: number): string => {
  if (status === 401) return 'not_authorized_error';
  if (status === 403) return 'permission_error';
  if (status === 422) return 'validation_error';
  if (status === 429) return 'rate_limit_error';
  return status >= 500 ? 'internal_error' : 'invalid_request_error';
};
