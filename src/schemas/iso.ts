/**
 * `z.iso.datetime()` and `z.iso.date()`: the same schemas (same classes, checks and JSON Schema
 * formats), built without the `z.iso` namespace. A bundler cannot tree-shake a property read through a
 * namespace of a namespace (`z.iso.date`), so `z.iso.…` puts the whole `iso` object in every browser
 * bundle, time and duration formats included (0.25 KB gzipped).
 */
import { ZodMiniISODate, ZodMiniISODateTime } from 'zod/mini';
import { _isoDate, _isoDateTime } from 'zod/v4/core';

export const isoDateTime = (params?: Parameters<typeof _isoDateTime>[1]): ZodMiniISODateTime => _isoDateTime(ZodMiniISODateTime, params);
export const isoDate = (params?: Parameters<typeof _isoDate>[1]): ZodMiniISODate => _isoDate(ZodMiniISODate, params);
