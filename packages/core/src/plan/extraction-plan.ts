// The plan stage of `extract` and `new`: a pure function from the analysis (plain data) and the
// options to an `ExtractionPlan` — routes, schemas, codecs, error mappings, dependencies, moved
// files with their import rewrites, and the files to produce from which template. Every decision
// is made here, so a plan can be read, snapshot-tested and diffed before any template runs.
import path from 'node:path';

import type { WireDefinitions, WireType } from '@faultline/runtime/wire';

import type { AnalysisReport, ExportAnalysis } from '../analyze/model.js';
import type { WireParameter, WireSignature } from '../analyze/wire-schema.js';
import { InputError } from '../errors.js';
import { type JsonSchema, needsCodec, reachableDefinitions, toJsonSchema } from './json-schema.js';
import {
  camelCase,
  isSafeIdentifier,
  isValidPackageName,
  kebabCase,
  pascalCase,
  printable,
  validateServiceName,
} from './names.js';
import { type ShimPlan, planShim } from './shim-plan.js';

/** Versions the generated packages depend on (kept in one place, checked by a test against the repo's own). */
export const GENERATED_VERSIONS = {
  fastify: '^5.12.8',
  ajv: '^8.20.0',
  typescript: '~6.0.3',
  vitest: '~4.1.12',
  vite: '^7.3.8',
  '@types/node': '^20.19.43',
  'fast-check': '^4.11.0',
} as const;

export type ExtractMode = 'wrap' | 'move';

export interface PlanOptions {
  /** The service name (`pricing`): folder, package names, Kubernetes names. */
  service: string;
  mode: ExtractMode;
  /** Output folder relative to the repository root; default `services/<name>` next to the workspaces. */
  out?: string;
  /** Generate what can be generated and list the rest, instead of refusing. */
  allowBlocked?: boolean;
  /** Exports the team declares idempotent (safe to retry on timeout, no idempotency key needed). */
  idempotent?: readonly string[];
  /** The version range of @faultline/runtime to depend on. */
  runtimeVersion: string;
  /** Folder (relative to the repository root) holding the workspaces' root package.json, if any. */
  workspaceRoot?: string;
  /** `--mode move`: the text of each library file to copy, by repository-relative path. */
  sources?: Readonly<Record<string, string>>;
  /** Plan the library's shim (the flag-routed exports), given the text of the library's entry. */
  shim?: { entryText: string };
}

export interface PlannedParameter {
  name: string;
  type: WireType;
  optional: boolean;
  /** An AbortSignal parameter: not sent; the call's deadline signal takes its place. */
  signal: boolean;
}

export interface PlannedOperation {
  /** The export name, a validated identifier (the implementation module exports it under it). */
  name: string;
  route: string;
  description?: string;
  parameters: PlannedParameter[];
  /** Parameters sent over the wire (signals excluded). */
  sent: PlannedParameter[];
  result: WireType;
  resultIsUndefined: boolean;
  idempotent: boolean;
  /** Why it is (not) treated as idempotent. */
  idempotentBecause: string;
  errors: string[];
  requestSchema: JsonSchema;
  responseSchema: JsonSchema;
  /** Whether the generated parity test compares the library and the service on this operation, and why not. */
  parity: { run: boolean; because?: string };
}

export interface PlannedErrorClass {
  name: string;
  fields: { name: string; type: WireType }[];
  /** Where the service imports the class from, for `instanceof`; absent: matched by constructor name. */
  importFrom?: { specifier: string; name: string };
  status: number;
}

