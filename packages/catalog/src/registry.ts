// The catalog assembled from its per-library files: which calls are remote, per client library,
// with the real option names. Facts come from each package's own source; see
// docs/research/client-timeouts.md and ../shared/research/lint-anchors.md.
import type { ClientFamily, DeclaredType } from './build.js';
import { anthropicFamily } from './clients/anthropic.js';
import { apolloFamily } from './clients/apollo.js';
import { awsFamily } from './clients/aws.js';
import { axiosFamily } from './clients/axios.js';
import { customFamily } from './clients/custom.js';
import { drizzleFamily } from './clients/drizzle.js';
import { elasticsearchFamily } from './clients/elasticsearch.js';
import { meilisearchFamily } from './clients/meilisearch.js';
import { keycloakFamily } from './clients/keycloak.js';
import { simpleOauth2Family } from './clients/simple-oauth2.js';
import { supabaseFamily } from './clients/supabase.js';
import { ethersFamily } from './clients/ethers.js';
import { aiSdkFamily } from './clients/ai-sdk.js';
import { googleAuthFamily } from './clients/google-auth.js';
import { googleapisFamily } from './clients/googleapis.js';
import { resendFamily } from './clients/resend.js';
import { requestFamily } from './clients/request.js';
import { minioFamily } from './clients/minio.js';
import { actionsHttpFamily } from './clients/actions-http.js';
import { postgresJsFamily } from './clients/postgres-js.js';
import { sendgridFamily } from './clients/sendgrid.js';
import { fetchFamily } from './clients/fetch.js';
import { gotFamily } from './clients/got.js';
import { graphqlRequestFamily } from './clients/graphql-request.js';
import { connectFamily } from './clients/connect.js';
import { grpcFamily } from './clients/grpc.js';
import { httpFamily } from './clients/http.js';
import { ioredisFamily } from './clients/ioredis.js';
import { jaysonFamily } from './clients/jayson.js';
import { knexFamily } from './clients/knex.js';
import { kyFamily } from './clients/ky.js';
import { mongodbFamily } from './clients/mongodb.js';
import { mysql2Family } from './clients/mysql2.js';
import { nodeRedisFamily } from './clients/node-redis.js';
import { ofetchFamily } from './clients/ofetch.js';
import { octokitFamily } from './clients/octokit.js';
import { openaiFamily } from './clients/openai.js';
import { pgFamily } from './clients/pg.js';
import { plaidFamily } from './clients/plaid.js';
import { prismaFamily } from './clients/prisma.js';
import { sequelizeFamily, typeormFamily } from './clients/sql-orm.js';
import { slackFamily } from './clients/slack.js';
import { solanaFamily } from './clients/solana.js';
import { ssh2Family } from './clients/ssh2.js';
import { stripeFamily } from './clients/stripe.js';
import { superagentFamily } from './clients/superagent.js';
import { twilioFamily } from './clients/twilio.js';
import { undiciFamily } from './clients/undici.js';
import { viemFamily } from './clients/viem.js';
import { wsFamily } from './clients/ws.js';
import { LIMITER_INSTANCES, LIMITER_MODULES } from './libraries/limiters.js';
import { LOCK_INSTANCES, LOCK_MODULES } from './libraries/locks.js';
import { isRemoteOnlyModule } from './libraries/remote-modules.js';
import { RETRY_INSTANCES, RETRY_MODULES } from './libraries/retry.js';
import { TIMER_MODULES } from './libraries/timers.js';
import type {
  Family,
  FamilyId,
  InstanceKind,
  InstanceTable,
  ListPages,
  MemberTable,
  Role,
  Summary,
} from './types.js';

