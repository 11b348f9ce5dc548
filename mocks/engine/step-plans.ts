import type { ResolveTarget, RuleLayer } from '../../src/escalation/rules.js';
import { intern, type Interned } from './interned.js';

/**
 * What one run of due timers (`fireDue`) works out once and reuses step after step: per policy, its
 * layers as a step pages them. Nothing from outside can act during a run (requests and test helpers
 * act between runs), so nothing the plan read can change under it; plans are dropped when the run
 * ends, and policy edits, membership changes and new schedules apply from the next run on, as they
 * did when every step read them afresh.
 *
 * A plan only answers the common step (the next layer pages someone, nothing skipped); anything
 * else goes the general way (`escalate`), which the plan's answers agree with by construction: a
 * plan's users are what the same resolver gives.
 */

/** A layer as a timer step pages it. */
export type LayerPlan = {
  readonly layerId: string;
  readonly timeoutMs: number;
  /** `(position + 1) * 4 + cause` for a page of this layer caused by escalation (see `page-log.ts`). */
  readonly reach: number;
  readonly layer: RuleLayer;
  /** A `users` target's answer holds for the whole run; a `schedule` target's for the instant `at`. */
  readonly fixed: boolean;
  at: number;
  userIds: readonly string[];
  /**
   * The page log's codes of `userIds` and of the layer, 0 until first paged: interned at the first
   * page, in the order `appendPage` interns them, so the log's ids come out as they always did.
   */
  userCodes: number[];
  layerCode: number;
  /** The layer's code among the escalation rows' layer ids, -1 until first paged. */
  rowsLayerCode: number;
};

export type PolicyPlan<Org> = {
  readonly org: Org;
  readonly orgId: string;
  /** The org's code in the page log, 0 until it is first paged in this run. */
  orgCode: number;
  readonly layers: readonly RuleLayer[];
  /** The org's timer resolver (the engine's), set at the plan's first step. */
  resolve: ResolveTarget | undefined;
  /** By position - 1: `null` for a layer with a condition (the general way checks it). */
  readonly steps: Array<LayerPlan | null | undefined>;
};

/** One run's plans, by the escalation rows' code of the org and policy (`policyKey`); `null`: the org is gone. */
export type TimerRun<Org> = { plans: Array<PolicyPlan<Org> | null | undefined> };

export const createTimerRun = <Org>(): TimerRun<Org> => ({ plans: [] });

/** The plan of the policy, or `null` when the org is gone (its timers do nothing). */
export const planOf = <Org extends { readonly policies: ReadonlyMap<string, { readonly layers: readonly RuleLayer[] }> }>(
  run: TimerRun<Org>,
  key: number,
  orgs: ReadonlyMap<string, Org>,
  orgId: string,
  policyId: string,
): PolicyPlan<Org> | null => {
  const known = run.plans[key];
  if (known !== undefined) return known;
  const org = orgs.get(orgId);
  const plan = org ? { org, orgId, orgCode: 0, layers: org.policies.get(policyId)?.layers ?? [], resolve: undefined, steps: [] } : null;
  while (run.plans.length < key) run.plans.push(undefined);
  run.plans[key] = plan;
  return plan;
};

const MINUTE = 60_000;
const ESCALATED_CAUSE = 1;

/** The plan of the layer at `position` (in the policy's layers), made when a step first reaches it. */
export const layerPlanOf = <Org>(plan: PolicyPlan<Org>, position: number): LayerPlan | null => {
  const known = plan.steps[position - 1];
  if (known !== undefined) return known;
  const layer = plan.layers[position - 1]!;
  // The last layer's condition is never checked (see `escalateFrom`).
  const made: LayerPlan | null =
    layer.condition && position < plan.layers.length
      ? null
      : {
          layerId: layer.id,
          timeoutMs: layer.ackTimeoutMinutes * MINUTE,
          reach: (position + 1) * 4 + ESCALATED_CAUSE,
          layer,
          fixed: layer.target.type === 'users',
          at: Number.NaN,
          userIds: [],
          userCodes: [],
          layerCode: 0,
          rowsLayerCode: -1,
        };
  while (plan.steps.length < position - 1) plan.steps.push(undefined);
  plan.steps[position - 1] = made;
  return made;
};

/** Who the layer pages at `at`, from `resolve` (the engine's timer resolver); codes reset with a new answer. */
export const usersAt = (step: LayerPlan, at: number, resolve: ResolveTarget): readonly string[] => {
  // A `users` target, once answered (`at` no longer `NaN`), holds for the run.
  if (step.at === at || (step.fixed && !Number.isNaN(step.at))) return step.userIds;
  const userIds = resolve(step.layer.target, at);
  step.at = at;
  if (userIds !== step.userIds) {
    step.userIds = userIds;
    step.userCodes = new Array<number>(userIds.length).fill(0);
  }
  return userIds;
};

/** `value`'s code in `table`, interned and remembered in `codes[index]` the first time. */
export const codeIn = (table: Interned, codes: number[], index: number, value: string): number => {
  const code = codes[index]!;
  return code !== 0 ? code : (codes[index] = intern(table, value));
};
