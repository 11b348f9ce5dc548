import type { HttpHandler } from 'msw';
import type { MockContext } from './route.js';

export const scheduleHandlers = (ctx: MockContext): HttpHandler[] => {
  void ctx;
  return [];
};
