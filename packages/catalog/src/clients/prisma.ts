// Prisma Client: no query timeout of its own; the connection URL's `socket_timeout` (PostgreSQL,
// MySQL connectors) is what bounds a query. The URL usually comes from schema.prisma and the
// environment, which no reader sees, so only a literal URL is judged. Calls take no deadline of
// their own (no signal, no timeout), so they are judged at the construction. Interactive
// transactions are different: `$transaction(fn, { maxWait, timeout })` (defaults 2 000 and
// 5 000 ms, or `transactionOptions` in the constructor) bound the transaction, not the queries
// outside one, so they do not make the client bounded. `$queryRaw\`…\`` is a tagged template, not a
// call, so neither reader sees it as one.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { connectionStringHas, getPath, getProp, isOpaque } from '../summary.js';
import type { Verdict } from '../types.js';

function decidePrisma(input: JudgeInput): Verdict {
  const options = input.options;
  if (options.kind !== 'object' || isOpaque(options)) return { status: 'unknown' };
  const url = getProp(options, 'datasourceUrl') ?? getPath(options, ['datasources', 'db', 'url']);
  if (!url || url.value.kind !== 'string') return { status: 'unknown' };
  if (connectionStringHas(url.value, ['socket_timeout'])) return { status: 'bounded' };
  return { status: 'missing', detail: '`socket_timeout` in the connection URL' };
}

export const prismaFamily: ClientFamily = {
  family: {
    id: 'prisma',
    label: 'Prisma',
    reportAt: 'construction',
    fix: 'add `socket_timeout` (seconds) to the datasource URL, or bound each query with a timeout wrapper',
  },
  modules: { '@prisma/client': { PrismaClient: factory('prisma', 'prisma', { at: 0 }) } },
  instances: {
    // `prisma.user.findMany()`, `prisma.$queryRawUnsafe(sql)`, `prisma.$transaction([...])`.
    prisma: {
      members: {},
      any: call('prisma', NONE),
      anyDepth: 2,
      except: ['$on', '$use', '$extends', '$disconnect', 'constructor'],
    },
  },
  decide: decidePrisma,
};
