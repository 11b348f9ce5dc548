import { beforeEach, describe, expect, test } from 'vitest';
import { createScalingMock, timelineOfSimulation, toSVG, toText, type ScalingMock, type Timeline } from '../mocks/index.js';
import { Scaling, simulateEscalation } from '../src/index.js';
import { overlappingTexts, readSvg, textBoxes } from './timeline-svg.js';
import { parseXml } from './xml.js';

const MINUTE = 60_000;
const START = '2026-04-07T10:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(START) + minutes * MINUTE).toISOString();

let mock: ScalingMock;
let scaling: Scaling;

beforeEach(() => {
  mock = createScalingMock({ now: START });
  scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 0 });
});

/** The guide's policy: the primary schedule for 5 minutes, then the secondary directly for 10. */
const guide = async () => {
  const primary = mock.createUser({ firstName: 'Alice', lastName: 'Primary' }).id;
  const secondary = mock.createUser({ firstName: 'Carol', lastName: 'Secondary' }).id;
  const schedule = mock.createSchedule({ name: 'Platform primary', layers: [{ participantIds: [primary], effectiveFrom: '2026-04-01T00:00:00Z' }] });
  const policy = await scaling.policies.create({ name: 'Platform Default' });
  const first = await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: schedule.id } });
  const second = await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 10, target: { type: 'users', userIds: [secondary] } });
  const incident = await scaling.incidents.create({ title: 'Checkout down', severity: 'critical', escalationPolicyId: policy.id });
  return { primary, secondary, schedule, policy, layers: [first, second], incident };
};

/** The marks a test compares: kind, position and instant, in document order. */
const marks = (svg: string) => readSvg(svg).marks.map(({ kind, position, at }) => ({ kind, position, at }));

