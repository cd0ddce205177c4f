// The render stage: a plan in, file texts out, through Handlebars templates (the top-level
// `templates/` folder, overridable file by file with `--templates DIR`). Pure apart from reading
// the templates. Templates run in strict mode (a missing field is an error, not an empty string),
// and every `{{value}}` goes through a guard instead of HTML escaping: a plain name, path or
// version passes, anything else must go through a helper that escapes it for its language
// (`ts`, `json`, `comment`, `tsType`), or rendering stops and names the template and line. So a
// library cannot inject code into a generated file through a name, a string or a comment.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { WireType } from '@faultline/runtime/wire';
import Handlebars from 'handlebars';

import { CliError } from '../errors.js';
import type { ExtractionPlan } from '../plan/extraction-plan.js';
import { camelCase, kebabCase, pascalCase } from '../plan/names.js';

export interface RenderedFile {
  /** Repository-relative path. */
  path: string;
  content: string;
  /** The template it came from, for messages. */
  template?: string;
}

/** A template is missing, cannot be parsed, or used a value unsafely. Exit code 2. */
export class TemplateError extends CliError {
  override name = 'TemplateError';
  override readonly exitCode = 2;
}

export interface TemplateSet {
  /** Template source by path relative to the templates folder (`service/src/server.ts.hbs`). */
  sources: Map<string, string>;
  /** Where each template was read from, for messages. */
  origins: Map<string, string>;
}

/** Values that may appear in a generated file without a helper: names, paths, versions, numbers. */
const PLAIN = /^[\w$@./:+^~ -]*$/;

/** The built-in templates: shipped inside the package, or the repository's top-level `templates/`. */
export function builtInTemplatesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../../templates'), path.resolve(here, '../../../../templates')];
  const found = candidates.find(candidate => fs.existsSync(path.join(candidate, 'service')));
  if (!found)
    throw new TemplateError(
      `faultline's templates are missing (looked in ${candidates.join(', ')}): reinstall @faultline/core.`,
    );
  return found;
}

function readTree(dir: string, into: TemplateSet, prefix = ''): void {
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) readTree(dir, into, relative);
    else if (entry.name.endsWith('.hbs')) {
      into.sources.set(relative, fs.readFileSync(path.join(dir, relative), 'utf8'));
      into.origins.set(relative, path.join(dir, relative));
    }
  }
}

/**
 * Reads the built-in templates, then the files of `overrideDir` on top (file by file). An override
 * that replaces no built-in template is refused: it is almost always a typo in its path.
 */
export function loadTemplates(overrideDir?: string): TemplateSet {
  const set: TemplateSet = { sources: new Map(), origins: new Map() };
  readTree(builtInTemplatesDir(), set);
  if (overrideDir !== undefined) {
    if (!fs.existsSync(overrideDir) || !fs.statSync(overrideDir).isDirectory())
      throw new TemplateError(
        `--templates ${overrideDir} is not a folder: point it at a folder laid out like faultline's templates/ (service/, client/, deploy/, new-service/).`,
      );
    const overrides: TemplateSet = { sources: new Map(), origins: new Map() };
    readTree(overrideDir, overrides);
    for (const [name, source] of overrides.sources) {
      if (!set.sources.has(name))
        throw new TemplateError(
          `${overrides.origins.get(name)}: replaces no template of faultline (known: ${[...set.sources.keys()].filter(known => known.split('/')[0] === name.split('/')[0]).join(', ') || [...set.sources.keys()].join(', ')}); rename it to the template it should replace.`,
        );
      set.sources.set(name, source);
      set.origins.set(name, overrides.origins.get(name) as string);
    }
  }
  return set;
}

/** A TypeScript string literal. */
function tsString(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A property key: bare when it is an identifier, quoted otherwise. */
function tsKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : tsString(name);
}

/** The TypeScript type of a wire type; named types are prefixed with `namespace` (`T.`). */
export function printType(type: WireType, namespace = ''): string {
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'unknown':
    case 'bigint':
      return type.kind;
    case 'date':
      return 'Date';
    case 'binary':
      return type.flavor;
    case 'literal':
      return typeof type.value === 'string' ? tsString(type.value) : String(type.value);
    case 'array':
      return `Array<${printType(type.items, namespace)}>`;
    case 'tuple': {
      const items = type.items.map(
        (item, index) => `${printType(item, namespace)}${index >= type.required ? '?' : ''}`,
      );
      if (type.rest) items.push(`...Array<${printType(type.rest, namespace)}>`);
      return `[${items.join(', ')}]`;
    }
    case 'object': {
      const members = type.properties.map(
        property =>
          `${tsKey(property.name)}${property.optional ? '?' : ''}: ${printType(property.type, namespace)};`,
      );
      if (type.additional) members.push(`[key: string]: ${printType(type.additional, namespace)};`);
      return `{ ${members.join(' ')} }`;
    }
    case 'map':
      return `Map<${printType(type.key, namespace)}, ${printType(type.value, namespace)}>`;
    case 'set':
      return `Set<${printType(type.items, namespace)}>`;
    case 'union':
      return type.members.map(member => printType(member, namespace)).join(' | ');
    case 'ref':
      if (!/^[A-Za-z_$][\w$]*$/.test(type.name))
        throw new TemplateError(`a type is named \`${type.name}\`, which is not an identifier.`);
      return `${namespace}${type.name}`;
  }
}

