import type { OrderedSchedule } from '../../src/oncall/rotation.js';
import { conditionChecker, escalateFrom, skippedLayers, targetResolver, type ConditionHolds, type ResolveTarget, type RuleLayer } from '../../src/escalation/rules.js';
import type { WeeklyHours } from '../../src/working-hours/within.js';
import type { Millis } from './clock.js';
import { createEscalationLog, incidentCode, logEscalated, logExhausted, logEscalatedAndPaged, logLayerPaged, logLayerSkipped, logStopped, type EscalationLog } from './escalation-log.js';
import { addEscalation, createEscalationRows, FIELD, layerCodeOf, STATE, WIDTH, type EscalationRecord, type EscalationRows } from './escalations.js';
import { intern } from './interned.js';
import { appendPage, appendPageCodes, createPageLog, pageIncidentCode, type PageCause, type PageLog } from './page-log.js';
import { codeIn, createTimerRun, layerPlanOf, planOf, usersAt, type TimerRun } from './step-plans.js';
import { createTimerQueue, nextDue, popTimer, pushTimer, type TimerQueue } from './timers.js';

/**
 * The escalation engine: what happens to an incident's escalation when it opens, when a timer runs
 * out, and on acknowledge, handoff, resolve and policy deletion. Plain functions over the engine's
 * own data (escalation rows, timers, page log, escalation log); the rules themselves (who a layer
 * pages, skipping, exhaustion) are `src/escalation/rules.ts`, shared with `simulateEscalation()`. It
 * knows nothing of the store: it reads an organization through `EscalationOrg`, which the store's
 * records satisfy. Policy edits apply live: a timer pages whatever layer is at the next position
 * when it fires.
 */

export type { EscalationRecord } from './escalations.js';

/** What the engine reads of an organization, live, at each step: its policies' layers, schedules and members. */
export type EscalationOrg = {
  readonly policies: ReadonlyMap<string, { readonly id: string; readonly layers: readonly RuleLayer[] }>;
  /** A schedule's layers in position order, which is what the rotation needs. */
  readonly schedules: ReadonlyMap<string, OrderedSchedule>;
  readonly users: { has(userId: string): boolean };
  /** The working-hours sets that layer conditions name, read at the instant a layer is reached. */
  readonly workingHours: ReadonlyMap<string, WeeklyHours>;
};

/** All the engine writes: every escalation's state, pending timers, every page, and the escalation part of every audit trail. */
export type EscalationEngine = {
  /** One row per escalation (see `escalations.ts`). */
  escalations: EscalationRows;
  /** Pending escalation timers, soonest first, each holding the row of the escalation it is for. */
  timers: TimerQueue<number>;
  /** Every page, in the order it happened. */
  pages: PageLog;
  log: EscalationLog;
};

export const createEscalationEngine = (): EscalationEngine => ({
  escalations: createEscalationRows(),
  timers: createTimerQueue<number>(),
  pages: createPageLog(),
  log: createEscalationLog(),
});

const MINUTE = 60_000;

type Resolvers = { live: ResolveTarget; timed: ResolveTarget; holds: ConditionHolds };
const resolvers = new WeakMap<EscalationOrg, Resolvers>();

/**
 * Pages only current members, for schedule and users targets alike: a removed member gets nothing.
 * The resolvers read the org live, so one pair per org serves every step.
 *
 * `timed` serves timers and remembers a schedule's paging targets for the instant it last resolved:
 * a burst of incidents escalating together asks the same question thousands of times. It is safe
 * because timers fire only at instants later than any change made from outside (requests and test
 * helpers act at the clock's now, and every timer due by then has fired), so a remembered answer is
 * never older than the data. `live` (opening, handoff) never remembers.
 */
