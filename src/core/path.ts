import type * as z from 'zod/mini';
import { parseOrThrow } from './request-options.js';

/**
 * Builds a request path from a template in the docs' notation, after checking the parameters
 * against their schema (an error names the parameter), and percent-encodes every one:
 * `buildPath('/escalation/policies/{policyId}', PolicyPathParams, { policyId })`.
 */
export const buildPath = (template: string, schema: z.core.$ZodType, params: unknown): string => {
  const valid = parseOrThrow(schema, params) as Record<string, string>;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(valid[name] ?? ''));
};
