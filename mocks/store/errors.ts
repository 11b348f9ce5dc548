/**
 * A refusal by the mock's business rules, with the API's status, type and code. Store functions
 * throw it; the route wrapper turns it into the one error body.
 */
export class MockApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) =>
  new MockApiError(404, 'invalid_request_error', 'not_found', `No ${what} found with the given id.`);

export const badRequest = (code: string, message: string) =>
  new MockApiError(400, 'invalid_request_error', code, message);

export const conflict = (code: string, message: string) =>
  new MockApiError(409, 'invalid_request_error', code, message);
