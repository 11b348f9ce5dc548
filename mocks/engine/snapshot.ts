import type { EscalationEngine } from './escalation.js';
import { escalationLogData, escalationLogFrom, type EscalationLogData } from './escalation-log.js';
import { createEscalationRows, type EscalationRecord } from './escalations.js';
import { pageLogData, pageLogFrom, type PageLogData } from './page-log.js';
import { arrayAt, finiteAt, integerAt, isObject, objectAt, refuse, stringAt, type NoneMissing } from './snapshot-check.js';
import { createTimerQueue, pendingTimers, pushTimer } from './timers.js';

/**
 * The engine's part of a mock's snapshot, as plain data: log columns become arrays of numbers, and
 * a timer names the incident whose escalation it is for (restored, it holds that escalation's new
 * row, as the original held the old one). The escalations themselves are the incidents' (a snapshot
 * keeps each with its incident): a restore adds their rows as it reads the incidents back.
 */
export type TimerData = { due: number; orgId: string; incidentId: string; generation: number };
export type EngineData = { timers: TimerData[]; pages: PageLogData; log: EscalationLogData };
export type EngineFieldsCarried = NoneMissing<Exclude<keyof EscalationEngine, keyof EngineData | 'escalations'>>;

export const engineData = (engine: EscalationEngine): EngineData => {
  const rows = engine.escalations;
  return {
    timers: pendingTimers(engine.timers).map(({ due, ref, generation }) => ({ due, orgId: rows.orgId[ref]!, incidentId: rows.incidentId[ref]!, generation })),
    pages: pageLogData(engine.pages),
    log: escalationLogData(engine.log),
  };
};

/**
 * The page and escalation logs back, with no escalation and no timer yet: those need the restored
 * incidents (`restoreEscalation`, then `armTimers`).
 */
export const engineFrom = (value: unknown, where: string): EscalationEngine => {
  const data = objectAt(value, where);
  const pages = pageLogFrom(data.pages, `${where}.pages`);
  return { escalations: createEscalationRows(), timers: createTimerQueue<number>(), pages, log: escalationLogFrom(data.log, `${where}.log`, pages) };
};

/** Arms the snapshot's timers in their firing order, each on the escalation `escalationOf` finds. */
export const armTimers = (
  engine: EscalationEngine,
  value: unknown,
  where: string,
  escalationOf: (orgId: string, incidentId: string) => EscalationRecord | null | undefined,
) => {
  const timers = arrayAt(value, `${where}.timers`);
  for (let i = 0; i < timers.length; i++) {
    const timer = timers[i] as Record<string, unknown>;
    const { orgId, incidentId, due, generation } = isObject(timer) ? timer : {};
    const escalation = typeof orgId === 'string' && typeof incidentId === 'string' ? escalationOf(orgId, incidentId) : undefined;
    if (!escalation || typeof due !== 'number' || !Number.isFinite(due) || !Number.isInteger(generation) || (generation as number) < 0) {
      const at = `${where}.timers[${i}]`;
      objectAt(timer, at);
      stringAt(orgId, `${at}.orgId`);
      stringAt(incidentId, `${at}.incidentId`);
      if (!escalation) refuse(`${at}.incidentId`, `must name an incident of org ${orgId} with an escalation policy`, incidentId);
      finiteAt(due, `${at}.due`);
      integerAt(generation, `${at}.generation`);
    }
    pushTimer(engine.timers, due as number, escalation!.row, generation as number);
  }
};