/** The lines of a doc comment's body, safe inside `/** … *\/`. */
function commentLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .replace(/\*\//g, '*\\/')
    .split('\n')
    .map(line => ` * ${line}`.trimEnd())
    .join('\n');
}

function isOptions(value: unknown): value is Handlebars.HelperOptions {
  return typeof value === 'object' && value !== null && 'hash' in value && 'data' in value;
}

/** A Handlebars environment with faultline's helpers and the unsafe-value guard. */
function createEnvironment(): typeof Handlebars {
  const hbs = Handlebars.create();
  const safe = (text: string): Handlebars.SafeString => new hbs.SafeString(text);
  hbs.registerHelper('json', (value: unknown) => safe(JSON.stringify(value, null, 2) ?? 'undefined'));
  hbs.registerHelper('jsonInline', (value: unknown) => safe(JSON.stringify(value) ?? 'undefined'));
  hbs.registerHelper('ts', (value: unknown) => safe(tsString(String(value))));
  hbs.registerHelper('tsKey', (value: unknown) => safe(tsKey(String(value))));
  hbs.registerHelper('comment', (value: unknown) => safe(commentLines(String(value ?? ''))));
  hbs.registerHelper('tsType', (type: WireType, namespace: unknown) =>
    safe(printType(type, isOptions(namespace) ? '' : String(namespace))),
  );
  hbs.registerHelper('md', (value: unknown) =>
    safe(String(value).replace(/[\\`*_[\]<>&|]/g, character => `\\${character}`)),
  );
  hbs.registerHelper('concat', (...values: unknown[]) => values.slice(0, -1).map(String).join(''));
  hbs.registerHelper('kebabCase', (value: unknown) => kebabCase(String(value)));
  hbs.registerHelper('camelCase', (value: unknown) => camelCase(String(value)));
  hbs.registerHelper('pascalCase', (value: unknown) => pascalCase(String(value)));
  // `{{value}}` without a helper: only plain names, paths and versions pass.
  hbs.Utils.escapeExpression = (value: unknown): string => {
    if (value instanceof hbs.SafeString) return value.toString();
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value === 'string' && PLAIN.test(value)) return value;
    throw new UnsafeValueError(typeof value === 'string' ? value : typeof value);
  };
  return hbs;
}

class UnsafeValueError extends Error {}

/** Where in a template an error happened, from Handlebars' messages (`Parse error on line 3`, `- 3:4`). */
function templateLine(error: Error): string {
  const parse = /on line (\d+)/.exec(error.message);
  if (parse) return `:${parse[1]}`;
  const strict = /- (\d+):(\d+)$/.exec(error.message);
  return strict ? `:${strict[1]}:${Number(strict[2]) + 1}` : '';
}

/** Renders every planned file: templates with the plan as data, copied files as they are. */
export function renderPlan(plan: ExtractionPlan, templates: TemplateSet): RenderedFile[] {
  const hbs = createEnvironment();
  for (const [name, source] of templates.sources) hbs.registerPartial(name, source);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const out: RenderedFile[] = [];
  for (const file of plan.files) {
    if (file.template === undefined) {
      out.push({ path: file.path, content: file.content ?? '' });
      continue;
    }
    const source = templates.sources.get(file.template);
    const origin = templates.origins.get(file.template) ?? file.template;
    if (source === undefined)
      throw new TemplateError(
        `the template ${file.template} is missing: restore it, or remove its override.`,
      );
    try {
      let template = compiled.get(file.template);
      if (!template) {
        template = hbs.compile(source, { strict: true, noEscape: false, knownHelpersOnly: false });
        compiled.set(file.template, template);
      }
      out.push({
        path: file.path,
        content: template(plan, { allowProtoPropertiesByDefault: false }),
        template: file.template,
      });
    } catch (error) {
      const cause = error as Error;
      if (cause instanceof UnsafeValueError)
        throw new TemplateError(
          `${origin}: inserts \`${cause.message.slice(0, 60)}\` without escaping it; use {{ts …}}, {{json …}}, {{comment …}} or {{tsType …}} for values from user code.`,
        );
      const message = (cause.message.split('\n')[0] ?? '').replace(/ in \[object Object\] - \d+:\d+$/, '');
      throw new TemplateError(`${origin}${templateLine(cause)}: ${message}`);
    }
  }
  return out;
}
