// The least an escalation step can cost, measured in the same run as the engine: pop the earliest
// timer from a binary heap in typed arrays, append a page (incident, layer, instant) to typed
// columns, and push the incident's next timer. Issue 15 measured this floor at 0.06–0.07 µs/step on
// the day it set the engine's 0.25 µs/step target; the ratio of the engine to this floor is what the
// engine itself decides, and the floor shows how fast the machine is today.

/**
 * CPU time of this thread (Node 23.9 and later), else of the process: the engine and the floor run on
 * the main thread, and the process's figure would also count the collector's background threads
 * sweeping up an earlier run.
 */
export const threadCpu = (since) => (process.threadCpuUsage ? process.threadCpuUsage(since) : process.cpuUsage(since));

/**
 * `incidents` timers, each stepping `layers` times, `ackMinutes` apart; returns µs per step of the
 * main thread's CPU time (as the engine's row is judged: on a shared machine wall time also counts the time the
 * process waited for a core) and of wall time.
 */
export const stepFloor = (incidents, layers) => {
  const due = new Float64Array(incidents);
  const who = new Int32Array(incidents);
  const left = new Int32Array(incidents).fill(layers);
  let size = 0;
  const push = (time, id) => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (due[parent] <= time) break;
      due[i] = due[parent];
      who[i] = who[parent];
      i = parent;
    }
    due[i] = time;
    who[i] = id;
  };
  const pop = () => {
    const top = who[0];
    const lastDue = due[--size];
    const lastWho = who[size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && due[child + 1] < due[child]) child++;
      if (due[child] >= lastDue) break;
      due[i] = due[child];
      who[i] = who[child];
      i = child;
    }
    due[i] = lastDue;
    who[i] = lastWho;
    return top;
  };
  const steps = incidents * layers;
  const pageIncident = new Int32Array(steps);
  const pageLayer = new Int16Array(steps);
  const pageAt = new Float64Array(steps);
  for (let id = 0; id < incidents; id++) push(60_000 * (1 + (id % 10)), id);
  const cpuStart = threadCpu();
  const start = performance.now();
  let pages = 0;
  while (size > 0) {
    const time = due[0];
    const id = pop();
    pageIncident[pages] = id;
    pageLayer[pages] = layers - left[id];
    pageAt[pages++] = time;
    if (--left[id] > 0) push(time + 60_000 * (1 + ((id + left[id]) % 10)), id);
  }
  const ms = performance.now() - start;
  const cpu = threadCpu(cpuStart);
  if (pages !== steps) throw new Error(`step floor: ${pages} pages, expected ${steps}`);
  return { cpu: (cpu.user + cpu.system) / steps, wall: (ms * 1000) / steps };
};
