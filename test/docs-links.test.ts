import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

/**
 * The README and the pages under docs/ link to each other by relative paths and `#anchors`: every
 * link must lead to a file that exists, and every anchor to a heading of that file (GitHub's slugs).
 * Moving a section between pages is the usual way to break one.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pagesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'api' ? [] : pagesUnder(path);
    return name.endsWith('.md') ? [path] : [];
  });
const pages = [join(root, 'README.md'), join(root, 'CONTRIBUTING.md'), join(root, 'CHANGELOG.md'), ...pagesUnder(join(root, 'docs'))];

/** Markdown without its code: links and headings inside fences or backticks are not links or headings. */
const prose = (text: string) => text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2. */
const anchorsOf = (text: string): Set<string> => {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of text.replace(/```[\s\S]*?```/g, '').split('\n')) {
    const heading = /^#{1,6} (.+)$/.exec(line)?.[1];
    if (!heading) continue;
    const base = heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
};

const links = pages.flatMap((page) =>
  [...prose(readFileSync(page, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z]+:/i.test(target))
    .map((target) => ({ page, target })),
);

test('the pages have links to check (the pattern still finds them)', () => {
  expect(links.length).toBeGreaterThan(20);
});

test.each(links.map(({ page, target }) => [relative(root, page), target] as const))('%s → %s', (page, target) => {
  const [path, anchor] = target.split('#') as [string, string | undefined];
  const file = path === '' ? join(root, page) : resolve(dirname(join(root, page)), decodeURIComponent(path));
  expect(existsSync(file), `${target} from ${page}: no such file`).toBe(true);
  if (anchor !== undefined && file.endsWith('.md')) {
    expect([...anchorsOf(readFileSync(file, 'utf8'))], `${target} from ${page}: no such heading`).toContain(anchor);
  }
});
