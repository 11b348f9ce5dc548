import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';

/**
 * What a user's editor shows, asked of the TypeScript language service over a consumer file that
 * imports the package by name (mapped to the sources by tsconfig.json): hovers name the types
 * (`IncidentDetail`, not `{ statusHistory: …; … 14 more …; }`) and show their TSDoc, `tsc` errors name
 * them too, and each entry exports exactly its reviewed names. A type test compares types
 * structurally and cannot see a name; this can.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const reviewed = JSON.parse(readFileSync(join(root, 'test/package/entry-exports.json'), 'utf8')) as {
  './schemas': string[];
  types: Record<string, string[]>;
};

const CONSUMER = join(root, 'test/slow/__consumer__.ts');
const consumer = `
import { Scaling, ScalingAPIError, type IncidentDetail, type LayerCreateParams } from '@scaling-cloud/sdk';

const scaling = new Scaling({ apiKey: 'scl_mock_names' });
export const detail = await scaling.incidents.get('inc_1');
export const params: LayerCreateParams = { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: 'sch_1' } };
export const wrong: IncidentDetail = await scaling.incidents.create({ title: 'Down', severity: 'high', ownerId: 'user_1' });
export const typo: LayerCreateParams = { position: 1, ackTimeoutMinute: 5, target: { type: 'schedule', scheduleId: 'sch_1' } };
export const code = (error: ScalingAPIError) => error.code;
`;
/** Apart from the consumer: a namespace import would make hovers spell `main.ErrorCode`. */
const ENTRIES = join(root, 'test/slow/__entries__.ts');
const entries = `
export * as main from '@scaling-cloud/sdk';
export * as policies from '@scaling-cloud/sdk/policies';
export * as mocks from '@scaling-cloud/sdk/mocks';
export * as server from '@scaling-cloud/sdk/mocks/server';
`;
const virtual = new Map([
  [CONSUMER, consumer],
  [ENTRIES, entries],
]);

let service: ts.LanguageService;
let program: ts.Program;

beforeAll(() => {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [...virtual.keys()],
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) => {
      const text = virtual.get(file) ?? ts.sys.readFile(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => root,
    getCompilationSettings: () => ({ ...config.options, noEmit: true }),
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (file) => virtual.has(file) || ts.sys.fileExists(file),
    readFile: (file) => virtual.get(file) ?? ts.sys.readFile(file),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  service = ts.createLanguageService(host);
  program = service.getProgram()!;
}, 120_000);

/** The hover at the first `word` after `after` in the consumer file: its signature line and its docs. */
const hover = (after: string, word: string) => {
  const at = consumer.indexOf(word, consumer.indexOf(after));
  const info = service.getQuickInfoAtPosition(CONSUMER, at)!;
  return { text: ts.displayPartsToString(info.displayParts), docs: ts.displayPartsToString(info.documentation) };
};

describe('what an editor shows', () => {
  test('a hover names the response type', () => {
    expect(hover('export const detail', 'detail').text).toBe('const detail: IncidentDetail');
  });

  test('a hover on a field shows its meaning and its limits', () => {
    const { text, docs } = hover('export const params', 'ackTimeoutMinutes');
    expect(text).toBe('(property) LayerCreateParams.ackTimeoutMinutes: number');
    expect(docs).toMatch(/before the next layer is paged/);
    expect(docs).toMatch(/An integer from 1 to 10080\./);
  });

  test('the client’s options are a named, documented interface', () => {
    expect(hover('new Scaling(', 'Scaling(').text).toMatch(/^\(alias\) new Scaling\(options\?: ScalingOptions\): Scaling\n/);
    const { text, docs } = hover('new Scaling({', 'apiKey');
    expect(text).toBe('(property) ScalingOptions.apiKey?: string | undefined');
    expect(docs).toMatch(/SCALING_API_KEY/);
  });

  test('error.code shows the documented codes', () => {
    expect(hover('export const code', 'error.code').text).toBe('(parameter) error: ScalingAPIError');
    expect(hover('error.code', 'code').text).toBe('(property) ScalingAPIError.code: ErrorCode | (string & {}) | undefined');
  });

  test('tsc errors name the types, not their shapes', () => {
    const messages = service.getSemanticDiagnostics(CONSUMER).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    const wrong = messages.find((message) => message.includes('IncidentDetail'));
    expect(wrong).toMatch(/^Property 'statusHistory' is missing in type 'Incident' but required in type 'IncidentDetail'\.|^Type 'Incident' is missing the following properties from type 'IncidentDetail'/);
    expect(messages.find((message) => message.includes('ackTimeoutMinute'))).toMatch(/'ackTimeoutMinute' does not exist in type 'LayerCreateParams'\. Did you mean to write 'ackTimeoutMinutes'\?/);
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message).not.toMatch(/\{ [\w]+: .*; \}|more \.\.\./);
  });
});

describe('what each entry exports, types included', () => {
  const exportsOf = (specifier: string) => {
    const checker = program.getTypeChecker();
    const file = program.getSourceFile(ENTRIES)!;
    const declaration = file.statements.find(
      (statement): statement is ts.ExportDeclaration => ts.isExportDeclaration(statement) && (statement.moduleSpecifier as ts.StringLiteral).text === specifier,
    )!;
    const module = checker.getSymbolAtLocation(declaration.moduleSpecifier!)!;
    return checker.getExportsOfModule(module).map((symbol) => symbol.name).sort();
  };
  const schemaNames = new Set(reviewed['./schemas']);

  test.each([
    ['@scaling-cloud/sdk', '.'],
    ['@scaling-cloud/sdk/policies', './policies'],
  ])('%s: every schema’s type, and the reviewed names beside them', (specifier, entry) => {
    const names = exportsOf(specifier);
    expect(names.filter((name) => schemaNames.has(name))).toEqual([...schemaNames].sort());
    expect(names.filter((name) => !schemaNames.has(name))).toEqual(reviewed.types[entry]);
  });

  test.each([
    ['@scaling-cloud/sdk/mocks', './mocks'],
    ['@scaling-cloud/sdk/mocks/server', './mocks/server'],
  ])('%s: the reviewed names', (specifier, entry) => {
    expect(exportsOf(specifier)).toEqual(reviewed.types[entry]);
  });
});
