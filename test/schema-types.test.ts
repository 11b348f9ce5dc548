import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generate, MARKER } from '../scripts/schema-types.js';
import * as schemas from '../src/schemas/index.js';
import { schemaDocs } from '../src/schemas/docs/index.js';
import { referencedMethods } from '../scripts/method-reference.js';
import { buildOpenApiDocument } from '../src/openapi/document.js';

const files = generate();

describe('the named types of the schemas are generated from the schemas and their docs', () => {
  test.each(files.map((file) => [relative(process.cwd(), file.path), file] as const))(
    '%s is up to date (run `npm run types:schemas` after changing a schema or its docs)',
    (_, file) => {
      expect(existsSync(file.path) ? readFileSync(file.path, 'utf8') : '(missing)').toBe(file.text);
    },
  );

  test('every public schema has its type, under its own name, with a comment on the type and on every field', () => {
    const declared = new Map<string, string>();
    for (const file of files.filter((file) => file.text.includes(MARKER))) {
      const generated = file.text.slice(file.text.indexOf(MARKER));
      for (const match of generated.matchAll(/(\/\*\*[\s\S]*?\*\/)\nexport (?:interface|type) (\w+)([\s\S]*?)(?=\n\n|\n$)/g)) {
        declared.set(match[2]!, match[3]!);
        // Every member line is preceded by its TSDoc.
        const lines = match[3]!.split('\n');
        lines.forEach((line, index) => {
          if (/^\s+\w+\??: /.test(line)) expect(lines[index - 1], `${match[2]}: ${line.trim()}`).toMatch(/\*\/$/);
        });
      }
    }
    expect([...declared.keys()].sort()).toEqual(Object.keys(schemas).sort());
  });

  test('a field’s TSDoc is its meaning from the docs, then what the schema states: limits, format, default', () => {
    const text = files.map((file) => file.text).join('\n');
    /** The TSDoc right above `field` in the declaration of `type`, as one line. */
    const docOf = (type: string, field: string) => {
      const body = text.slice(text.search(new RegExp(`export (?:interface|type) ${type}\\b`)));
      const match = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\n\\s*${field}\\??: `).exec(body);
      return match?.[1]!.replace(/^\/\*\*|\*\/$/g, '').replace(/\n\s*\* ?/g, ' ').replace(/\s+/g, ' ').trim();
    };
    expect(docOf('LayerCreateParams', 'ackTimeoutMinutes')).toBe(`${schemaDocs.LayerCreateParams.fields!.ackTimeoutMinutes} An integer from 1 to 10080.`);
    expect(docOf('MemberInviteParams', 'emailAddress')).toBe(`${schemaDocs.MemberInviteParams.fields!.emailAddress} An email address of at most 320 characters.`);
    expect(docOf('Incident', 'description')).toBe(`${schemaDocs.Incident.fields!.description} \`null\` when the response leaves it out.`);
    expect(docOf('ScheduleResolveParams', 'at')).toMatch(/A `Date` or an ISO 8601 date-time/);
  });

  test('every method the docs name is a method of the client', () => {
    const methods = new Set(referencedMethods());
    const named = JSON.stringify(schemaDocs).match(/`(?:policies|incidents|schedules|team|users|components|workingHours|routingPolicies|integrations)\.[\w.]+`/g) ?? [];
    expect(named.length).toBeGreaterThan(20);
    expect(named.map((name) => name.slice(1, -1)).filter((name) => !methods.has(name))).toEqual([]);
  });

  test('the OpenAPI document describes the schemas with the same prose', () => {
    const document = buildOpenApiDocument();
    const { schemas: components } = document.components;
    expect(components.IncidentDetail!.description).toBe(schemaDocs.IncidentDetail.summary);
    expect(components.LayerCreateParams!.properties!.ackTimeoutMinutes).toMatchObject({
      description: schemaDocs.LayerCreateParams.fields!.ackTimeoutMinutes,
      minimum: 1,
      maximum: 10080,
    });
    expect((components.IncidentUpdate!.properties!.postedBy as { properties: Record<string, object> }).properties.name).toMatchObject({
      description: schemaDocs.IncidentUpdate.fields!['postedBy.name'],
    });
    // Every parameter of every operation is described.
    const undescribed = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.values(operations).flatMap((operation) => (operation.parameters ?? []).filter((parameter) => !parameter.description).map((parameter) => `${path} ${parameter.name}`)),
    );
    expect(undescribed).toEqual([]);
  });
});