const resolversFor = (org: EscalationOrg): Resolvers => {
  let pair = resolvers.get(org);
  if (!pair) {
    const live = targetResolver((scheduleId) => org.schedules.get(scheduleId), (userId) => org.users.has(userId));
    const remembered = new Map<string, { at: number; userIds: readonly string[] }>();
    const timed: ResolveTarget = (target, at) => {
      if (target.type !== 'schedule') return live(target, at);
      const hit = remembered.get(target.scheduleId);
      if (hit?.at === at) return hit.userIds;
      const userIds = live(target, at);
      remembered.set(target.scheduleId, { at, userIds });
      return userIds;
    };
    pair = { live, timed, holds: conditionChecker((workingHoursId) => org.workingHours.get(workingHoursId)) };
    resolvers.set(org, pair);
  }
  return pair;
};

/**
 * Pages each user about the incident (`logCode` and `pageCode`: its codes in the escalation log and
 * the page log) as the layer given, and writes the step's `layer_paged`. Positional, so that a step
 * allocates nothing here.
 */
const page = (
  engine: EscalationEngine,
  orgId: string,
  logCode: number,
  pageCode: number,
  userIds: readonly string[],
  layerId: string | null,
  position: number | null,
  cause: PageCause,
  at: Millis,
  escalatedFromBefore = false,
) => {
  const { pages } = engine;
  const firstPage = pages.size;
  for (const userId of userIds) appendPage(pages, orgId, pageCode, userId, layerId, position, at, cause);
  (escalatedFromBefore ? logEscalatedAndPaged : logLayerPaged)(engine.log, logCode, at, firstPage, userIds.length);
};

/** The page-log code of the escalation's incident, looked up at its first page (or its first after a restore). */
const pageCodeOf = (engine: EscalationEngine, row: number) => {
  const { numbers, incidentId } = engine.escalations;
  const slot = row * WIDTH + FIELD.pageCode;
  const code = numbers[slot]!;
  return code === 0 ? (numbers[slot] = pageIncidentCode(engine.pages, incidentId[row]!)) : code;
};

const arm = (engine: EscalationEngine, row: number, due: Millis) => {
  const { numbers } = engine.escalations;
  numbers[row * WIDTH + FIELD.nextEscalationAt] = due;
  pushTimer(engine.timers, due, row, numbers[row * WIDTH + FIELD.generation]!);
};

/**
 * Pages the first layer at or after `position` that resolves to someone, or exhausts. A step that a
 * timer started is written down as `escalated` first, unless nothing at all was left to reach (then
 * the trail says only that escalation is exhausted).
 */
const escalate = (engine: EscalationEngine, org: EscalationOrg, row: number, position: number, at: Millis, cause: 'opened' | 'escalated') => {
  const rows = engine.escalations;
  const { numbers } = rows;
  const base = row * WIDTH;
  const layers = org.policies.get(rows.policyId[row]!)?.layers ?? [];
  const { live, timed, holds } = resolversFor(org);
  const paged = escalateFrom(layers, position, at, cause === 'escalated' ? timed : live, holds);
  const { log } = engine;
  const incident = numbers[base + FIELD.incidentCode]!;
  const reached = numbers[base + FIELD.position]!;
  const from = reached === -1 ? null : reached;
  // The common timer step: the layer right after the last one reached is paged, nothing skipped;
  // its `escalated` and `layer_paged` are written as one entry.
  const common = paged?.position === Math.max(1, position);
  const escalatedFromBefore = common && cause === 'escalated' && from !== null;
  if (common) {
    if (cause === 'escalated' && !escalatedFromBefore) logEscalated(log, incident, at, from);
  } else {
    // Layers were skipped (rare): write the step down entry by entry.
    const skipped = skippedLayers(layers, position, paged, at, holds);
    if (cause === 'escalated' && skipped.length > 0) logEscalated(log, incident, at, from);
    for (const layer of skipped) {
      logLayerSkipped(log, incident, at, layer.position, layer.layerId, layer.reason);
      numbers[base + FIELD.position] = layer.position;
      numbers[base + FIELD.layer] = layerCodeOf(rows, layer.layerId);
    }
  }
  if (paged === null) {
    numbers[base + FIELD.state] = STATE.exhausted;
    numbers[base + FIELD.nextEscalationAt] = Number.NaN;
    logExhausted(log, incident, at);
    return;
  }
  page(engine, rows.orgId[row]!, incident, pageCodeOf(engine, row), paged.userIds, paged.layerId, paged.position, cause, at, escalatedFromBefore);
  numbers[base + FIELD.position] = paged.position;
  numbers[base + FIELD.layer] = layerCodeOf(rows, paged.layerId);
  arm(engine, row, at + paged.timeoutMs);
};