/** Every client family, by id. */
export const CLIENT_FAMILIES: Readonly<Record<FamilyId, ClientFamily>> = {
  fetch: fetchFamily,
  axios: axiosFamily,
  got: gotFamily,
  ky: kyFamily,
  ofetch: ofetchFamily,
  superagent: superagentFamily,
  undici: undiciFamily,
  http: httpFamily,
  grpc: grpcFamily,
  connect: connectFamily,
  ssh2: ssh2Family,
  ws: wsFamily,
  solana: solanaFamily,
  aws: awsFamily,
  pg: pgFamily,
  ioredis: ioredisFamily,
  'node-redis': nodeRedisFamily,
  mongodb: mongodbFamily,
  octokit: octokitFamily,
  slack: slackFamily,
  stripe: stripeFamily,
  openai: openaiFamily,
  twilio: twilioFamily,
  anthropic: anthropicFamily,
  'ai-sdk': aiSdkFamily,
  googleapis: googleapisFamily,
  'google-auth': googleAuthFamily,
  resend: resendFamily,
  request: requestFamily,
  minio: minioFamily,
  'actions-http': actionsHttpFamily,
  'postgres-js': postgresJsFamily,
  sendgrid: sendgridFamily,
  elasticsearch: elasticsearchFamily,
  meilisearch: meilisearchFamily,
  keycloak: keycloakFamily,
  'simple-oauth2': simpleOauth2Family,
  supabase: supabaseFamily,
  prisma: prismaFamily,
  sequelize: sequelizeFamily,
  typeorm: typeormFamily,
  mysql2: mysql2Family,
  knex: knexFamily,
  drizzle: drizzleFamily,
  'graphql-request': graphqlRequestFamily,
  apollo: apolloFamily,
  jayson: jaysonFamily,
  ethers: ethersFamily,
  viem: viemFamily,
  plaid: plaidFamily,
  custom: customFamily,
};

const families = Object.values(CLIENT_FAMILIES);

/** Each family's bound, label and fix, by id. */
export const FAMILIES: Readonly<Record<FamilyId, Family>> = Object.fromEntries(
  families.map(entry => [entry.family.id, entry.family]),
) as Record<FamilyId, Family>;

/** Modules with exact names: clients first, then the libraries that shape how calls behave. */
const MODULES: Readonly<Record<string, MemberTable>> = Object.assign(
  {},
  ...families.map(entry => entry.modules ?? {}),
);
const LIBRARY_MODULES: Readonly<Record<string, MemberTable>> = {
  ...RETRY_MODULES,
  ...TIMER_MODULES,
  ...LIMITER_MODULES,
  ...LOCK_MODULES,
};

const INSTANCES = Object.assign(
  {},
  ...families.map(entry => entry.instances ?? {}),
  RETRY_INSTANCES,
  LIMITER_INSTANCES,
  LOCK_INSTANCES,
) as Readonly<Record<InstanceKind, InstanceTable>>;

const GLOBALS: MemberTable = Object.assign({}, ...families.map(entry => entry.globals ?? {}));

const PREFIXES = families.flatMap(entry => (entry.modulePrefix ? [entry.modulePrefix] : []));

/** Declared types that identify a client instance when its construction is not visible. */
export const TYPE_INSTANCES: readonly DeclaredType[] = families.flatMap(entry => entry.types ?? []);

/** True when the catalog knows this (canonical) module. */
export function isKnownModule(module: string): boolean {
  return (
    module in MODULES || module in LIBRARY_MODULES || PREFIXES.some(entry => module.startsWith(entry.prefix))
  );
}

/** Modules (and prefixes) of the families whose bound lives where a client is made (pg, ioredis, AWS…). */
const CONSTRUCTION_MODULES = new Set(
  families
    .filter(entry => entry.family.reportAt === 'construction')
    .flatMap(entry => Object.keys(entry.modules ?? {})),
);
const CONSTRUCTION_PREFIXES = families
  .filter(entry => entry.family.reportAt === 'construction' && entry.modulePrefix)
  .map(entry => (entry.modulePrefix as { prefix: string }).prefix);

/**
 * True when this (canonical) module makes clients whose deadline is set where they are made
 * (`new Pool(…)`, `new Redis(…)`, `new S3Client(…)`, `new Connection(…)`), so a module that
 * imports it may construct one.
 */
export function makesConstructionClients(module: string): boolean {
  return CONSTRUCTION_MODULES.has(module) || CONSTRUCTION_PREFIXES.some(prefix => module.startsWith(prefix));
}

/**
 * True when calls through this (canonical) module talk to another process: a client family of the
 * catalog, or a module the catalog knows only as remote ({@link isRemoteOnlyModule}).
 */
