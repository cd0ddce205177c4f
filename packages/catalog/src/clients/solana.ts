// @solana/web3.js (v1): `new Connection(endpoint, commitmentOrConfig?)` sends every JSON-RPC
// request with `fetch` and no timeout or signal (src/connection.ts createRpcClient), and no method
// takes one. A `fetch` or `fetchMiddleware` in the ConnectionConfig is the team's own transport and
// may add a deadline; an `httpAgent` may time sockets out. The bound therefore lives where the
// Connection is made: a custom `fetch` that adds `signal: AbortSignal.timeout(ms)`.
// `confirmTransactionInitialTimeout` bounds only the wait for a confirmation, not a request.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, isOpaque } from '../summary.js';
import type { Verdict } from '../types.js';

function decideSolana(input: JudgeInput): Verdict {
  const config = input.options;
  // A commitment string, or nothing: no way to bound a request.
  if (config.kind === 'absent' || config.kind === 'string') return { status: 'missing' };
  if (config.kind !== 'object' || isOpaque(config)) return { status: 'unknown' };
  const agent = getProp(config, 'httpAgent');
  if (
    getProp(config, 'fetch') ||
    getProp(config, 'fetchMiddleware') ||
    (agent && agent.value.kind !== 'boolean')
  )
    return { status: 'unknown' };
  return { status: 'missing' };
}

/** Connection members that make no request, or only subscribe over the websocket. */
const LOCAL = [
  'rpcEndpoint',
  'commitment',
  'constructor',
  'removeAccountChangeListener',
  'removeProgramAccountChangeListener',
  'removeOnLogsListener',
  'removeSlotChangeListener',
  'removeSlotUpdateListener',
  'removeSignatureListener',
  'removeRootChangeListener',
  'onAccountChange',
  'onProgramAccountChange',
  'onLogs',
  'onSlotChange',
  'onSlotUpdate',
  'onSignature',
  'onSignatureWithOptions',
  'onRootChange',
];

export const solanaFamily: ClientFamily = {
  family: {
    id: 'solana',
    label: 'Solana',
    reportAt: 'construction',
    fix: 'pass a `fetch` in the Connection config that adds a deadline: `fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(10_000) })`',
  },
  modules: { '@solana/web3.js': { Connection: factory('solana', 'solana', { at: 1 }) } },
  instances: { solana: { members: {}, any: call('solana', NONE), except: LOCAL } },
  types: [
    {
      names: ['Connection'],
      modules: ['@solana/web3.js'],
      packages: ['/@solana/web3.js/'],
      instance: 'solana',
      family: 'solana',
    },
  ],
  decide: decideSolana,
};
