/** Phrases the endpoint descriptions share, so the document says one thing one way. */
export const NO_REPEATS = 'Ids must not repeat.';
export const AT_LEAST_ONE = (fields: string) => `Send at least one of ${fields}; only the fields sent change.`;