export function isRemoteModule(module: string): boolean {
  return (
    module in MODULES || PREFIXES.some(entry => module.startsWith(entry.prefix)) || isRemoteOnlyModule(module)
  );
}

/** The role of `module.path…` (path after any `default`), if the catalog knows it. */
export function lookupModuleMember(module: string, path: readonly string[]): Role | undefined {
  const key = path.join('.');
  const table = MODULES[module] ?? LIBRARY_MODULES[module];
  if (table) return table[key];
  for (const entry of PREFIXES) if (module.startsWith(entry.prefix)) return entry.lookup(key);
  return undefined;
}

/** The role of a global (`fetch`, `Request`), reached directly or through `globalThis`/`window`. */
export function lookupGlobal(path: readonly string[]): Role | undefined {
  return GLOBALS[path.join('.')];
}

/** The role of `instance.path…` for an instance of the given kind. */
export function lookupInstanceMember(kind: InstanceKind, path: readonly string[]): Role | undefined {
  const table = INSTANCES[kind];
  if (!table) return undefined;
  const key = path.join('.');
  const exact = table.members[key];
  if (exact) return exact;
  // A computed member (`stub[method]`) matches only where any member would.
  const head = path[0] ?? '';
  if (
    table.any &&
    path.length >= 1 &&
    path.length <= (table.anyDepth ?? 1) &&
    !table.except?.includes(head) &&
    !head.startsWith('_')
  ) {
    return table.any;
  }
  return undefined;
}

/** A list read on an instance that answers one page (`stripe.customers.list(…)`): where its params are, and the page's bounds. */
export function listPageOf(
  kind: InstanceKind,
  path: readonly string[],
): { pages: ListPages; paramsAt: number } | undefined {
  const pages = INSTANCES[kind]?.pages;
  const last = path[path.length - 1];
  if (!pages || last === undefined || path.length < pages.minDepth) return undefined;
  if (pages.notUnder?.includes(path[0] as string)) return undefined;
  const method = pages.methods.find(entry => entry.name.test(last));
  return method ? { pages, paramsAt: method.paramsAt } : undefined;
}

/**
 * The pages of the API whose object types `module` exports (`Stripe.Subscription` from `stripe`),
 * for a list embedded in such an object: see `ListPages.typesFrom`.
 */
export function embeddedListPages(module: string): ListPages | undefined {
  for (const table of Object.values(INSTANCES))
    if (table.pages?.typesFrom?.includes(module)) return table.pages;
  return undefined;
}

/**
 * How many items one page holds at most, given its params as summarised: the default when they do
 * not set the size, a literal size up to the server's cap, and the cap for a size the syntax
 * cannot read (the server answers no more). A literal above the cap asks for more than a page:
 * undefined, as for params that are not an object.
 */
export function pageItemsAtMost(pages: ListPages, params: Summary): number | undefined {
  if (params.kind === 'absent') return pages.default;
  if (params.kind === 'opaque') return pages.max;
  if (params.kind !== 'object') return undefined;
  const size = params.props.get(pages.sizeKey);
  if (!size) return params.hasSpread ? pages.max : pages.default;
  if (size.value.kind === 'number') return size.value.value <= pages.max ? size.value.value : undefined;
  return pages.max;
}

/**
 * The client instance a declared type stands for: `AxiosInstance` from axios, `Redis` from
 * ioredis, `S3Client` from `@aws-sdk/client-s3`. `path` is the type's name as imported (after any
 * namespace: `['Redis']` for `IORedis.Redis`, `[]` or `['default']` for a default import).
 */
export function instanceOfDeclaredType(
  module: string,
  written: readonly string[],
): { instance: InstanceKind; family: FamilyId } | undefined {
  // A reader that names a default import by its export name (`default`) means the module itself.
  const path = written.length === 1 && written[0] === 'default' ? [] : written;
  const name = path[path.length - 1];
  if (name !== undefined) {
    for (const entry of TYPE_INSTANCES)
      if (entry.modules.includes(module) && entry.names.includes(name))
        return { instance: entry.instance, family: entry.family };
  }
  // A client class used as a type is an instance of what constructing it makes.
  const role = lookupModuleMember(module, path);
  if (role?.role === 'factory' && !role.inheritsFrom) return { instance: role.instance, family: role.family };
  return undefined;
}
