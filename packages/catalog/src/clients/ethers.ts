// ethers JSON-RPC providers: every request has a finite default deadline, and no constructor
// option turns it off. v6: `new JsonRpcProvider(url | FetchRequest)` sends through FetchRequest,
// whose timeout defaults to 300 000 ms (src.ts/utils/fetch.ts `this.#timeout = 300000`).
// v5: `new providers.JsonRpcProvider(url | ConnectionInfo)` through fetchJson, 120 000 ms unless a
// positive `timeout` replaces it (packages/web/src.ts/index.ts `let timeout = 2 * 60 * 1000`).
// Read at ethers-io/ethers.js@98c49d0 (main) and its v5 branch. The calls are still remote calls
// for the other rules (fan-out, partial availability).
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { MemberTable } from '../types.js';

const PROVIDER = factory('ethers', 'ethers', { at: 0 });

const ETHERS_MODULE: MemberTable = {
  JsonRpcProvider: PROVIDER,
  StaticJsonRpcProvider: PROVIDER,
  'providers.JsonRpcProvider': PROVIDER,
  'providers.StaticJsonRpcProvider': PROVIDER,
  'ethers.JsonRpcProvider': PROVIDER,
  'ethers.providers.JsonRpcProvider': PROVIDER,
  'ethers.providers.StaticJsonRpcProvider': PROVIDER,
};

/** Provider methods that send JSON-RPC requests (event and configuration members are left out). */
const PROVIDER_CALLS = [
  'send',
  'getNetwork',
  'getBlockNumber',
  'getBalance',
  'getTransactionCount',
  'getCode',
  'getStorage',
  'getStorageAt',
  'call',
  'estimateGas',
  'getBlock',
  'getBlockWithTransactions',
  'getTransaction',
  'getTransactionReceipt',
  'getLogs',
  'getFeeData',
  'getGasPrice',
  'broadcastTransaction',
  'sendTransaction',
  'waitForTransaction',
  'resolveName',
  'lookupAddress',
  'listAccounts',
];

export const ethersFamily: ClientFamily = {
  family: {
    id: 'ethers',
    label: 'ethers',
    reportAt: 'construction',
    fix: 'keep the provider’s default request timeout (300 s in v6, 120 s in v5) or set a shorter one',
  },
  modules: { ethers: ETHERS_MODULE, '@ethersproject/providers': ETHERS_MODULE },
  instances: {
    ethers: { members: Object.fromEntries(PROVIDER_CALLS.map(name => [name, call('ethers', NONE)])) },
  },
  types: [
    {
      names: ['JsonRpcProvider', 'StaticJsonRpcProvider'],
      modules: ['ethers', '@ethersproject/providers'],
      packages: ['/ethers/', '/@ethersproject/providers/'],
      instance: 'ethers',
      family: 'ethers',
    },
  ],
  decide: () => ({ status: 'bounded' }),
};
