import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildControlDocument } from '../../mocks/server/control-document.js';
import { buildOpenApiDocument } from './document.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where `npm run build` writes the API's document: `package.json` exports it as `./openapi.json`. */
export const OPENAPI_OUTPUT_PATH = resolve(root, 'dist/openapi.json');
/** Where it writes the standalone server's control document: exported as `./mock-openapi.json`. */
export const MOCK_OPENAPI_OUTPUT_PATH = resolve(root, 'dist/mock-openapi.json');

const packageVersion = () => (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
const render = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;

/** The API's document as shipped: `info.version` is the package's, two-space JSON, a final newline. */
export const renderOpenApiDocument = (): string => render(buildOpenApiDocument({ version: packageVersion() }));

/** The control document as shipped, the same way. */
export const renderControlDocument = (): string => render(buildControlDocument({ version: packageVersion() }));

export const writeOpenApiDocument = (path = OPENAPI_OUTPUT_PATH): string => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderOpenApiDocument());
  return path;
};

export const writeControlDocument = (path = MOCK_OPENAPI_OUTPUT_PATH): string => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderControlDocument());
  return path;
};

// `tsx src/openapi/write.ts` (the end of `npm run build`); importing the module writes nothing.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(`openapi: wrote ${writeOpenApiDocument()}`);
  console.log(`openapi: wrote ${writeControlDocument()}`);
}
