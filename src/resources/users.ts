import type { Http } from '../core/http.js';

/** `scaling.users` (to be implemented). */
export class Users {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
    void this.#http;
  }
}
