import type { Http } from '../core/http.js';

/** `scaling.schedules` (to be implemented). */
export class Schedules {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
    void this.#http;
  }
}