describe('mock.timeline() on the guide’s example', () => {
  test('is the story of the escalation as data: two pages at +0 and +5, exhaustion at +15', async () => {
    const world = await guide();
    await mock.clock.advance(15 * MINUTE);
    const timeline = mock.timeline(world.incident.id);
    expect(timeline).toEqual({
      source: 'mock',
      incidentId: world.incident.id,
      title: 'Checkout down',
      status: 'investigating',
      escalationState: 'exhausted',
      policy: { id: world.policy.id, name: 'Platform Default' },
      lanes: [
        { position: 1, layerId: world.layers[0]!.id, ackTimeoutMinutes: 5, target: 'Platform primary', condition: null },
        { position: 2, layerId: world.layers[1]!.id, ackTimeoutMinutes: 10, target: 'Carol Secondary', condition: null },
      ],
      start: START,
      now: at(15),
      next: null,
      events: [
        { kind: 'opened', at: at(0) },
        { kind: 'page', at: at(0), position: 1, layerId: world.layers[0]!.id, userId: world.primary, reason: 'escalation' },
        { kind: 'escalated', at: at(5), fromPosition: 1, toPosition: 2 },
        { kind: 'page', at: at(5), position: 2, layerId: world.layers[1]!.id, userId: world.secondary, reason: 'escalation' },
        { kind: 'exhausted', at: at(15) },
      ],
      names: { [world.primary]: 'Alice Primary', [world.secondary]: 'Carol Secondary' },
    });
    // The renderers are bound methods, not data: the timeline serializes as the data alone.
    expect(Object.keys(JSON.parse(JSON.stringify(timeline)))).not.toContain('toSVG');
  });

  test('toSVG draws it: valid XML, a page mark per page in its lane, the markers at their instants on one time axis', async () => {
    const world = await guide();
    await mock.clock.advance(15 * MINUTE);
    const { svg, width, height, marks: drawn } = readSvg(mock.timeline(world.incident.id).toSVG());
    expect(svg.name).toBe('svg');
    expect(svg.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(svg.attributes.viewBox).toBe(`0 0 ${width} ${height}`);
    // Readable at 1200×400: it fits, and every text is inside it and at least 10 px.
    expect(width).toBe(1200);
    expect(height).toBeLessThanOrEqual(400);
    for (const box of textBoxes(svg)) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(width);
    }
    expect(overlappingTexts(textBoxes(svg))).toEqual([]);

    expect(drawn.map(({ kind, position, at }) => ({ kind, position, at }))).toEqual([
      { kind: 'exhausted', position: undefined, at: at(15) },
      { kind: 'now', position: undefined, at: at(15) },
      { kind: 'escalated', position: '2', at: at(5) },
      { kind: 'page', position: '1', at: at(0) },
      { kind: 'page', position: '2', at: at(5) },
    ]);
    const x = Object.fromEntries(drawn.map((mark) => [`${mark.kind}${mark.position ?? ''}`, mark.x]));
    // One time axis: +5 is a third of the way from +0 to +15, and the escalation is where page 2 is.
    expect(x.page2! - x.page1!).toBeCloseTo((x.exhausted! - x.page1!) / 3, 0);
    expect(x.escalated2).toBeCloseTo(x.page2!, 5);
    // The page marks name the user, and say why they were paged.
    const pages = drawn.filter((mark) => mark.kind === 'page');
    expect(pages.map((page) => [page.element.attributes['data-user'], page.element.attributes['data-reason']])).toEqual([
      [world.primary, 'escalation'],
      [world.secondary, 'escalation'],
    ]);
    const texts = textBoxes(svg).map((box) => box.text);
    expect(texts).toEqual(expect.arrayContaining(['Alice Primary', 'Carol Secondary', 'exhausted +15m', '1 · 5 min', 'Platform primary', '2 · 10 min']));
  });

  test('while it escalates, the next due step and the clock’s now are drawn', async () => {
    const world = await guide();
    await mock.clock.advance(7 * MINUTE);
    const timeline = mock.timeline(world.incident.id);
    expect(timeline.next).toEqual({ at: at(15), position: 2 });
    expect(timeline.escalationState).toBe('active');
    const drawn = readSvg(timeline.toSVG()).marks;
    expect(drawn.filter((mark) => mark.kind === 'next').map(({ position, at }) => ({ position, at }))).toEqual([{ position: '2', at: at(15) }]);
    expect(drawn.filter((mark) => mark.kind === 'now').map((mark) => mark.at)).toEqual([at(7)]);
    expect(drawn.some((mark) => mark.kind === 'exhausted')).toBe(false);
  });

  test('toText writes it one event a line', async () => {
    const world = await guide();
    await mock.clock.advance(15 * MINUTE);
    expect(mock.timeline(world.incident.id).toText()).toBe(
      [
        `Incident ${world.incident.id} · Checkout down`,
        `policy Platform Default (${world.policy.id}) · status investigating · escalation exhausted`,
        `  +0    ${at(0)}  incident opened`,
        `  +0    ${at(0)}  position 1: paged Alice Primary (${world.primary})`,
        `  +5m   ${at(5)}  escalated from position 1 to 2`,
        `  +5m   ${at(5)}  position 2: paged Carol Secondary (${world.secondary})`,
        `  +15m  ${at(15)}  escalation exhausted: nobody more will be paged`,
        '  next step: none',
        `  now: ${at(15)} (+15m)`,
      ].join('\n'),
    );
  });

  test('is a snapshot of when it was read, and refuses an incident the mock does not know', async () => {
    const world = await guide();
    const before = mock.timeline(world.incident.id);
    await mock.clock.advance(15 * MINUTE);
    expect(before.events.map((event) => event.kind)).toEqual(['opened', 'page']);
    expect(mock.timeline(world.incident.id).events.map((event) => event.kind)).toEqual(['opened', 'page', 'escalated', 'page', 'exhausted']);
    expect(() => mock.timeline('inc_missing')).toThrow(new TypeError('mock.timeline: no incident inc_missing in this mock'));
  });
});

