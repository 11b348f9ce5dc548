import type { Http } from '../core/http.js';

/** `scaling.team` (to be implemented). */
export class Team {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
    void this.#http;
  }
}
