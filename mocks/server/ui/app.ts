/**
 * The timeline page's script, run in the browser. The server sends this function's own source
 * (`timelineApp.toString()`), so it is type-checked with the rest and ships inside the server's
 * bundle: no framework, no build step, no request but to this origin, and it works offline.
 * Hence the one rule for this file: the function refers to nothing outside itself (no import, no
 * module-level name), only to the browser's globals.
 *
 * Every call goes to the control endpoints with `x-scaling-mock-control` (the `token` of the page's
 * URL, `/__mock/ui?token=…`, else `1`). The state is polled once a second while the tab is visible.
 */

/** The parts of `GET /__mock/incidents` the page reads. */
type Person = { id: string; name: string } | null;
type IncidentSummary = {
  id: string;
  title: string;
  severity: string;
  status: string;
  createdAt: string;
  owner: Person;
  acknowledgedBy: Person;
  policy: { id: string; name: string | null } | null;
  escalation: { state: string; position: number | null; nextEscalationAt: string | null } | null;
};
type Incidents = { now: string; nextStepAt: string | null; orgs: Array<{ id: string; name: string; incidentCount: number; incidents: IncidentSummary[] }> };
/** The parts of `GET /__mock/timeline` (JSON) the page reads. */
type Detail = {
  org: { id: string; name: string };
  incident: IncidentSummary;
  policy: {
    id: string;
    name: string;
    description: string | null;
    layers: Array<{ position: number; ackTimeoutMinutes: number; targetLabel: string; target: { type: string }; condition: string | null }>;
  } | null;
  schedules: Array<{ id: string; name: string; timezone: string; owner: Person; layers: Array<{ position: number; name: string; onCall: Person }> }>;
};