/** A policy whose layer 2 is gated on weekend hours: on a Tuesday it is skipped, and layer 3 is paged. */
const gatedWorld = async () => {
  const [alice, bea, carol] = ['Alice', 'Bea', 'Carol'].map((firstName) => mock.createUser({ firstName, lastName: 'Responder' }).id) as [string, string, string];
  const hours = await scaling.workingHours.create({ name: 'Weekends', timezone: 'UTC', windows: [{ days: [6, 7], start: '09:00', end: '17:00' }] });
  const policy = await scaling.policies.create({ name: 'Gated' });
  await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [alice] } });
  await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 10, target: { type: 'users', userIds: [bea] }, condition: { workingHoursId: hours.id, when: 'during' } });
  await scaling.policies.layers.create(policy.id, { position: 3, ackTimeoutMinutes: 10, target: { type: 'users', userIds: [carol] } });
  return { alice, bea, carol, hours, policy: await scaling.policies.get(policy.id) };
};

describe('a gated step, a handoff, an acknowledgment and a resolution', () => {
  test('each has its marker, with the stable hooks', async () => {
    const world = await gatedWorld();
    const incident = await scaling.incidents.create({ title: 'Gated step and a handoff', severity: 'high', escalationPolicyId: world.policy.id });
    await mock.clock.advance(7 * MINUTE);
    await scaling.incidents.handoff(incident.id, { targetUserId: world.bea });
    await mock.clock.advance(2 * MINUTE);
    await scaling.incidents.acknowledge(incident.id);
    await mock.clock.advance(11 * MINUTE);
    for (const status of ['identified', 'monitoring', 'resolved'] as const) await scaling.incidents.updateStatus(incident.id, { status });

    const timeline = mock.timeline(incident.id);
    const { svg, height, marks: drawn } = readSvg(timeline.toSVG());
    const find = (kind: string) => drawn.filter((mark) => mark.kind === kind).map(({ position, at, element }) => ({ position, at, reason: element.attributes['data-reason'] }));
    expect(find('page')).toEqual([
      { position: '1', at: at(0), reason: 'escalation' },
      { position: '3', at: at(5), reason: 'escalation' },
      { position: '3', at: at(7), reason: 'handoff' },
    ]);
    expect(find('escalated')).toEqual([{ position: '2', at: at(5), reason: undefined }]);
    expect(find('skipped')).toEqual([{ position: '2', at: at(5), reason: 'condition_not_met' }]);
    expect(find('handoff')).toEqual([{ position: undefined, at: at(7), reason: undefined }]);
    expect(find('acknowledged')).toEqual([{ position: undefined, at: at(9), reason: undefined }]);
    expect(find('resolved')).toEqual([{ position: undefined, at: at(20), reason: undefined }]);
    expect(find('status').map((mark) => mark.at)).toEqual([at(20), at(20)]);
    expect(find('next')).toEqual([]);
    expect(height).toBeLessThanOrEqual(400);
    expect(overlappingTexts(textBoxes(svg))).toEqual([]);
    const texts = textBoxes(svg).map((box) => box.text);
    expect(texts).toEqual(expect.arrayContaining(['skipped: condition not met', '→ Bea Responder', 'handoff → Bea Responder +7m', 'acknowledged · Ada Admin +9m', 'resolved +20m', '2 · 10 min']));
    // A lane's label may be cut to fit its column; its tooltip has it whole.
    const gatedLane = svg.children.find((child) => child.attributes['data-lane'] === '2')!;
    expect(gatedLane.children.find((child) => child.name === 'title')?.text).toBe('2 · 10 min · Bea Responder · during Weekends');

    expect(timeline.toText().split('\n').slice(2, -2)).toEqual([
      `  +0    ${at(0)}  incident opened`,
      `  +0    ${at(0)}  position 1: paged Alice Responder (${world.alice})`,
      `  +5m   ${at(5)}  escalated from position 1 to 2`,
      `  +5m   ${at(5)}  position 2: skipped (condition not met)`,
      `  +5m   ${at(5)}  position 3: paged Carol Responder (${world.carol})`,
      `  +7m   ${at(7)}  handed off to Bea Responder (${world.bea})`,
      `  +7m   ${at(7)}  position 3: paged Bea Responder (${world.bea}) (handoff)`,
      `  +9m   ${at(9)}  acknowledged by Ada Admin (${mock.userId})`,
      `  +20m  ${at(20)}  status investigating → identified`,
      `  +20m  ${at(20)}  status identified → monitoring`,
      `  +20m  ${at(20)}  resolved`,
    ]);
  });

  test('a dry run of the policy draws as the mock does: simulateEscalation() and mock.timeline() give the same marks', async () => {
    const world = await gatedWorld();
    const incident = await scaling.incidents.create({ title: 'Left alone', severity: 'high', escalationPolicyId: world.policy.id });
    await mock.clock.advance(60 * MINUTE);
    const simulation = simulateEscalation(world.policy, { at: START, workingHours: [world.hours] });
    const names = { [world.alice]: 'Alice Responder', [world.bea]: 'Bea Responder', [world.carol]: 'Carol Responder' };
    const dryRun = timelineOfSimulation(simulation, { policy: world.policy, names, workingHours: [world.hours], title: 'Left alone' });
    const real = mock.timeline(incident.id);

    expect(dryRun.events).toEqual(real.events);
    expect(dryRun.lanes).toEqual(real.lanes);
    expect(dryRun.events.filter((event) => event.kind === 'skipped')).toEqual([{ kind: 'skipped', at: at(5), position: 2, layerId: world.policy.layers[1]!.id, reason: 'condition_not_met' }]);
    // The same drawing but for what only the mock knows: its clock's now.
    const withoutNow = (svg: string) => marks(svg).filter((mark) => mark.kind !== 'now');
    expect(withoutNow(toSVG(dryRun))).toEqual(withoutNow(real.toSVG()));
    expect(marks(toSVG(dryRun)).filter((mark) => mark.kind === 'exhausted')).toEqual([{ kind: 'exhausted', position: undefined, at: at(15) }]);
    // A simulation is drawn as it is, too (without names and lanes it has only the ids and positions).
    expect(marks(toSVG(simulation))).toEqual(marks(toSVG(timelineOfSimulation(simulation))));
    expect(toText(simulation)).toBe(toText(timelineOfSimulation(simulation)));
    expect(toText(simulation)).toContain(`  +5m   ${at(5)}  position 2: skipped (condition not met)`);
  });

  test('an acknowledged dry run ends with the acknowledgment', () => {
    const simulation = simulateEscalation(
      { layers: [{ id: 'layer_1', position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: ['user_a'] } }, { id: 'layer_2', position: 2, ackTimeoutMinutes: 5, target: { type: 'users', userIds: ['user_b'] } }] },
      { at: START, acknowledgeAfterMinutes: 7 },
    );
    const timeline = timelineOfSimulation(simulation);
    expect(timeline.escalationState).toBe('acknowledged');
    expect(marks(toSVG(timeline))).toEqual([
      { kind: 'acknowledged', position: undefined, at: at(7) },
      { kind: 'escalated', position: '2', at: at(5) },
      { kind: 'page', position: '1', at: at(0) },
      { kind: 'page', position: '2', at: at(5) },
    ]);
  });
});