/**
 * An incident opened with a policy pages its layer 1 at once; the store keeps the record returned.
 * The escalation names its policy by the policy's own id string, which every escalation under it
 * then shares: each step looks the policy up, and a shared string is found by comparing pointers,
 * where one of its own (every id read from a request body is) is read and compared character by
 * character.
 */
export const startEscalation = (
  engine: EscalationEngine,
  org: EscalationOrg,
  incident: { orgId: string; incidentId: string; policyId: string },
  at: Millis,
): EscalationRecord => {
  const escalation = addEscalation(engine.escalations, {
    orgId: incident.orgId,
    incidentId: incident.incidentId,
    incidentCode: incidentCode(engine.log, incident.incidentId),
    policyId: org.policies.get(incident.policyId)?.id ?? incident.policyId,
    state: 'active',
    position: null,
    layerId: null,
    nextEscalationAt: Number.NaN,
    generation: 0,
  });
  escalate(engine, org, escalation.row, 1, at, 'opened');
  return escalation;
};

/** Bumping the generation is how a pending timer is cancelled: it is dropped when it comes up. */
const cancel = ({ rows, row }: EscalationRecord) => {
  rows.numbers[row * WIDTH + FIELD.generation]!++;
  rows.numbers[row * WIDTH + FIELD.nextEscalationAt] = Number.NaN;
};

/** Sets the escalation's state. */
const setState = ({ rows, row }: EscalationRecord, state: number) => {
  rows.numbers[row * WIDTH + FIELD.state] = state;
};

const isRunning = (escalation: EscalationRecord | null): escalation is EscalationRecord =>
  escalation !== null && escalation.state !== 'resolved' && escalation.state !== 'stopped';

/** Acknowledging stops the escalation; it does not change the incident's status. */
export const acknowledgeEscalation = (escalation: EscalationRecord | null) => {
  if (!isRunning(escalation)) return;
  cancel(escalation);
  setState(escalation, STATE.acknowledged);
};

/**
 * The new owner is paged at once (as a page of the current layer) and the timer restarts on the
 * current layer, with the timeout that layer has now; the acknowledgment was cleared by the store.
 * Without a policy (or with a stopped one) the new owner is still paged. With no layer at the
 * current position (deleted since, or none ever reached), the escalation is exhausted.
 */
export const handOffEscalation = (
  engine: EscalationEngine,
  org: EscalationOrg,
  incident: { orgId: string; id: string; escalation: EscalationRecord | null },
  targetUserId: string,
  at: Millis,
) => {
  const { escalation } = incident;
  if (escalation === null) {
    page(engine, incident.orgId, incidentCode(engine.log, incident.id), pageIncidentCode(engine.pages, incident.id), [targetUserId], null, null, 'handoff', at);
    return;
  }
  const { row, position } = escalation;
  page(engine, escalation.orgId, escalation.incidentCode, pageCodeOf(engine, row), [targetUserId], escalation.layerId, position, 'handoff', at);
  if (!isRunning(escalation)) return;
  const current = position === null ? undefined : org.policies.get(escalation.policyId)?.layers[position - 1];
  cancel(escalation);
  if (!current) {
    // No layer at the current position: the policy lost it (and every one after it), or the
    // escalation never reached one (the policy had no layers when the incident opened). There is
    // no timer to restart and nothing left to escalate to, so the escalation is exhausted, as when
    // the last layer times out. Left as it was, an acknowledged escalation would outlive its
    // cleared acknowledgment.
    setState(escalation, STATE.exhausted);
    logExhausted(engine.log, escalation.incidentCode, at);
    return;
  }
  setState(escalation, STATE.active);
  arm(engine, row, at + current.ackTimeoutMinutes * MINUTE);
};