export interface PackageManifest {
  name: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

export interface PlannedMove {
  from: string;
  to: string;
  rewrites: { from: string; to: string }[];
}

export interface PlannedFile {
  /** Repository-relative, with forward slashes. */
  path: string;
  /** The template that renders it (relative to the templates folder), or none for a copied file. */
  template?: string;
  /** A copied file's text (move mode), with its import rewrites applied. */
  content?: string;
}

export interface LeftOut {
  name: string;
  reasons: string[];
}

export interface ExtractionPlan {
  command: 'extract' | 'new';
  mode: ExtractMode | 'new';
  service: {
    name: string;
    /** `Pricing`, `pricing`: for type and function names in generated code. */
    pascal: string;
    camel: string;
    packageName: string;
    clientPackageName: string;
    /** Repository-relative output folder. */
    dir: string;
    port: number;
    description: string;
    clientDescription: string;
    readmeIntro: string;
  };
  /** Some operation is not idempotent: the server keeps an idempotency store. */
  anyNonIdempotent: boolean;
  /** Paths relative to the workspace root, for the Dockerfile (built from there). */
  deploy: { serviceDir: string; buildWorkspaces: string[]; copyPaths: string[] };
  library?: { name: string; version?: string; dir: string };
  /** The shim that routes the library's calls to the service by a flag (extract, unless left out). */
  shim?: ShimPlan;
  /** Where the service (`specifier`, from src/) and its tests (`testSpecifier`) import the implementations from. */
  implementation: { specifier: string; testSpecifier: string };
  operations: PlannedOperation[];
  definitions: { name: string; type: WireType; doc?: string; properties: { name: string; doc?: string }[] }[];
  definitionTable: Record<string, WireType>;
  errorClasses: PlannedErrorClass[];
  packages: { service: PackageManifest; client: PackageManifest };
  moves: PlannedMove[];
  leftOut: LeftOut[];
  notes: string[];
  openapi: JsonSchema;
  files: PlannedFile[];
  /** Move mode: what `src/implementation.ts` re-exports (`local as name`), from which moved file. */
  implementationExports: { name: string; local: string; alias: boolean; from: string }[];
}

const SERVICE_TEMPLATES = [
  ['service/package.json.hbs', 'package.json'],
  ['service/tsconfig.json.hbs', 'tsconfig.json'],
  ['service/README.md.hbs', 'README.md'],
  ['service/src/server.ts.hbs', 'src/server.ts'],
  ['service/src/main.ts.hbs', 'src/main.ts'],
  ['service/src/wire.generated.ts.hbs', 'src/wire.generated.ts'],
  ['service/test/service.test.ts.hbs', 'test/service.test.ts'],
  ['service/test/arbitraries.ts.hbs', 'test/arbitraries.ts'],
  ['service/test/parity.test.ts.hbs', 'test/parity.test.ts'],
  ['service/vitest.config.ts.hbs', 'vitest.config.ts'],
  ['service/openapi.json.hbs', 'openapi.json'],
  ['client/package.json.hbs', 'client/package.json'],
  ['client/tsconfig.json.hbs', 'client/tsconfig.json'],
  ['client/README.md.hbs', 'client/README.md'],
  ['client/src/index.ts.hbs', 'client/src/index.ts'],
  ['client/src/wire.generated.ts.hbs', 'client/src/wire.generated.ts'],
  ['client/src/types.generated.ts.hbs', 'client/src/types.generated.ts'],
  ['client/src/errors.generated.ts.hbs', 'client/src/errors.generated.ts'],
  ['deploy/Dockerfile.hbs', 'Dockerfile'],
  ['deploy/dockerignore.hbs', '.dockerignore'],
  ['deploy/k8s/deployment.yaml.hbs', 'k8s/deployment.yaml'],
  ['deploy/k8s/service.yaml.hbs', 'k8s/service.yaml'],
  ['deploy/k8s/pdb.yaml.hbs', 'k8s/pdb.yaml'],
  ['deploy/k8s/hpa.yaml.hbs', 'k8s/hpa.yaml'],
] as const;

/** Members of the generated client object besides the operations. */
const CLIENT_MEMBERS = new Set(['policy']);

/** Hazards that make an export impure: it keeps state, touches the outside world, or calls out. */
const IMPURE = /^FL(3\d\d|40[234]|5\d\d)$/;
/** Hazards that make two calls with the same arguments answer differently (parity cannot be checked). */
const NONDETERMINISTIC = /^FL(3\d\d|40\d|5\d\d)$/;

/** Parity is checked for operations whose answers depend on their arguments only. */
function parityOf(analysis: ExportAnalysis): { run: boolean; because?: string } {
  const effects = [
    ...new Map(
      analysis.hazards
        .filter(hazard => NONDETERMINISTIC.test(hazard.code))
        .map(hazard => [hazard.code, `${hazard.name} (${hazard.code})`]),
    ).values(),
  ];
  return effects.length === 0
    ? { run: true }
    : { run: false, because: `its answers depend on more than its arguments: ${effects.join(', ')}` };
}

function posix(...parts: string[]): string {
  return path.posix.normalize(parts.filter(Boolean).join('/'));
}

/** A union whose members the codec could not tell apart once encoded. */
function ambiguity(type: WireType, defs: WireDefinitions, seen = new Set<string>()): string | undefined {
  const resolve = (inner: WireType): WireType => {
    let current = inner;
    for (let hops = 0; current.kind === 'ref' && hops < 64; hops++)
      current = defs[current.name] ?? { kind: 'unknown' };
    return current;
  };
  switch (type.kind) {
    case 'ref': {
      if (seen.has(type.name)) return undefined;
      seen.add(type.name);
      const target = defs[type.name];
      return target ? ambiguity(target, defs, seen) : undefined;
    }
    case 'array':
    case 'set':
      return ambiguity(type.items, defs, seen);
    case 'map':
      return ambiguity(type.key, defs, seen) ?? ambiguity(type.value, defs, seen);
    case 'tuple':
      return [...type.items, ...(type.rest ? [type.rest] : [])]
        .map(item => ambiguity(item, defs, seen))
        .find(Boolean);
    case 'object':
      return [
        ...type.properties.map(property => property.type),
        ...(type.additional ? [type.additional] : []),
      ]
        .map(item => ambiguity(item, defs, seen))
        .find(Boolean);
    case 'union': {
      const members = type.members.map(resolve);
      const strings = members.filter(member => ['string', 'date', 'bigint', 'binary'].includes(member.kind));
      if (strings.length > 1 && strings.some(member => member.kind !== 'string'))
        return `a union of ${strings.map(member => member.kind).join(' and ')} cannot be told apart once encoded as strings`;
      const arrays = members.filter(member => ['array', 'tuple', 'map', 'set'].includes(member.kind));
      if (arrays.length > 1 && arrays.some(member => needsCodec(member, defs)))
        return `a union of ${arrays.map(member => member.kind).join(' and ')} cannot be told apart once encoded as arrays`;
      const objects = members.filter(
        (member): member is WireType & { kind: 'object' } => member.kind === 'object',
      );
      if (objects.length > 1 && objects.some(member => needsCodec(member, defs))) {
        const discriminant = objects[0]?.properties.find(property =>
          objects.every(member => {
            const match = member.properties.find(candidate => candidate.name === property.name);
            return match && !match.optional && resolve(match.type).kind === 'literal';
          }),
        );
        const values = discriminant
          ? objects.map(member => {
              const match = member.properties.find(candidate => candidate.name === discriminant.name);
              return JSON.stringify(
                (resolve(match?.type ?? { kind: 'unknown' }) as { value?: unknown }).value,
              );
            })
          : [];
        if (!discriminant || new Set(values).size !== values.length)
          return 'a union of object types needs a property with a distinct literal value in each member (a discriminant) to be decoded exactly';
      }
      return type.members.map(member => ambiguity(member, defs, seen)).find(Boolean);
    }
    default:
      return undefined;
  }
}

function wireReasons(
  name: string,
  analysis: ExportAnalysis | undefined,
  wire: WireSignature | undefined,
): string[] {
  const reasons: string[] = [];
  if (!analysis) return [`${name} was not analysed`];
  if (analysis.kind !== 'function')
    reasons.push(`${name} is a ${analysis.kind}, not a function: only functions become routes`);
  if (analysis.verdict.status === 'blocked') {
    // What blocks, not every warning under the verdict: errors first, then what could not be known.
    const errors = analysis.hazards.filter(hazard => hazard.severity === 'error');
    reasons.push(
      ...errors.map(
        hazard => `${hazard.code} ${hazard.message} (${hazard.location.file}:${hazard.location.line})`,
      ),
    );
    if (errors.length === 0) reasons.push(...analysis.verdict.reasons.map(reason => `blocked: ${reason}`));
  }
  if (analysis.kind === 'function' && !wire) {
    if (analysis.hazards.some(hazard => hazard.code === 'FL702'))
      reasons.push(
        `${name} has overloads: one route needs one request shape (merge the overloads into a union)`,
      );
    if (analysis.hazards.some(hazard => hazard.code === 'FL701'))
      reasons.push(`${name} is generic: a route needs one concrete request and response schema`);
    if (reasons.length === 0)
      reasons.push(`${name} has no single call signature the analysis could describe`);
  }
  if (wire) {
    const reported = new Set(
      analysis.verdict.status === 'blocked'
        ? analysis.hazards.filter(hazard => hazard.severity === 'error').map(hazard => hazard.path)
        : [],
    );
    for (const problem of wire.problems)
      if (!reported.has(problem.path)) reasons.push(`${problem.path} (${problem.type}): ${problem.reason}`);
    for (const parameter of wire.parameters)
      if (parameter.rest)
        reasons.push(`${parameter.name}: rest parameters are not supported yet; take an array instead`);
    const defs = wire.definitions;
    for (const [index, parameter] of wire.parameters.entries()) {
      const found = ambiguity(parameter.type, defs);
      if (found) reasons.push(`args[${index}] (${parameter.name}): ${found}`);
    }
    const found = ambiguity(wire.result, defs);
    if (found) reasons.push(`result: ${found}`);
  }
  return [...new Set(reasons)];
}

/** Merges each export's definitions into one table, renaming on a clash between different types. */
function mergeDefinitions(signatures: { name: string; wire: WireSignature }[]): {
  table: Record<string, WireType>;
  docs: Record<string, string>;
  renamed: Map<string, Map<string, string>>;
} {
  const table: Record<string, WireType> = {};
  const docs: Record<string, string> = {};
  const renamed = new Map<string, Map<string, string>>();
  for (const { name, wire } of signatures) {
    const renames = new Map<string, string>();
    for (const [definition, type] of Object.entries(wire.definitions)) {
      let target = definition;
      for (
        let index = 2;
        table[target] !== undefined && JSON.stringify(table[target]) !== JSON.stringify(type);
        index++
      )
        target = `${definition}${index}`;
      if (target !== definition) renames.set(definition, target);
    }
    renamed.set(name, renames);
    const rename = (type: WireType): WireType =>
      JSON.parse(
        JSON.stringify(type, (key, value: unknown) =>
          key === 'name' && typeof value === 'string' && renames.has(value) ? renames.get(value) : value,
        ),
      ) as WireType;
    for (const [definition, type] of Object.entries(wire.definitions)) {
      const target = renames.get(definition) ?? definition;
      table[target] = renames.size > 0 ? rename(type) : type;
      for (const [key, doc] of Object.entries(wire.docs))
        if (key === definition || key.startsWith(`${definition}.`))
          docs[target + key.slice(definition.length)] = doc;
    }
  }
  return { table, docs, renamed };
}

function renameRefs(type: WireType, renames: Map<string, string> | undefined): WireType {
  if (!renames || renames.size === 0) return type;
  return JSON.parse(
    JSON.stringify(type, (key, value: unknown) =>
      key === 'name' && typeof value === 'string' && renames.has(value) ? renames.get(value) : value,
    ),
  ) as WireType;
}

function requestSchema(parameters: readonly PlannedParameter[], defs: WireDefinitions): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const parameter of parameters) {
    properties[parameter.name] = toJsonSchema(parameter.type, defs, { refPrefix: '#/$defs/' });
    if (!parameter.optional) required.push(parameter.name);
  }
  const schema: JsonSchema = { type: 'object', properties, additionalProperties: false };
  if (required.length > 0) schema.required = required;
  const reachable = reachableDefinitions(
    parameters.map(parameter => parameter.type),
    defs,
  );
  if (reachable.length > 0)
    schema.$defs = Object.fromEntries(
      reachable.map(name => [name, toJsonSchema(defs[name] as WireType, defs, { refPrefix: '#/$defs/' })]),
    );
  return schema;
}

