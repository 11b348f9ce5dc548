import type { HttpHandler } from 'msw';
import type { MockContext } from './route.js';

export const incidentHandlers = (ctx: MockContext): HttpHandler[] => {
  void ctx;
  return [];
};
