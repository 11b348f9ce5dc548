import type { Timeline, TimelineEvent } from './types.js';

/** Words and numbers both renderers share, so the SVG and the text say the same things. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad = (value: number) => String(value).padStart(2, '0');

/** Time since the start, as people say it: `+0`, `+45s`, `+5m`, `+1h05m`, `+2d03h`. */
export const offsetLabel = (ms: number): string => {
  const sign = ms < 0 ? '-' : '+';
  const abs = Math.abs(ms);
  if (abs === 0) return '+0';
  if (abs < MINUTE) return `${sign}${Math.round(abs / SECOND)}s`;
  const seconds = Math.floor((abs % MINUTE) / SECOND);
  const tail = seconds === 0 ? '' : `${pad(seconds)}s`;
  if (abs < HOUR) return `${sign}${Math.floor(abs / MINUTE)}m${tail}`;
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (abs < DAY) return `${sign}${Math.floor(abs / HOUR)}h${minutes === 0 && tail === '' ? '' : pad(minutes) + 'm'}${tail}`;
  const hours = Math.floor((abs % DAY) / HOUR);
  return `${sign}${Math.floor(abs / DAY)}d${hours === 0 ? '' : pad(hours) + 'h'}`;
};

/** `10:05` (or `10:05:30`) UTC: the axis and marker labels. */
export const clockLabel = (ms: number): string => {
  const date = new Date(ms);
  const seconds = date.getUTCSeconds();
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
};

export const nameOf = (timeline: Timeline, userId: string | null): string =>
  userId === null ? 'someone' : (timeline.names[userId] ?? userId);

/** A person as text: `Alice Primary (usr_1)`, or the id alone when no name is known. */
export const personLabel = (timeline: Timeline, userId: string | null): string =>
  userId === null ? 'someone' : timeline.names[userId] === undefined ? userId : `${timeline.names[userId]} (${userId})`;

export const positionLabel = (position: number | null) => (position === null ? 'no layer' : `position ${position}`);

/** What an event says, without its time. */
export const describeEvent = (timeline: Timeline, event: TimelineEvent, withIds = true): string => {
  const who = (userId: string | null) => (withIds ? personLabel(timeline, userId) : nameOf(timeline, userId));
  switch (event.kind) {
    case 'opened':
      return 'incident opened';
    case 'page':
      return `${positionLabel(event.position)}: paged ${who(event.userId)}${event.reason === 'handoff' ? ' (handoff)' : ''}`;
    case 'escalated':
      return event.toPosition === null ? `escalated from ${positionLabel(event.fromPosition)}` : `escalated from ${positionLabel(event.fromPosition)} to ${event.toPosition}`;
    case 'skipped':
      return `position ${event.position}: skipped (${event.reason === 'condition_not_met' ? 'condition not met' : 'nobody to page'})`;
    case 'acknowledged':
      return `acknowledged${event.userId === null ? '' : ` by ${who(event.userId)}`}`;
    case 'handoff':
      return `handed off${event.fromUserId === null ? '' : ` from ${who(event.fromUserId)}`} to ${who(event.toUserId)}`;
    case 'exhausted':
      return 'escalation exhausted: nobody more will be paged';
    case 'resolved':
      return 'resolved';
    case 'stopped':
      return 'escalation stopped: its policy was deleted';
    case 'status':
      return `status ${event.from} → ${event.to}`;
  }
};

/** `Incident inc_1 · Checkout down`, or the simulation's title. */
export const headline = (timeline: Timeline): string =>
  timeline.incidentId === null ? timeline.title : `Incident ${timeline.incidentId} · ${timeline.title}`;

/** `policy Platform (pol_1) · status investigating · escalation active`. */
export const summary = (timeline: Timeline): string =>
  [
    timeline.policy === null ? (timeline.source === 'mock' ? 'no escalation policy' : 'simulated policy') : `policy ${timeline.policy.name ?? '(deleted)'}${timeline.policy.id === null ? '' : ` (${timeline.policy.id})`}`,
    ...(timeline.status === null ? [] : [`status ${timeline.status}`]),
    ...(timeline.escalationState === null ? [] : [`escalation ${timeline.escalationState}`]),
  ].join(' · ');