function responseSchema(result: WireType, defs: WireDefinitions): JsonSchema {
  const isUndefined = result.kind === 'undefined';
  const schema: JsonSchema = {
    type: 'object',
    properties: isUndefined ? {} : { result: toJsonSchema(result, defs, { refPrefix: '#/$defs/' }) },
    additionalProperties: false,
  };
  if (!isUndefined) schema.required = ['result'];
  const reachable = reachableDefinitions([result], defs);
  if (reachable.length > 0)
    schema.$defs = Object.fromEntries(
      reachable.map(name => [name, toJsonSchema(defs[name] as WireType, defs, { refPrefix: '#/$defs/' })]),
    );
  return schema;
}

const ERROR_BODY_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        class: { type: 'string' },
        message: { type: 'string' },
        fields: { type: 'object' },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            properties: { path: { type: 'string' }, message: { type: 'string' } },
            required: ['path', 'message'],
          },
        },
      },
      required: ['class', 'message'],
    },
  },
  required: ['error'],
};

function openapiDocument(
  plan: Pick<ExtractionPlan, 'service' | 'operations' | 'library'>,
  defs: WireDefinitions,
): JsonSchema {
  const paths: Record<string, unknown> = {};
  const ref = { refPrefix: '#/components/schemas/' };
  for (const operation of plan.operations) {
    const properties: Record<string, JsonSchema> = {};
    for (const parameter of operation.sent)
      properties[parameter.name] = toJsonSchema(parameter.type, defs, ref);
    const required = operation.sent.filter(parameter => !parameter.optional).map(parameter => parameter.name);
    const responses: Record<string, unknown> = {
      '200': {
        description: 'The result',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: operation.resultIsUndefined
                ? {}
                : { result: toJsonSchema(operation.result, defs, ref) },
              ...(operation.resultIsUndefined ? {} : { required: ['result'] }),
              additionalProperties: false,
            },
          },
        },
      },
      '400': {
        description: 'The request does not match the schema: `error.issues` says which field and why',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
      },
      '503': {
        description: 'Shed by admission control: retry after the `Retry-After` header',
        headers: { 'Retry-After': { schema: { type: 'integer' } } },
      },
      '504': { description: "The caller's deadline passed before the work could finish" },
    };
    if (operation.errors.length > 0)
      responses['422'] = {
        description: `A domain error the library throws: ${operation.errors.join(', ')} (\`error.class\`, \`error.fields\`)`,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
      };
    paths[operation.route] = {
      post: {
        operationId: operation.name,
        ...(operation.description
          ? { summary: operation.description.split('\n')[0], description: operation.description }
          : {}),
        parameters: [
          {
            name: 'x-faultline-deadline-ms',
            in: 'header',
            required: false,
            description: "Milliseconds left of the caller's deadline",
            schema: { type: 'integer', minimum: 0 },
          },
          ...(operation.idempotent
            ? []
            : [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }]),
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties,
                ...(required.length ? { required } : {}),
                additionalProperties: false,
              },
            },
          },
        },
        responses,
      },
    };
  }
  const schemas: Record<string, JsonSchema> = { ErrorBody: ERROR_BODY_SCHEMA };
  for (const name of Object.keys(defs).sort())
    schemas[name] = toJsonSchema(defs[name] as WireType, defs, ref);
  return {
    openapi: '3.1.0',
    info: {
      title: plan.service.packageName,
      version: '0.1.0',
      description: plan.library
        ? `Generated by faultline from ${plan.library.name}: one POST route per export.`
        : 'Generated by faultline.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: { schemas },
  };
}

