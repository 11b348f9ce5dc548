import type * as z from 'zod/mini';
import { parseOrThrow } from './request-options.js';

/**
 * Builds a request path from a template in the docs' notation, after checking the parameters
 * against their schema (an error names the parameter), and percent-encodes every one:
 * `buildPath('/escalation/policies/{policyId}', PolicyPathParams, { policyId })`.
 */
export const buildPath = (template: string, schema: z.core.$ZodType, params: unknown): string => {
  const valid = parseOrThrow(schema, params) as Record<string, string>;
  const parts = templates.get(template) ?? split(template);
  let path = parts[0]!;
  for (let index = 1; index < parts.length; index += 2) path += encodeURIComponent(valid[parts[index]!] ?? '') + parts[index + 1]!;
  return path;
};

/** Each template split once into text and parameter names (odd indexes): a call only joins them. */
const templates = new Map<string, readonly string[]>();
const split = (template: string) => {
  const parts = template.split(/\{(\w+)\}/);
  templates.set(template, parts);
  return parts;
};