export function timelineApp(): void {
  const token = new URLSearchParams(location.search).get('token') || '1';
  const byId = (id: string) => document.getElementById(id)!;
  const MINUTE = 60_000;

  /** An element with attributes (`class`, `data-*`, …) and children (text or elements). */
  const h = (tag: string, attributes: Record<string, string | undefined> = {}, ...children: Array<Node | string | null | undefined>) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
    for (const child of children) if (child !== null && child !== undefined) element.append(child);
    return element;
  };

  /** A control call, with the header every `/__mock` call must carry. Refusals become errors with the server's message. */
  const control = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const headers: Record<string, string> = { 'x-scaling-mock-control': token };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`/__mock${path}`, { method, headers, cache: 'no-store', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!response.ok) {
      const error = (await response.json().catch(() => null)) as { message?: string } | null;
      const hint = response.status === 401 || response.status === 403 ? ' Open the page as /__mock/ui?token=<the server’s control token>.' : '';
      throw new Error(`${method} /__mock${path}: ${response.status} ${error?.message ?? response.statusText}${hint}`);
    }
    return response;
  };

  const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
  const offset = (from: string, to: string) => {
    const minutes = Math.round((Date.parse(to) - Date.parse(from)) / MINUTE);
    return minutes < 60 ? `+${minutes} min` : `+${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
  };
  /** Replaces an element's children, skipping the absent ones. */
  const fill = (id: string, ...children: Array<Node | string | null | undefined>) =>
    byId(id).replaceChildren(...children.filter((child): child is Node | string => child !== null && child !== undefined));
  const badge = (text: string, kind: string) => h('span', { class: `badge badge-${kind}` }, text);
  const escalationBadge = (escalation: IncidentSummary['escalation']) =>
    escalation === null
      ? badge('no policy', 'none')
      : badge(`${escalation.state}${escalation.state === 'active' && escalation.position !== null ? ` · layer ${escalation.position}` : ''}`, escalation.state);

  const status = byId('status');
  const say = (message: string, isError = false) => {
    status.textContent = message;
    status.className = isError ? 'status error' : 'status';
  };

  let incidents: Incidents | undefined;
  let listed = '';
  let shown = '';
  let drawn = '';
  let busy = false;
  const selected = () => decodeURIComponent(location.hash.slice(1));

  const renderIncidents = (data: Incidents) => {
    byId('clock-now').textContent = utc(data.now);
    const next = byId('next-step') as HTMLButtonElement;
    next.dataset.to = data.nextStepAt ?? '';
    next.textContent = data.nextStepAt === null ? 'Next step' : `Next step (${data.nextStepAt.slice(11, 16)})`;
    next.title = data.nextStepAt === null ? 'No escalation step is due' : `Advance to ${utc(data.nextStepAt)}`;
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-control]')) button.disabled = busy || (button === next && data.nextStepAt === null);
    const nav = byId('incidents');
    const current = selected();
    const lists = data.orgs.map((org) =>
      h(
        'section',
        { class: 'org', 'data-org': org.id },
        h('h2', {}, org.name, h('span', { class: 'muted' }, ` ${org.id}`)),
        org.incidents.length === 0
          ? h('p', { class: 'muted empty' }, 'No incidents.')
          : h(
              'ul',
              {},
              ...org.incidents.map((incident) =>
                h(
                  'li',
                  {},
                  h(
                    'a',
                    { href: `#${encodeURIComponent(incident.id)}`, class: 'incident', 'data-incident-id': incident.id, 'aria-current': incident.id === current ? 'true' : undefined },
                    h('span', { class: 'title' }, incident.title),
                    h('span', { class: 'meta' }, badge(incident.status, incident.status), escalationBadge(incident.escalation), badge(incident.severity, `sev-${incident.severity}`)),
                    h('span', { class: 'muted id' }, incident.id),
                  ),
                ),
              ),
            ),
        org.incidentCount > org.incidents.length ? h('p', { class: 'muted' }, `…and ${org.incidentCount - org.incidents.length} older`) : null,
      ),
    );
    nav.replaceChildren(...lists);
  };

  const renderDetail = (detail: Detail, svg: string, text: string, now: string) => {
    const { incident, policy, schedules } = detail;
    const escalation = incident.escalation;
    fill('incident-header',
      h('h2', {}, incident.title),
      h(
        'p',
        { class: 'meta' },
        badge(incident.status, incident.status),
        escalationBadge(escalation),
        badge(incident.severity, `sev-${incident.severity}`),
        h('span', { class: 'muted' }, ` ${incident.id} · ${detail.org.name} · opened ${utc(incident.createdAt)} (${offset(incident.createdAt, now)} ago)`),
      ),
      h(
        'p',
        { class: 'facts' },
        `Owner: ${incident.owner?.name ?? 'nobody'}`,
        incident.acknowledgedBy === null ? '' : ` · acknowledged by ${incident.acknowledgedBy.name}`,
        escalation?.nextEscalationAt ? ` · next escalation ${utc(escalation.nextEscalationAt)} (${offset(incident.createdAt, escalation.nextEscalationAt)})` : '',
      ),
    );
    // The SVG comes from this server, which escapes every text it draws.
    if (drawn !== svg) {
      byId('timeline').innerHTML = svg;
      drawn = svg;
    }
    byId('timeline-text').textContent = text;
    fill('policy',
      h('h3', {}, policy === null ? 'No escalation policy' : `Policy: ${policy.name}`),
      policy?.description ? h('p', { class: 'muted' }, policy.description) : null,
      policy === null
        ? h('p', { class: 'muted' }, 'Nobody is paged: only a handoff notifies someone.')
        : h(
            'table',
            {},
            h('thead', {}, h('tr', {}, h('th', {}, 'Layer'), h('th', {}, 'Waits'), h('th', {}, 'Pages'), h('th', {}, 'Only'))),
            h(
              'tbody',
              {},
              ...policy.layers.map((layer) =>
                h(
                  'tr',
                  { class: escalation?.state === 'active' && escalation.position === layer.position ? 'current' : undefined },
                  h('td', {}, String(layer.position)),
                  h('td', {}, `${layer.ackTimeoutMinutes} min`),
                  h('td', {}, `${layer.target.type === 'schedule' ? 'schedule ' : ''}${layer.targetLabel}`),
                  h('td', {}, layer.condition ?? '—'),
                ),
              ),
            ),
          ),
    );
    fill('schedules',
      h('h3', {}, 'On call now'),
      schedules.length === 0
        ? h('p', { class: 'muted' }, policy === null ? 'No policy, no schedule.' : 'The policy pages users directly: no schedule.')
        : h(
            'ul',
            {},
            ...schedules.map((schedule) =>
              h(
                'li',
                { 'data-schedule-id': schedule.id },
                h('strong', {}, schedule.name),
                h('span', { class: 'muted' }, ` ${schedule.timezone}`),
                h('div', {}, `On call: ${schedule.owner?.name ?? 'nobody'}`),
                schedule.layers.length > 1 ? h('div', { class: 'muted' }, schedule.layers.map((layer) => `${layer.name}: ${layer.onCall?.name ?? '—'}`).join(' · ')) : null,
              ),
            ),
          ),
    );
  };

  const renderEmpty = (message: string) => {
    fill('incident-header',h('h2', {}, 'No incident selected'), h('p', { class: 'muted' }, message));
    byId('timeline').replaceChildren();
    drawn = '';
    byId('timeline-text').textContent = '';
    fill('policy',);
    fill('schedules',);
  };

  /** Reads the state; redraws what changed. */
  const refresh = async () => {
    const text = await (await control('GET', '/incidents')).text();
    incidents = JSON.parse(text) as Incidents;
    if (text !== listed) {
      listed = text;
      renderIncidents(incidents);
    }
    const all = incidents.orgs.flatMap((org) => org.incidents);
    let id = selected();
    if (id === '' && all.length > 0) {
      // Nothing chosen yet: the newest incident.
      id = all.reduce((newest, incident) => (incident.createdAt > newest.createdAt ? incident : newest)).id;
      history.replaceState(null, '', `#${encodeURIComponent(id)}`);
      listed = '';
      renderIncidents(incidents);
    }
    if (id === '') {
      if (shown !== 'empty') renderEmpty('Open an incident through the API (POST /v1/incidents, with a key from GET /__mock/seed), then pick it here.');
      shown = 'empty';
      return;
    }
    // Drawn as wide as its frame, and again when anything changed: the listing holds every
    // incident's state and the clock.
    const width = Math.max(480, Math.min(4000, Math.floor(byId('timeline').parentElement!.clientWidth - 2)));
    const key = `${id}|${width}|${text}`;
    if (key === shown) return;
    const query = `/timeline?incidentId=${encodeURIComponent(id)}`;
    try {
      const [detail, svg, timelineText] = await Promise.all([
        control('GET', query).then((response) => response.json() as Promise<Detail>),
        control('GET', `${query}&format=svg&width=${width}`).then((response) => response.text()),
        control('GET', `${query}&format=text`).then((response) => response.text()),
      ]);
      renderDetail(detail, svg, timelineText, incidents.now);
      shown = key;
    } catch (error) {
      renderEmpty(error instanceof Error ? error.message : String(error));
      shown = key;
    }
  };

  /** Runs an action with the buttons disabled, then reads the state again. */
  const act = async (label: string, action: () => Promise<unknown>) => {
    if (busy) return;
    busy = true;
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-control]')) button.disabled = true;
    try {
      await action();
      say(label);
    } catch (error) {
      say(error instanceof Error ? error.message : String(error), true);
    } finally {
      busy = false;
      listed = '';
      await refresh().catch((error: unknown) => say(error instanceof Error ? error.message : String(error), true));
    }
  };

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-advance]')) {
    button.addEventListener('click', () => {
      const minutes = Number(button.dataset.advance);
      void act(`Advanced ${minutes} min`, () => control('POST', '/clock/advance', { ms: minutes * MINUTE }));
    });
  }
  byId('next-step').addEventListener('click', () => {
    const to = (byId('next-step') as HTMLButtonElement).dataset.to;
    if (to) void act(`Advanced to the next step, ${utc(to)}`, () => control('POST', '/clock/advance', { to }));
  });
  byId('reset').addEventListener('click', () => {
    void act('Reset: the seed applied again', async () => {
      await control('POST', '/reset');
      history.replaceState(null, '', location.pathname + location.search);
    });
  });
  let resized: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resized);
    resized = setTimeout(() => void refresh().catch(() => undefined), 200);
  });
  window.addEventListener('hashchange', () => {
    listed = '';
    void refresh();
  });

  /** Once a second while the tab is visible: a change made elsewhere (curl, a test, real time) shows up by itself. */
  const poll = async () => {
    if (!document.hidden && !busy) {
      try {
        await refresh();
        if (status.classList.contains('error') && status.dataset.polling === 'failed') say('');
        status.dataset.polling = 'ok';
      } catch (error) {
        say(error instanceof Error ? error.message : String(error), true);
        status.dataset.polling = 'failed';
      }
    }
    setTimeout(() => void poll(), 1000);
  };
  void poll();
}
