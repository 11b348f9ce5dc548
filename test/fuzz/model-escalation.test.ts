import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createScalingMock } from '../../mocks/index.js';
import {
  Acknowledge,
  AdvanceClock,
  commandArbs,
  CreateLayer,
  CreatePolicy,
  DeleteLayer,
  HandOff,
  OpenIncident,
  type Cmd,
} from './model-escalation-commands.js';
import { HOUR, MINUTE, type Model } from './model-escalation-model.js';
import { checkAgainstModel, newWorld, observed, type Real } from './model-escalation-world.js';
import { FUZZ_RUNS, START } from './support.js';

/**
 * Model-based test of the escalation engine: random sequences of commands (open incidents,
 * acknowledge, hand off, move status, edit policy layers, schedules and working hours while
 * incidents escalate, delete policies, remove members, advance the clock) go through the SDK to the
 * mock and through a reference model written from the rules of docs/decisions.md (`model-escalation-model.ts`;
 * the commands are in `model-escalation-commands.ts`, the world and the comparison in
 * `model-escalation-world.ts`). After every command every page (who, when, which layer, why), every
 * incident's `escalation` and its audit trail must equal the model's. fast-check shrinks a failure
 * to a minimal sequence of commands, printed with the seed that replays it.
 */

const RUNS = FUZZ_RUNS ?? 200;
const MAX_COMMANDS = 30;

const MUST_OBSERVE = [
  'OpenIncident ok',
  'OpenIncident 404 not_found',
  'Acknowledge ok',
  'Acknowledge acknowledged',
  'Acknowledge unchanged',
  'Acknowledge 401 invalid_api_key',
  'HandOff ok',
  'HandOff 400 incident_resolved',
  'HandOff 400 invalid_target_user',
  'MoveStatus ok',
  'MoveStatus 400 invalid_status_transition',
  'MoveStatus 400 incident_resolved',
  'CreatePolicy ok',
  'CreateLayer ok',
  'CreateLayer 400 invalid_target',
  'UpdateLayer ok',
  'DeleteLayer ok',
  'ReorderLayers ok',
  'DeletePolicy ok',
  'EditScheduleLayer ok',
  'EditScheduleLayer 400 invalid_participant',
  'EditHours ok',
  'RemoveMember ok',
  'AdvanceClock paged',
  'AdvanceClock quiet',
  'AdvanceClock paged at due',
  'AdvanceClock quiet at due-1',
  'AdvanceClock paged at due+1',
  'rule: a timer pages the next layer',
  'rule: exhausted when the timer runs out',
  'rule: exhausted on opening',
  'rule: a policy without layers is exhausted at once',
  'rule: a layer is skipped for its condition',
  'rule: the last layer is reached whatever its condition',
  'rule: a schedule layer with nobody on call is skipped',
  'rule: a users layer of former members is skipped',
  'rule: an exhausted escalation is acknowledged',
  'rule: a handoff without a policy pages the new owner',
  'rule: a handoff does not restart a stopped escalation',
  'rule: a handoff with no layer at the current position is exhausted',
  'rule: a handoff restarts the timer of an active escalation',
  'rule: a handoff restarts the timer of an acknowledged escalation',
  'rule: a handoff restarts the timer of an exhausted escalation',
  'rule: resolving stops an active escalation',
  'rule: resolving stops an idle escalation',
  'rule: deleting the policy stops its escalations',
  'rule: a schedule-owned incident takes the policy paging the schedule first',
];

const setup = newWorld(createScalingMock({ now: START, seed: 7 }));

/** The random runs start with an incident escalating under the first policy of each org. */
const start = async () => {
  const world = await setup();
  for (const command of [new OpenIncident(0, { policy: 0 }), new OpenIncident(1, { policy: 0 })]) await command.run(world.model, world.real);
  return world;
};

/** Runs a fixed sequence through the same model, for the cases the issue names. */
const replay = async (commands: Cmd[]) => {
  const { model, real } = await setup();
  for (const command of commands) await command.run(model, real);
  return model;
};

test('issue 14 item 7: escalated to layer 2, acknowledged, layer 2 deleted, handed off → exhausted there, and nothing more', async () => {
  const model = await replay([
    new OpenIncident(0, { policy: 0 }),
    new AdvanceClock({ ms: 5 * MINUTE }),
    new Acknowledge(0, 0),
    new DeleteLayer({ of: 0 }, { current: 0, plus: 0 }),
    new AdvanceClock({ ms: MINUTE }),
    new HandOff(0, 2),
    new AdvanceClock({ ms: HOUR }),
  ]);
  // The model agreed with the mock at every step; these say the run is the case it claims to be.
  const incident = model.incidents[0]!;
  expect(incident.escalation).toMatchObject({ state: 'exhausted', position: 2, due: null });
  expect(incident.acknowledgedBy).toBeNull();
  expect(model.pages.map((page) => [page.position, page.reason])).toEqual([[1, 'escalation'], [2, 'escalation'], [2, 'handoff']]);
});

test('found by this model: a policy without layers, acknowledged, handed off → exhausted, not acknowledged by nobody', async () => {
  const model = await replay([
    new CreatePolicy(0, []),
    new OpenIncident(0, { policy: -1 }),
    new Acknowledge(-1, 0),
    new CreateLayer({ live: -1 }, { index: 0 }, { minutes: 5, target: { users: [1] }, condition: null }),
    new AdvanceClock({ ms: MINUTE }),
    new HandOff(-1, 2),
    new AdvanceClock({ ms: HOUR }),
  ]);
  const incident = model.incidents.at(-1)!;
  expect(incident.escalation).toMatchObject({ state: 'exhausted', position: null, due: null });
  expect(model.pages.filter((page) => page.incidentId === incident.id).map((page) => [page.position, page.reason])).toEqual([[null, 'handoff']]);
});

test(
  `random sequences of incident, policy, schedule, member and clock commands agree with the escalation model (${RUNS} runs of up to ${MAX_COMMANDS} commands)`,
  { timeout: 60_000 + RUNS * 300 },
  async () => {
    let commands = 0;
    // Coverage counts the random runs alone, not the fixed cases above.
    observed.clear();
    await fc.assert(
      fc.asyncProperty(fc.commands(commandArbs, { maxCommands: MAX_COMMANDS, size: 'max' }), async (cmds) => {
        commands += [...cmds].length;
        let world: { model: Model; real: Real } | undefined;
        await fc.asyncModelRun(async () => (world = await start()), cmds);
        // Every incident's trail, read whole, once the run is over.
        await checkAgainstModel(world!.model, world!.real, `the last of ${[...cmds].length} commands`, 'all');
      }),
      { numRuns: RUNS },
    );
    // The runs must have reached every outcome and rule the model knows, or they prove less than they seem to.
    expect(commands / RUNS, 'commands per run').toBeGreaterThan(MAX_COMMANDS / 3);
    if (RUNS >= 100) {
      const counts = [...observed].sort(([a], [b]) => (a < b ? -1 : 1)).map(([what, times]) => `${times}\t${what}`).join('\n');
      expect(MUST_OBSERVE.filter((what) => !observed.has(what)), `never reached; reached:\n${counts}`).toEqual([]);
    }
  },
);
