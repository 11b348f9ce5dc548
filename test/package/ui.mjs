// The timeline page as the built package serves it: the standalone server from `dist/` (loaded by the
// package's own name, through its `exports` map, in both formats) answers `GET /__mock/ui` and its two
// assets with no key, and the page's script, the app function's own source as this build compiled it,
// is valid JavaScript that needs nothing from the module it came from (a bundler's helper such as
// `__name` or `__publicField` would be a ReferenceError in the browser) and fetches nothing elsewhere.
import { createRequire } from 'node:module';
import { Script } from 'node:vm';

const require = createRequire(import.meta.url);
const problems = [];
for (const [format, load] of [['import', () => import('@scaling-cloud/sdk/mocks/server')], ['require', async () => require('@scaling-cloud/sdk/mocks/server')]]) {
  const { startMockServer } = await load();
  const server = await startMockServer({ port: 0 });
  try {
    const get = async (path, type) => {
      const response = await fetch(`${server.origin}${path}`);
      const body = await response.text();
      if (response.status !== 200 || response.headers.get('content-type') !== `${type}; charset=utf-8`) {
        problems.push(`${format}: GET ${path} answered ${response.status} ${response.headers.get('content-type')}`);
      }
      return body;
    };
    const html = await get('/__mock/ui', 'text/html');
    if (!html.includes('<script src="/__mock/ui/app.js" defer></script>')) problems.push(`${format}: the page does not load its script`);
    const script = await get('/__mock/ui/app.js', 'text/javascript');
    try {
      new Script(script, { filename: 'app.js' });
    } catch (error) {
      problems.push(`${format}: app.js does not compile: ${error.message}`);
    }
    const helpers = [...new Set(script.match(/\b__[A-Za-z]+\b/g) ?? [])].filter((name) => name !== '__name' && name !== '__mock');
    if (helpers.length > 0) problems.push(`${format}: app.js calls helpers of the module it was compiled in: ${helpers.join(', ')}`);
    if (/https?:\/\//.test(script + html)) problems.push(`${format}: the page refers to another origin`);
    const css = await get('/__mock/ui/style.css', 'text/css');
    if (!css.includes('.timeline')) problems.push(`${format}: style.css is not the page's`);
    console.log(`${format}: /__mock/ui, app.js (${(script.length / 1024).toFixed(1)} KB) and style.css served from dist`);
  } finally {
    await server.close();
  }
}
if (problems.length > 0) {
  console.error(`The built timeline page:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