describe('readable however large', () => {
  const fiftyLayers = async () => {
    const users = Array.from({ length: 50 }, (_, index) => mock.createUser({ firstName: `Responder${index + 1}`, lastName: 'With A Rather Long Surname' }).id);
    const policy = await scaling.policies.create({ name: 'Fifty layers' });
    for (const [index, userId] of users.entries()) {
      await scaling.policies.layers.create(policy.id, { position: index + 1, ackTimeoutMinutes: 1 + (index % 3), target: { type: 'users', userIds: [userId] } });
    }
    return policy;
  };

  test('50 layers all paged: one lane each, no text over another, lanes never squeezed (the drawing grows and scrolls)', async () => {
    const policy = await fiftyLayers();
    const incident = await scaling.incidents.create({ title: 'Every layer', severity: 'low', escalationPolicyId: policy.id });
    await mock.clock.advance(200 * MINUTE);
    const { svg, height, marks: drawn } = readSvg(mock.timeline(incident.id).toSVG());
    expect(drawn.filter((mark) => mark.kind === 'page').map((mark) => mark.position)).toEqual(Array.from({ length: 50 }, (_, index) => String(index + 1)));
    const lanes = svg.children.filter((child) => child.attributes['data-lane'] !== undefined);
    expect(lanes).toHaveLength(50);
    const rects = lanes.map((lane) => lane.children.find((child) => child.name === 'rect')!.attributes);
    for (const [index, rect] of rects.entries()) {
      expect(Number(rect.height)).toBeGreaterThanOrEqual(36);
      if (index > 0) expect(Number(rect.y)).toBe(Number(rects[index - 1]!.y) + Number(rects[index - 1]!.height));
    }
    expect(height).toBeGreaterThan(50 * 36);
    expect(overlappingTexts(textBoxes(svg))).toEqual([]);
  });

  test('50 layers, three reached: the rest collapse into one row and it fits 1200×400', async () => {
    const policy = await fiftyLayers();
    const incident = await scaling.incidents.create({ title: 'Three reached', severity: 'low', escalationPolicyId: policy.id });
    await mock.clock.advance(3 * MINUTE);
    const { svg, width, height } = readSvg(mock.timeline(incident.id).toSVG());
    expect([width, height <= 400]).toEqual([1200, true]);
    const lanes = svg.children.filter((child) => child.attributes['data-lane'] !== undefined).map((lane) => lane.attributes['data-lane']);
    // Reached 1–3, and 4 (the next step's) shown; 5–50 in one row.
    expect(lanes).toEqual(['1', '2', '3', '4', 'collapsed']);
    expect(textBoxes(svg).map((box) => box.text)).toContain('Layers 5–50: not reached');
    expect(overlappingTexts(textBoxes(svg))).toEqual([]);
  });

  test('eight layers, just opened: layers 1 and 2 (the next step’s) shown, 3–8 in one row, within 1200×400', async () => {
    const user = mock.createUser({ firstName: 'Only' }).id;
    const policy = await scaling.policies.create({ name: 'Eight' });
    for (let position = 1; position <= 8; position++) await scaling.policies.layers.create(policy.id, { position, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [user] } });
    const incident = await scaling.incidents.create({ title: 'Just opened', severity: 'low', escalationPolicyId: policy.id });
    const { svg, height } = readSvg(mock.timeline(incident.id).toSVG());
    expect(svg.children.filter((child) => child.attributes['data-lane'] !== undefined).map((lane) => lane.attributes['data-lane'])).toEqual(['1', '2', 'collapsed']);
    expect(textBoxes(svg).map((box) => box.text)).toContain('Layers 3–8: not reached');
    expect(height).toBeLessThanOrEqual(400);
  });

  test('a policy without layers: exhausted at once, drawn with one lane that says so', async () => {
    const policy = await scaling.policies.create({ name: 'Empty' });
    const incident = await scaling.incidents.create({ title: 'Nobody to page', severity: 'low', escalationPolicyId: policy.id });
    const { svg, marks: drawn } = readSvg(mock.timeline(incident.id).toSVG());
    expect(drawn.map(({ kind, at }) => ({ kind, at }))).toEqual([
      { kind: 'exhausted', at: at(0) },
      { kind: 'now', at: at(0) },
    ]);
    expect(textBoxes(svg).map((box) => box.text)).toEqual(expect.arrayContaining(['no layers', 'the policy pages nobody']));
  });

  test('many pages close together in one lane keep their labels apart, or leave them to the tooltip', async () => {
    const users = Array.from({ length: 6 }, (_, index) => mock.createUser({ firstName: `Handed${index}`, lastName: 'Over' }).id);
    const incident = await scaling.incidents.create({ title: 'Passed around', severity: 'low', ownerId: mock.userId });
    for (const userId of users) {
      await mock.clock.advance(10_000);
      await scaling.incidents.handoff(incident.id, { targetUserId: userId });
    }
    const { svg, marks: drawn } = readSvg(mock.timeline(incident.id).toSVG());
    expect(drawn.filter((mark) => mark.kind === 'page').map((mark) => mark.position)).toEqual(Array(6).fill('none'));
    expect(drawn.filter((mark) => mark.kind === 'page').every((mark) => mark.element.children.some((child) => child.name === 'title'))).toBe(true);
    expect(overlappingTexts(textBoxes(svg))).toEqual([]);
  });
});

