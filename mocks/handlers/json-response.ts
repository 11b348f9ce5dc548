/**
 * The mock's JSON answers, as MSW's `HttpResponse.json` makes them (`content-type`, `content-length`,
 * the status's reason phrase) without its per-response work: a `Headers` copy, a `Blob` to count the
 * bytes, and the cookie bookkeeping of its `Response` subclass, which no answer of the API needs.
 */

/** The reason phrases of the statuses an answer can have (the API's, and a fault rule's 4xx/5xx). */
const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed',
  418: "I'm a Teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked',
  424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 510: 'Not Extended', 511: 'Network Authentication Required',
};

const encoder = new TextEncoder();
const NOT_ASCII = /[^\x00-\x7f]/;

/** UTF-8 bytes: the characters themselves for ASCII, which nearly every answer is. */
const byteLength = (text: string) => (NOT_ASCII.test(text) ? encoder.encode(text).byteLength : text.length);

/** `body` as JSON, with the request id every answer of the API carries. */
export const jsonResponse = (body: unknown, status: number, requestId: string): Response => {
  const text = JSON.stringify(body);
  return new Response(text, {
    status,
    statusText: REASONS[status] ?? '',
    headers: [
      ['content-type', 'application/json'],
      ['content-length', String(byteLength(text))],
      ['x-request-id', requestId],
    ],
  });
};
