// viem: the `http`, `webSocket` and `ipc` transports bound every request with `timeout`, default
// 10 000 ms (src/clients/transports/http.ts `timeout_ ?? config.timeout ?? 10_000`), so a client
// is not a hazard unless a transport sets `timeout` to 0 or less: withTimeout arms its timer only
// `if (timeout > 0)` (src/utils/promise/withTimeout.ts). Read at wevm/viem@0912a29.
// `custom(provider)` transports (an injected wallet) are left out: their bound is the provider's.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, showValue } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';

const CLIENT = factory('viem', 'viem', { at: 0 });
const TRANSPORT_AT_1 = factory('viem-transport', 'viem', { at: 1 });

const VIEM_MODULE: MemberTable = {
  createPublicClient: CLIENT,
  createWalletClient: CLIENT,
  createTestClient: CLIENT,
  createClient: CLIENT,
  http: TRANSPORT_AT_1,
  webSocket: TRANSPORT_AT_1,
  ipc: TRANSPORT_AT_1,
};

/** Actions that send JSON-RPC requests (local signing, `extend` and watchers are left out). */
const ACTIONS = [
  'request',
  'call',
  'getBalance',
  'getBlock',
  'getBlockNumber',
  'getChainId',
  'getCode',
  'getGasPrice',
  'getLogs',
  'getContractEvents',
  'getStorageAt',
  'getTransaction',
  'getTransactionCount',
  'getTransactionReceipt',
  'estimateGas',
  'estimateContractGas',
  'estimateFeesPerGas',
  'readContract',
  'multicall',
  'simulateContract',
  'writeContract',
  'sendTransaction',
  'sendRawTransaction',
  'waitForTransactionReceipt',
];

/** Only an explicit `timeout` of 0 or less turns a transport's default deadline off. */
function decideViem(input: JudgeInput): Verdict {
  const timeout = getProp(input.options, 'timeout');
  if (timeout && timeout.value.kind === 'number' && !(timeout.value.value > 0))
    return { status: 'none', key: 'timeout', value: showValue(timeout.value), at: timeout.at };
  return { status: 'bounded' };
}

export const viemFamily: ClientFamily = {
  family: {
    id: 'viem',
    label: 'viem',
    reportAt: 'construction',
    fix: 'keep the transport’s 10 s default or set a positive `timeout` (ms)',
  },
  modules: { viem: VIEM_MODULE },
  instances: {
    viem: { members: Object.fromEntries(ACTIONS.map(name => [name, call('viem', NONE)])) },
    'viem-transport': { members: {} },
  },
  types: [
    {
      names: ['PublicClient', 'WalletClient', 'Client'],
      modules: ['viem'],
      packages: ['/viem/'],
      instance: 'viem',
      family: 'viem',
    },
  ],
  decide: decideViem,
};
