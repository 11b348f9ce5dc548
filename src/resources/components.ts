import type { Http } from '../core/http.js';

/** `scaling.components` (to be implemented). */
export class Components {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
    void this.#http;
  }
}