describe('toSVG', () => {
  test('escapes what people type, and takes a width', async () => {
    const incident = await scaling.incidents.create({ title: `<script>alert("x")</script> & 'quotes'`, severity: 'low', ownerId: mock.userId });
    const source = mock.timeline(incident.id).toSVG();
    expect(source).not.toContain('<script>');
    expect(textBoxes(parseXml(source)).map((box) => box.text)).toContain(`Incident ${incident.id} · <script>alert("x")</script> & 'quotes'`);
    const narrow = parseXml(mock.timeline(incident.id).toSVG({ width: 640 }));
    expect(narrow.attributes.width).toBe('640');
    expect(overlappingTexts(textBoxes(narrow))).toEqual([]);
    for (const box of textBoxes(narrow)) expect(box.right).toBeLessThanOrEqual(640);
    expect(parseXml(mock.timeline(incident.id).toSVG({ width: 100 })).attributes.width).toBe('480');
  });

  test('the XML check it relies on does refuse what is not well-formed', () => {
    expect(() => parseXml('<svg><g></svg>')).toThrow(SyntaxError);
    expect(() => parseXml('<svg><text>a & b</text></svg>')).toThrow(SyntaxError);
    expect(() => parseXml('<svg a="1" a="2"/>')).toThrow(SyntaxError);
    expect(() => parseXml('<svg/><svg/>')).toThrow(SyntaxError);
    expect(() => parseXml('<svg x="<"/>')).toThrow(SyntaxError);
    expect(parseXml('<svg><text>a &amp; b &#39;</text></svg>').children[0]!.text).toBe("a & b '");
    // …and the overlap check sees texts drawn over each other.
    const crowded = parseXml('<svg font-size="11"><text x="10" y="20">Alice Primary</text><text x="40" y="24">Carol</text><text x="10" y="40">apart</text></svg>');
    expect(overlappingTexts(textBoxes(crowded))).toEqual(['"Alice Primary" × "Carol"']);
  });

  test('draws a timeline given as plain data', () => {
    const timeline: Timeline = {
      source: 'simulation',
      incidentId: null,
      title: 'By hand',
      status: null,
      escalationState: 'exhausted',
      policy: null,
      lanes: [],
      start: START,
      now: null,
      next: null,
      events: [
        { kind: 'opened', at: at(0) },
        { kind: 'page', at: at(0), position: 1, layerId: 'layer_1', userId: 'user_1', reason: 'escalation' },
        { kind: 'exhausted', at: at(30) },
      ],
      names: {},
    };
    expect(marks(toSVG(timeline))).toEqual([
      { kind: 'exhausted', position: undefined, at: at(30) },
      { kind: 'page', position: '1', at: at(0) },
    ]);
    expect(toText(timeline)).toBe(['By hand', 'simulated policy · escalation exhausted', `  +0    ${at(0)}  incident opened`, `  +0    ${at(0)}  position 1: paged user_1`, `  +30m  ${at(30)}  escalation exhausted: nobody more will be paged`].join('\n'));
  });
});
