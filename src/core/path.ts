import { ScalingValidationError } from './errors.js';

/**
 * Builds a request path from a template in the docs' notation and percent-encodes every parameter:
 * `buildPath('/escalation/policies/{policyId}', { policyId })`. An id of `''`, `.` or `..` would
 * change which resource the URL names, so it is refused before anything is sent, naming the parameter.
 */
export const buildPath = <Name extends string>(template: string, params: Record<Name, string>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: Name) => {
    const value: unknown = params[name];
    if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
      throw new ScalingValidationError([{ path: name, message: 'must be a non-empty id' }]);
    }
    return encodeURIComponent(value);
  });
