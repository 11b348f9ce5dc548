import type { Http } from '../core/http.js';
import type { RequestOptions } from '../core/request-options.js';
import { type User, UserListResponse } from '../schemas/team.js';

/** `scaling.users`: the organization's users. Any member's key may read them. */
export class Users {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
  }

  /** Every user of the organization (unpaginated). Name parts and email may be `null`. */
  async list(options?: RequestOptions): Promise<User[]> {
    return (await this.#http.request({ method: 'get', path: '/users', response: UserListResponse, options })).data.users;
  }
}
