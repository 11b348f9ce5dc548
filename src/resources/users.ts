import type { Http } from '../core/http.js';
import type { RequestOptions } from '../core/request-options.js';
import type { ScalingPromise } from '../core/scaling-promise.js';
import { userEndpoints as endpoints } from '../endpoints/team.js';
import type { User } from '../schemas/team.js';

/** `scaling.users`: the organization's users. Any member's key may read them. */
export class Users {
  readonly #http: Http;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.#http = http;
  }

  /** Every user of the organization (unpaginated). Name parts and email may be `null`. */
  list(options?: RequestOptions): ScalingPromise<User[]> {
    return this.#http.call(endpoints.list, {}, options);
  }
}
