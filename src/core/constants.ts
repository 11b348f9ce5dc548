/** The documented base URL; every path is relative to it. */
export const DEFAULT_BASE_URL = 'https://api.scaling.cloud/v1';
