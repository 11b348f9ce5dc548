import type { SeedInput } from './seed.js';

/**
 * `scaling-mock --seed example`: `examples/seed.json` built into the command, so that the documented
 * command works after an install (the package does not ship `examples/`). The same orgs, users,
 * schedules and policy, without the file's fixed API keys: the server makes a key for each org on
 * every start and prints it (`--id-seed` pins them), as it does without a seed, so a server started
 * from the package's own example never answers to a key anybody can read in the package.
 * `test/server/cli.test.ts` keeps it equal to the file, keys aside.
 */
export const exampleSeed: SeedInput = {
  "orgs": [
    {
      "default": true,
      "adminRef": "ada",
      "users": [
        {
          "ref": "alice",
          "firstName": "Alice",
          "lastName": "Primary",
          "email": "alice@acme.test"
        },
        {
          "ref": "bob",
          "firstName": "Bob",
          "lastName": "Primary",
          "email": "bob@acme.test"
        },
        {
          "ref": "carol",
          "firstName": "Carol",
          "lastName": "Secondary",
          "email": "carol@acme.test"
        },
        {
          "ref": "lead",
          "firstName": "Lee",
          "lastName": "Lead",
          "email": "lead@acme.test",
          "role": "org:admin"
        }
      ],
      "schedules": [
        {
          "ref": "primary",
          "name": "Platform primary",
          "timezone": "Europe/Paris",
          "layers": [
            {
              "name": "Weekly",
              "rotationType": "weekly",
              "handoffTime": "09:00",
              "effectiveFrom": "2026-04-06T09:00:00+02:00",
              "participants": [
                "alice",
                "bob"
              ]
            }
          ]
        },
        {
          "ref": "secondary",
          "name": "Platform secondary",
          "timezone": "America/New_York",
          "layers": [
            {
              "rotationType": "daily",
              "participants": [
                "carol",
                "ada"
              ]
            }
          ]
        }
      ],
      "policies": [
        {
          "ref": "platform",
          "name": "Platform Default",
          "description": "Primary for 5 minutes, then secondary for 10, then the lead",
          "layers": [
            {
              "ackTimeoutMinutes": 5,
              "target": {
                "schedule": "primary"
              }
            },
            {
              "ackTimeoutMinutes": 10,
              "target": {
                "schedule": "secondary"
              }
            },
            {
              "ackTimeoutMinutes": 15,
              "target": {
                "users": [
                  "lead"
                ]
              }
            }
          ]
        }
      ],
      "components": [
        {
          "ref": "checkout",
          "name": "Checkout API",
          "description": "Takes payments"
        }
      ],
      "routingPolicies": [
        {
          "ref": "prod-paging",
          "name": "Production paging",
          "description": "",
          "rules": [
            {
              "severity": "critical",
              "outcome": "incident",
              "escalationPolicy": "platform"
            },
            {
              "severity": "high",
              "outcome": "incident",
              "escalationPolicy": "platform"
            },
            {
              "severity": "medium",
              "outcome": "notification",
              "escalationPolicy": null
            },
            {
              "severity": "low",
              "outcome": "drop",
              "escalationPolicy": null
            }
          ]
        }
      ],
      "inboundIntegrations": [
        {
          "ref": "datadog",
          "name": "Datadog",
          "component": "checkout",
          "selectors": [
            {
              "matchers": [
                {
                  "key": "env",
                  "value": "prod"
                }
              ],
              "routingPolicy": "prod-paging"
            }
          ]
        }
      ]
    },
    {
      "name": "Other tenant",
      "users": [
        {
          "ref": "olga",
          "firstName": "Olga",
          "email": "olga@other.test"
        }
      ]
    }
  ]
};
