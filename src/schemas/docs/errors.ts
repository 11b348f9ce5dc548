import type { DocsOf } from './shared.js';

export const errorDocs: DocsOf<'ErrorType' | 'ErrorCode' | 'ErrorBody'> = {
  ErrorType: {
    summary:
      'The `type` of an API error: the broad class of failure. A 403 has no documented type; the mock sends `permission_error`.',
  },
  ErrorCode: {
    summary:
      'Every error `code` the API documents, and those the SDK’s documented decisions add. `ScalingAPIError.code` is one ' +
      'of these, or a code newer than this version of the SDK.',
  },
  ErrorBody: {
    summary: 'The body of every error response. The API reference shows no `message`; the Terraform provider reads one: both parse.',
    fields: {
      statusCode: 'The HTTP status, repeated.',
      type: 'The broad class of failure: one of `ErrorType`.',
      code: 'What exactly failed: one of `ErrorCode`. Branch on this, never on `message`.',
      message: 'An explanation for people; its wording may change.',
      requestId: 'The request’s id, as in the `x-request-id` header: quote it to support.',
    },
  },
};
