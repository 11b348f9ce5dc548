import type { LayerTarget } from '../schemas/policy-layers.js';

// The steps of `policies.layers.sync` (planned in `src/resources/layer-sync.ts`). Types only, kept
// under core so that `ScalingSyncError` can name them without importing the resource that throws it.

/** The fields an update step sends: only those that differ. */
export type LayerSyncChanges = { ackTimeoutMinutes?: number; target?: LayerTarget };

/** `position` is the layer's position when deleted (deletes run bottom up, so it is also its current one). */
export type SyncDeleteStep = { action: 'delete'; layerId: string; position: number };
export type SyncUpdateStep = { action: 'update'; layerId: string; changes: LayerSyncChanges };
/** `position` is the final one. `layerId` is set once the step has run. */
export type SyncCreateStep = {
  action: 'create';
  position: number;
  ackTimeoutMinutes: number;
  target: LayerTarget;
  layerId?: string;
};
/**
 * Every layer id in the final order. `null` stands for the layer the create step at that position
 * makes (index i ↔ position i + 1): it is only known once created, and is filled in when executed.
 */
export type SyncReorderStep = { action: 'reorder'; layerIds: Array<string | null> };
export type SyncStep = SyncDeleteStep | SyncUpdateStep | SyncCreateStep | SyncReorderStep;
