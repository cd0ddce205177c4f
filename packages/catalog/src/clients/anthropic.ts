// Anthropic: a finite 10 min default that no option value turns off.
import { type ClientFamily, NONE, call, factory } from '../build.js';

export const anthropicFamily: ClientFamily = {
  family: {
    id: 'anthropic',
    label: 'Anthropic',
    reportAt: 'construction',
    fix: 'keep the SDK’s 10 min default or set a finite `timeout` (ms)',
  },
  modules: {
    '@anthropic-ai/sdk': {
      '': factory('anthropic', 'anthropic', { at: 0 }),
      Anthropic: factory('anthropic', 'anthropic', { at: 0 }),
    },
  },
  instances: {
    anthropic: {
      members: {},
      any: call('anthropic', NONE),
      anyDepth: 4,
      except: ['withOptions', 'apiKey', 'baseURL'],
    },
  },
  decide: () => ({ status: 'bounded' }),
};