/** Resolving stops the escalation for good; the trail says so if it was still paging. */
export const resolveEscalation = (engine: EscalationEngine, escalation: EscalationRecord | null, at: Millis) => {
  if (!isRunning(escalation)) return;
  const wasActive = escalation.state === 'active';
  cancel(escalation);
  setState(escalation, STATE.resolved);
  if (wasActive) logStopped(engine.log, escalation.incidentCode, at, 'resolved');
};

/** Its policy was deleted: the escalation stops, and the trail says so. */
export const stopEscalation = (engine: EscalationEngine, escalation: EscalationRecord | null, at: Millis) => {
  if (!isRunning(escalation)) return;
  cancel(escalation);
  setState(escalation, STATE.stopped);
  logStopped(engine.log, escalation.incidentCode, at, 'policy_deleted');
};

/**
 * A timer ran out: the common step (the next layer pages someone, nothing skipped) from the run's
 * plans, anything else the general way. Writes what `escalate` writes for that step, in its order.
 */
const fireTimer = (engine: EscalationEngine, orgs: ReadonlyMap<string, EscalationOrg>, run: TimerRun<EscalationOrg>, row: number, at: Millis, generation: number) => {
  const rows = engine.escalations;
  const { numbers } = rows;
  const base = row * WIDTH;
  if (numbers[base + FIELD.state] !== STATE.active || numbers[base + FIELD.generation] !== generation) return;
  const key = numbers[base + FIELD.policyKey]!;
  const plan = run.plans[key] ?? planOf(run, key, orgs, rows.orgId[row]!, rows.policyId[row]!);
  if (plan === null) return;
  const reached = numbers[base + FIELD.position]!;
  const position = reached + 1;
  const step = reached >= 1 && position <= plan.layers.length ? layerPlanOf(plan, position) : null;
  const userIds = step === null ? undefined : usersAt(step, at, (plan.resolve ??= resolversFor(plan.org).timed));
  if (step === null || userIds === undefined || userIds.length === 0) {
    escalate(engine, plan.org, row, Math.max(0, reached) + 1, at, 'escalated');
    return;
  }
  // As `page` does, as codes: the incident's, then per page the org's, the user's and the layer's.
  const { pages } = engine;
  const pageCode = pageCodeOf(engine, row);
  const firstPage = pages.size;
  const orgCode = plan.orgCode !== 0 ? plan.orgCode : (plan.orgCode = intern(pages.ids, plan.orgId));
  for (let index = 0; index < userIds.length; index++) {
    const user = codeIn(pages.ids, step.userCodes, index, userIds[index]!);
    const layer = step.layerCode !== 0 ? step.layerCode : (step.layerCode = intern(pages.ids, step.layerId));
    appendPageCodes(pages, at, orgCode, pageCode, user, layer, step.reach);
  }
  logEscalatedAndPaged(engine.log, numbers[base + FIELD.incidentCode]!, at, firstPage, userIds.length);
  numbers[base + FIELD.position] = position;
  numbers[base + FIELD.layer] = step.rowsLayerCode !== -1 ? step.rowsLayerCode : (step.rowsLayerCode = layerCodeOf(rows, step.layerId));
  arm(engine, row, at + step.timeoutMs);
};

/** The clock's view of the timers: when the next one is due, and running those due against the orgs of now. */
export const timersOf = (worldOf: () => { engine: EscalationEngine; orgs: ReadonlyMap<string, EscalationOrg> }) => ({
  nextDue: (): number | undefined => nextDue(worldOf().engine.timers),
  fireDue: (target: number): void => {
    const { engine, orgs } = worldOf();
    const { timers } = engine;
    let run: TimerRun<EscalationOrg> | undefined;
    while (timers.heapSize > 0 && timers.heap[0]! <= target) {
      const timer = popTimer(timers)!;
      fireTimer(engine, orgs, (run ??= createTimerRun()), timer.ref, timer.due, timer.generation);
    }
  },
});
