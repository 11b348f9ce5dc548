import type * as z from 'zod/mini';
import type { ScalingMock } from '../types.js';

/**
 * One test control of the standalone server (`/__mock…`), described once: the server routes by these
 * entries, and `mock-openapi.json` is built from them and their docs (`control-docs.ts`). The schemas
 * are the ones the handler reads its input with.
 */
export type ControlEndpoint<Context extends { mock: ScalingMock } = { mock: ScalingMock }, Body = never> = {
  /** The `operationId`: `clock.advance`. */
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Below `/__mock`: `/clock/advance`. */
  path: string;
  /** The query as the document describes it (typed: `position` is an integer). */
  query?: z.core.$ZodType;
  /** The JSON body, as the handler parses it. */
  body?: z.core.$ZodType;
  /** `false` when the body may be left out (an empty body reads as `{}`). */
  bodyRequired?: boolean;
  /** Opens without the control header: the timeline page and its assets, which a browser opens directly. */
  open?: boolean;
  /** The answer: plain data (sent as JSON) or a `Response` of its own (a page, an SVG). */
  handle: (ctx: Context, url: URL, body: Body) => Promise<unknown>;
};
