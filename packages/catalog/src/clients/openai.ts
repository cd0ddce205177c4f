// OpenAI: a finite 10 min default that no option value turns off.
import { type ClientFamily, NONE, call, factory } from '../build.js';

export const openaiFamily: ClientFamily = {
  family: {
    id: 'openai',
    label: 'OpenAI',
    reportAt: 'construction',
    fix: 'keep the SDK’s 10 min default or set a finite `timeout` (ms)',
  },
  modules: {
    openai: { '': factory('openai', 'openai', { at: 0 }), OpenAI: factory('openai', 'openai', { at: 0 }) },
  },
  instances: {
    openai: {
      members: {},
      any: call('openai', NONE),
      anyDepth: 4,
      except: ['withOptions', 'apiKey', 'baseURL'],
    },
  },
  types: [
    { names: ['OpenAI'], modules: ['openai'], packages: ['/openai/'], instance: 'openai', family: 'openai' },
  ],
  decide: () => ({ status: 'bounded' }),
};
