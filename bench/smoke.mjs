// `node bench/index.mjs --smoke` (part of `npm test`): every benchmark runs end to end at a tiny size,
// so that `npm run bench` cannot rot between the runs that measure; its figures mean nothing and no
// target is checked.
export const SMOKE = process.argv.includes('--smoke');

/** The full size, or the smoke run's. */
export const sized = (full, smoke) => (SMOKE ? smoke : full);