function packageNames(service: string, libraryName: string | undefined): { service: string; client: string } {
  const scope = libraryName?.startsWith('@') ? libraryName.split('/')[0] : undefined;
  const names = scope
    ? { service: `${scope}/${service}-service`, client: `${scope}/${service}-client` }
    : { service: `${service}-service`, client: `${service}-client` };
  if (!isValidPackageName(names.service) || !isValidPackageName(names.client))
    throw new InputError(
      `\`${printable(names.service)}\` is not a valid npm package name: rename the service.`,
    );
  return names;
}

function baseDependencies(runtimeVersion: string): { service: PackageManifest; client: PackageManifest } {
  const dev = {
    '@types/node': GENERATED_VERSIONS['@types/node'],
    'fast-check': GENERATED_VERSIONS['fast-check'],
    typescript: GENERATED_VERSIONS.typescript,
    vite: GENERATED_VERSIONS.vite,
    vitest: GENERATED_VERSIONS.vitest,
  };
  return {
    service: {
      name: '',
      dependencies: {
        '@faultline/runtime': runtimeVersion,
        ajv: GENERATED_VERSIONS.ajv,
        fastify: GENERATED_VERSIONS.fastify,
      },
      devDependencies: dev,
    },
    client: {
      name: '',
      dependencies: { '@faultline/runtime': runtimeVersion },
      devDependencies: {
        '@types/node': GENERATED_VERSIONS['@types/node'],
        typescript: GENERATED_VERSIONS.typescript,
      },
    },
  };
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

function definitionList(
  table: Record<string, WireType>,
  docs: Record<string, string>,
): ExtractionPlan['definitions'] {
  return Object.keys(table)
    .sort()
    .map(name => {
      const type = table[name] as WireType;
      const doc = docs[name];
      return {
        name,
        type,
        ...(doc ? { doc } : {}),
        properties:
          type.kind === 'object'
            ? type.properties.map(property => {
                const propertyDoc = docs[`${name}.${property.name}`];
                return { name: property.name, ...(propertyDoc ? { doc: propertyDoc } : {}) };
              })
            : [],
      };
    });
}

/** The service's output folder, relative to the repository root: `--out`, else `services/<name>` beside the workspaces. */
export function serviceDirFor(options: Pick<PlanOptions, 'service' | 'out' | 'workspaceRoot'>): string {
  return posix(options.out ?? posix(options.workspaceRoot ?? '', 'services', options.service));
}

function servicePart(
  options: Pick<PlanOptions, 'service' | 'out' | 'workspaceRoot'>,
  libraryName?: string,
): ExtractionPlan['service'] {
  validateServiceName(options.service);
  const names = packageNames(options.service, libraryName);
  const dir = serviceDirFor(options);
  if (dir.startsWith('..') || path.posix.isAbsolute(dir))
    throw new InputError(
      `the output folder ${dir} is outside the repository: choose a folder inside it with --out.`,
    );
  return {
    name: options.service,
    pascal: pascalCase(options.service),
    camel: camelCase(options.service),
    packageName: names.service,
    clientPackageName: names.client,
    dir,
    port: 8080,
    description: '',
    clientDescription: '',
    readmeIntro: '',
  };
}

function templateFiles(dir: string, extra: readonly (readonly [string, string])[] = []): PlannedFile[] {
  return [...SERVICE_TEMPLATES, ...extra].map(([template, target]) => ({
    template,
    path: posix(dir, target),
  }));
}

/** Moves (move mode): the library files the closure needs, copied under `src/lib/` with their layout kept. */
function planMoves(
  report: AnalysisReport,
  usable: readonly ExportAnalysis[],
  dir: string,
  sources: Readonly<Record<string, string>>,
): {
  moves: PlannedMove[];
  files: PlannedFile[];
  externals: Map<string, string | undefined>;
  notes: string[];
} {
  const files = new Map<string, { imports: NonNullable<ExportAnalysis['moduleFiles']>[number]['imports'] }>();
  for (const analysis of usable) for (const file of analysis.moduleFiles ?? []) files.set(file.file, file);
  const all = [...files.keys()].sort();
  const common = all.reduce<string>(
    (prefix, file) => {
      let current = prefix;
      while (current && !file.startsWith(`${current}/`))
        current = path.posix.dirname(current) === '.' ? '' : path.posix.dirname(current);
      return current;
    },
    path.posix.dirname(all[0] ?? '.'),
  );
  const moves: PlannedMove[] = [];
  const planned: PlannedFile[] = [];
  const externals = new Map<string, string | undefined>();
  const notes: string[] = [];
  const libraryName = report.library.name;
  for (const file of all) {
    const relative = common ? file.slice(common.length + 1) : file;
    const to = posix(dir, 'src/lib', relative);
    const text = sources[file];
    if (text === undefined) throw new InputError(`${file}: the file to move could not be read.`);
    const rewrites: PlannedMove['rewrites'] = [];
    let content = text;
    for (const entry of files.get(file)?.imports ?? []) {
      const target = entry.target;
      if (target.kind === 'package') {
        if (target.name === libraryName) {
          notes.push(
            `${file} imports its own package (${entry.specifier}): rewrite that import by hand after the move.`,
          );
          continue;
        }
        if (!entry.specifier.startsWith('node:') && !BUILTINS.has(target.name)) {
          const external = usable
            .flatMap(analysis => analysis.closure.externals)
            .find(candidate => candidate.name === target.name);
          externals.set(
            target.name,
            external?.declared ?? (external?.installed ? `^${external.installed}` : undefined),
          );
        }
      }
    }
    // Bare `node:` specifiers and relative imports keep working because the layout under src/lib is the library's.
    content = content.replace(/\r\n/g, '\n');
    moves.push({ from: file, to, rewrites });
    planned.push({ path: to, content });
  }
  return { moves, files: planned, externals, notes };
}

const BUILTINS = new Set([
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'querystring',
  'readline',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'url',
  'util',
  'zlib',
  'worker_threads',
]);

/**
 * Plans `faultline extract`: which exports become routes (and why the others cannot), their exact
 * request and response schemas, the error classes to map, the dependencies, and every file to
 * write. Throws `InputError` for names that cannot be used, and `BlockedExportError` when an
 * export cannot be generated and `allowBlocked` is off.
 */
export function planExtraction(report: AnalysisReport, options: PlanOptions): ExtractionPlan {
  const libraryName = report.library.name;
  if (!libraryName && options.mode === 'wrap')
    throw new InputError(
      `${report.library.root}/package.json has no "name": --mode wrap makes the service depend on the library by name; give it one, or use --mode move.`,
    );
  const service = servicePart(options, libraryName);
  const idempotentByTeam = new Set(options.idempotent ?? []);
  for (const name of idempotentByTeam)
    if (!report.exports.some(analysis => analysis.name === name))
      throw new InputError(
        `--idempotent names \`${printable(name)}\`, which is not among the exports to extract.`,
      );

  const leftOut: LeftOut[] = [];
  const usable: ExportAnalysis[] = [];
  for (const analysis of [...report.exports].sort((a, b) => a.name.localeCompare(b.name))) {
    const reasons = wireReasons(analysis.name, analysis, analysis.wire);
    if (!isSafeIdentifier(analysis.name))
      reasons.unshift(
        `\`${printable(analysis.name)}\` is not a plain identifier, so it cannot name a route and a client method`,
      );
    if (options.mode === 'move' && analysis.wire && !isSafeIdentifier(analysis.declaration.name))
      reasons.push(`its declaration has no plain name to import after the move`);
    if (CLIENT_MEMBERS.has(analysis.name))
      reasons.push(
        `\`${analysis.name}\` is a member every generated client has; export the function under another name`,
      );
    if (reasons.length > 0) leftOut.push({ name: analysis.name, reasons });
    else usable.push(analysis);
  }
  if (leftOut.length > 0 && !options.allowBlocked) throw new BlockedExportError(leftOut);
  if (usable.length === 0) throw new BlockedExportError(leftOut, true);

  const merged = mergeDefinitions(
    usable.map(analysis => ({ name: analysis.name, wire: analysis.wire as WireSignature })),
  );
  const defs = merged.table;
  const implementation =
    options.mode === 'wrap'
      ? { specifier: libraryName as string, testSpecifier: libraryName as string }
      : { specifier: './implementation.js', testSpecifier: '../src/implementation.js' };

  const errorClasses = new Map<string, PlannedErrorClass>();
  const clashes: string[] = [];
  const operations: PlannedOperation[] = usable.map(analysis => {
    const wire = analysis.wire as WireSignature;
    const renames = merged.renamed.get(analysis.name);
    const parameters: PlannedParameter[] = wire.parameters.map((parameter: WireParameter, index) => ({
      name: isSafeIdentifier(parameter.name) && parameter.name !== 'options' ? parameter.name : `arg${index}`,
      type: renameRefs(parameter.type, renames),
      optional: parameter.optional,
      signal: parameter.signal,
    }));
    const sent = parameters.filter(parameter => !parameter.signal);
    const result = renameRefs(wire.result, renames);
    const impure = analysis.hazards.filter(hazard => IMPURE.test(hazard.code));
    const byTeam = idempotentByTeam.has(analysis.name);
    const generated = new Set(
      ['ValidationError', 'ProtocolError', 'RemoteError'].map(suffix => `${service.pascal}${suffix}`),
    );
    for (const errorClass of wire.errors) {
      if (errorClasses.has(errorClass.name) || !isSafeIdentifier(errorClass.name)) continue;
      if (generated.has(errorClass.name) || errorClass.name === 'defaultErrorClasses') {
        clashes.push(
          `${errorClass.name} has the name of a class the client generates: the client reports it as ${service.pascal}RemoteError (rename the class, or the service).`,
        );
        continue;
      }
      const fields = errorClass.fields.filter(field => isSafeIdentifier(field.name));
      const importFrom =
        options.mode === 'wrap'
          ? errorClass.exportedAs && isSafeIdentifier(errorClass.exportedAs)
            ? { specifier: libraryName as string, name: errorClass.exportedAs }
            : undefined
          : { specifier: './implementation.js', name: errorClass.name };
      errorClasses.set(errorClass.name, {
        name: errorClass.name,
        fields,
        ...(importFrom ? { importFrom } : {}),
        status: 422,
      });
    }
    return {
      name: analysis.name,
      route: `/rpc/${analysis.name}`,
      ...(wire.description ? { description: wire.description } : {}),
      parameters,
      sent,
      result,
      resultIsUndefined: result.kind === 'undefined',
      idempotent: byTeam || impure.length === 0,
      idempotentBecause: byTeam
        ? 'marked idempotent with --idempotent'
        : impure.length === 0
          ? 'the analysis found no state, I/O or remote calls in its closure'
          : `not idempotent: ${[...new Set(impure.map(hazard => hazard.code))].join(', ')} in its closure (mark it with --idempotent if repeating it is safe)`,
      errors: wire.errors.map(errorClass => errorClass.name).filter(name => errorClasses.has(name)),
      requestSchema: requestSchema(sent, defs),
      responseSchema: responseSchema(result, defs),
      parity: parityOf(analysis),
    };
  });

  const packages = baseDependencies(options.runtimeVersion);
  packages.service.name = service.packageName;
  packages.client.name = service.clientPackageName;
  const notes: string[] = [...clashes];
  let moves: PlannedMove[] = [];
  let extraFiles: PlannedFile[] = [];
  if (options.mode === 'wrap') {
    packages.service.dependencies[libraryName as string] = report.library.version
      ? `^${report.library.version}`
      : '*';
  } else {
    const moved = planMoves(report, usable, service.dir, options.sources ?? {});
    moves = moved.moves;
    extraFiles = moved.files;
    notes.push(...moved.notes);
    for (const [name, version] of moved.externals) {
      if (version === undefined)
        notes.push(`${name}: no version declared or installed; its dependency is "*" until you pin it.`);
      packages.service.dependencies[name] = version ?? '*';
    }
  }
  packages.service.dependencies = sortKeys(packages.service.dependencies);

  const plan: ExtractionPlan = {
    command: 'extract',
    mode: options.mode,
    service,
    library: {
      name: libraryName ?? report.library.root,
      ...(report.library.version ? { version: report.library.version } : {}),
      dir: report.library.root,
    },
    implementation,
    operations,
    definitions: definitionList(defs, merged.docs),
    definitionTable: defs,
    errorClasses: [...errorClasses.values()].sort((a, b) => a.name.localeCompare(b.name)),
    packages,
    moves,
    leftOut,
    notes,
    openapi: {},
    files: [],
    implementationExports: [],
    anyNonIdempotent: operations.some(operation => !operation.idempotent),
    deploy: { serviceDir: '', buildWorkspaces: [], copyPaths: [] },
  };
  const names = operations.map(operation => operation.name).join(', ');
  service.description = `${names} from ${plan.library?.name}, as a service (generated by faultline)`;
  service.clientDescription = `Typed, resilient client of ${service.packageName}`;
  service.readmeIntro = `${names} of ${plan.library?.name}, served over HTTP (${options.mode === 'wrap' ? 'the service calls the library, so both run one source of truth' : 'the code was moved into src/lib'}).`;
  const workspaceRoot = options.workspaceRoot ?? '';
  const inWorkspace = (dir: string): string => path.posix.relative(workspaceRoot || '.', dir) || '.';
  plan.deploy = {
    serviceDir: inWorkspace(service.dir),
    buildWorkspaces: options.mode === 'wrap' && libraryName ? [libraryName] : [],
    copyPaths: [
      ...(options.mode === 'wrap' ? [inWorkspace(report.library.root)] : []),
      `${inWorkspace(service.dir)}/package.json`,
      `${inWorkspace(service.dir)}/dist`,
    ],
  };
  plan.openapi = openapiDocument(plan, defs);
  const extraTemplates =
    options.mode === 'move'
      ? ([['service/src/implementation.ts.hbs', 'src/implementation.ts']] as const)
      : [];
  if (options.shim && report.library.language !== 'typescript')
    notes.push(
      'the library is JavaScript and the shim is TypeScript: no shim was written; route the calls to the service yourself (the client has the same signatures).',
    );
  else if (options.shim) {
    plan.shim = planShim(report, {
      service,
      operations,
      runtimeVersion: options.runtimeVersion,
      clientVersion: '^0.1.0',
      entryText: options.shim.entryText,
    });
    if (options.mode === 'wrap' && libraryName) {
      // The library now depends on the client: the image builds the client first and ships it.
      plan.deploy.buildWorkspaces.unshift(service.clientPackageName);
      plan.deploy.copyPaths.push(
        `${inWorkspace(service.dir)}/client/package.json`,
        `${inWorkspace(service.dir)}/client/dist`,
      );
    }
    extraFiles.push(
      { path: plan.shim.file, template: 'shim/shim.ts.hbs' },
      { path: posix(service.dir, 'src/serving.ts'), template: 'service/src/serving.ts.hbs' },
    );
  }
  plan.files = [...templateFiles(service.dir, extraTemplates), ...extraFiles].sort((a, b) =>
    a.path.localeCompare(b.path),
  );
  if (options.mode === 'move') {
    // The barrel re-exports each operation and error class from the moved file that declares it.
    const fromFile = (file: string): string | undefined => {
      const move = moves.find(candidate => candidate.from === file);
      if (!move) return undefined;
      return `./${path.posix.relative(posix(service.dir, 'src'), move.to)}`.replace(/\.(m|c)?tsx?$/, '.js');
    };
    const exports = new Map<string, { local: string; from: string }>();
    for (const analysis of usable) {
      const from = fromFile(analysis.declaration.location.file);
      if (from) exports.set(analysis.name, { local: analysis.declaration.name, from });
    }
    for (const errorClass of usable.flatMap(analysis => analysis.wire?.errors ?? [])) {
      const from = fromFile(errorClass.location.file);
      if (from && isSafeIdentifier(errorClass.name))
        exports.set(errorClass.name, { local: errorClass.name, from });
      else {
        const planned = plan.errorClasses.find(candidate => candidate.name === errorClass.name);
        if (planned) delete planned.importFrom;
      }
    }
    plan.implementationExports = [...exports]
      .map(([name, { local, from }]) => ({ name, local, alias: local !== name, from }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
  return plan;
}

/** Exports that cannot be generated, with the analysis' reasons. Exit code 2. */
export class BlockedExportError extends InputError {
  override name = 'BlockedExportError';
  readonly leftOut: readonly LeftOut[];

  constructor(leftOut: readonly LeftOut[], nothingLeft = false) {
    const lines = leftOut.flatMap(entry => [
      `  ${entry.name}:`,
      ...entry.reasons.map(reason => `    - ${reason}`),
    ]);
    super(
      nothingLeft
        ? `none of the exports can become a route:\n${lines.join('\n')}`
        : `${leftOut.length === 1 ? 'an export' : `${leftOut.length} exports`} cannot become a route:\n${lines.join('\n')}\nFix what is listed, leave ${leftOut.length === 1 ? 'it' : 'them'} out of --export, or pass --allow-blocked to generate the rest.`,
    );
    this.leftOut = leftOut;
  }
}

export { kebabCase };
