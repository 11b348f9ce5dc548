import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildOpenApiDocument } from './document.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where `npm run build` writes the document: `package.json` exports it as `./openapi.json`. */
export const OPENAPI_OUTPUT_PATH = resolve(root, 'dist/openapi.json');

/** The document as shipped: `info.version` is the package's, two-space JSON, a final newline. */
export const renderOpenApiDocument = (): string => {
  const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
  return `${JSON.stringify(buildOpenApiDocument({ version }), null, 2)}\n`;
};

export const writeOpenApiDocument = (path = OPENAPI_OUTPUT_PATH): string => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderOpenApiDocument());
  return path;
};

// `tsx src/openapi/write.ts` (the end of `npm run build`); importing the module writes nothing.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(`openapi: wrote ${writeOpenApiDocument()}`);
}
