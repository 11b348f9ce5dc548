import type * as z from 'zod/mini';
import { parseOrThrow } from './request-options.js';

/**
 * Builds a request path from a template in the docs' notation, after checking the parameters
 * against their schema (an error names the parameter), and percent-encodes every one:
 * `buildPath('/escalation/policies/{policyId}', PolicyPathParams, { policyId })`.
 */
export const buildPath = <Schema extends z.ZodMiniType<Record<string, string>>>(
  template: string,
  schema: Schema,
  params: z.input<Schema>,
): string => {
  const valid: Record<string, string> = parseOrThrow(schema, params);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(valid[name] ?? ''));
};
