import { badRequest } from './errors.js';
import type { Millis } from './state.js';

/**
 * Rules shared by a policy's and a schedule's ordered layers, whose position is their index: a
 * layer whose position changes is written too (the reorder example in the reference shows new
 * `updatedAt`s), and a reorder must name every layer exactly once.
 */
type Ordered = { id: string; updatedAt: Millis };

/** Stamps the layers from `index` on: their positions have just changed. */
export const touchFrom = (layers: readonly Ordered[], index: number, now: Millis) => {
  for (let i = index; i < layers.length; i++) layers[i]!.updatedAt = now;
};

/**
 * The layers in the order `layerIds` gives, which must be exactly the current set (the schema has
 * already refused repeats); otherwise 400 `invalid_reorder`, naming the strays and the missing.
 */
export const reorderExactly = <Layer extends Ordered>(layers: readonly Layer[], layerIds: readonly string[], owner: 'policy' | 'schedule'): Layer[] => {
  const byId = new Map(layers.map((layer) => [layer.id, layer]));
  const unknown = layerIds.filter((id) => !byId.has(id));
  if (unknown.length > 0 || layerIds.length !== layers.length) {
    const listed = new Set(layerIds);
    const missing = layers.filter((layer) => !listed.has(layer.id)).map((layer) => layer.id);
    const parts = [
      unknown.length > 0 ? `not layers of this ${owner}: ${unknown.join(', ')}` : '',
      missing.length > 0 ? `missing: ${missing.join(', ')}` : '',
    ].filter(Boolean);
    throw badRequest('invalid_reorder', `layerIds must list every layer of the ${owner} exactly once (${parts.join('; ')}).`);
  }
  return layerIds.map((id) => byId.get(id)!);
};
