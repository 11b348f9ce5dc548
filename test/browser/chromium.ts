/**
 * Debian's Chromium for the browser test: installed with apt when missing, never downloaded any other way.
 *
 * - `precheck()` (at collection, synchronous): why Chromium cannot even be tried (no apt-get, not root
 *   and no sudo). The suite is skipped with that reason.
 * - `ensureChromium()` (in `beforeAll`): `apt-get install -y chromium`, after `apt-get update` if the
 *   first try fails, under a lock file so that parallel runs install once (the later ones wait, then
 *   find it installed). A failure (no network, no package) is a reason to skip, returned, not thrown.
 */
import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, existsSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const CHROMIUM = '/usr/bin/chromium';

/** What this machine's Chromium needs: without the networking flags its connections are refused by the closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LOCK = join(tmpdir(), 'scaling-sdk-chromium-install.lock');

const onPath = (command: string) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

const isRoot = () => process.getuid?.() === 0;

/** Why Chromium can be neither found nor installed here; `undefined` when it is there or worth trying. */
export const precheck = (): string | undefined => {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.platform !== 'linux') return `${CHROMIUM} is missing and this is ${process.platform}, not a Debian machine with apt`;
  if (!onPath('apt-get')) return `${CHROMIUM} is missing and there is no apt-get to install Debian's chromium`;
  if (!isRoot() && !onPath('sudo')) return `${CHROMIUM} is missing, this user is not root and there is no sudo to run apt-get`;
  return undefined;
};

type Run = { code: number | null; output: string };

/** Runs a command without blocking the event loop (the hook's timeout must still fire), keeping the output's tail. */
const run = (command: string, args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    const child = spawn(command, args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) => resolve({ code: null, output: `${output}${error.message}` }));
    child.once('close', (code) => resolve({ code, output }));
  });

/** apt-get as root, or through `sudo -n` (which fails rather than asking for a password). */
const aptGet = (args: string[]) =>
  isRoot() ? run('apt-get', args) : run('sudo', ['-n', 'apt-get', ...args]);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** An exclusive lock file holding our pid; a lock whose process is gone is taken over. */
const acquireLock = async (deadline: number): Promise<() => void> => {
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(LOCK, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(LOCK, 'utf8'));
    } catch {
      continue; // released between open and read
    }
    if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
      rmSync(LOCK, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`waited too long for ${LOCK} (held by pid ${holder})`);
    await sleep(500);
  }
};

const tail = (output: string) => output.trim().split('\n').slice(-3).join(' | ');

export type Chromium =
  | { ok: true; installed: false }
  | { ok: true; installed: true; ms: number }
  | { ok: false; reason: string };

/** Makes sure `/usr/bin/chromium` exists, installing Debian's package if needed. Never throws for an install that fails. */
export const ensureChromium = async (timeoutMs: number): Promise<Chromium> => {
  if (existsSync(CHROMIUM)) return { ok: true, installed: false };
  const reason = precheck();
  if (reason) return { ok: false, reason };
  const started = Date.now();
  const release = await acquireLock(started + timeoutMs);
  try {
    // Another run may have installed it while we waited for the lock.
    if (existsSync(CHROMIUM)) return { ok: true, installed: false };
    // Wait for dpkg's own lock too, should something else be using apt right now.
    const install = ['-o', 'DPkg::Lock::Timeout=120', 'install', '-y', 'chromium'];
    let result = await aptGet(install);
    if (result.code !== 0) {
      // Usually "Unable to locate package" or a stale index (404): refresh the lists once and retry.
      const update = await aptGet(['-o', 'DPkg::Lock::Timeout=120', 'update']);
      if (update.code !== 0) return { ok: false, reason: `apt-get update failed (no network or no Debian mirror?): ${tail(update.output)}` };
      result = await aptGet(install);
    }
    if (result.code !== 0) return { ok: false, reason: `apt-get install -y chromium failed: ${tail(result.output)}` };
    if (!existsSync(CHROMIUM)) return { ok: false, reason: `apt-get installed chromium but ${CHROMIUM} is missing` };
    return { ok: true, installed: true, ms: Date.now() - started };
  } finally {
    release();
  }
};

/** The Chromium processes descended from this process, with their arguments (Linux `/proc`); `undefined` where there is no `/proc`. */
export const chromiumDescendants = (): Array<{ pid: number; args: string[] }> | undefined => {
  if (!existsSync('/proc/self/stat')) return undefined;
  const parents = new Map<number, number>();
  const commands = new Map<number, string[]>();
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  for (const pid of pids) {
    try {
      // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so split after the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      commands.set(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean));
    } catch {
      // the process ended while we looked
    }
  }
  const descends = (pid: number) => {
    for (let current = parents.get(pid), hops = 0; current !== undefined && hops < 64; current = parents.get(current), hops++) {
      if (current === process.pid) return true;
    }
    return false;
  };
  return [...commands]
    .filter(([pid, args]) => /chrom/i.test(args[0] ?? '') && descends(pid))
    .map(([pid, args]) => ({ pid, args }));
};
