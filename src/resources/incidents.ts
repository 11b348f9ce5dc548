import type { Http } from '../core/http.js';

/** `scaling.incidents` (to be implemented). */
export class Incidents {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
    void this.#http;
  }
}
