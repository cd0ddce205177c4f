// Elasticsearch: no request bound by default; `requestTimeout` (ms or a duration) in the client options.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import { isFalsyNone, judgeRequiredTimeout } from '../summary.js';

export const elasticsearchFamily: ClientFamily = {
  family: {
    id: 'elasticsearch',
    label: 'Elasticsearch',
    reportAt: 'construction',
    fix: "set `requestTimeout` (ms or a duration such as `'30s'`) in the client options",
  },
  modules: { '@elastic/elasticsearch': { Client: factory('elasticsearch', 'elasticsearch', { at: 0 }) } },
  instances: {
    elasticsearch: {
      members: {},
      any: call('elasticsearch', NONE),
      anyDepth: 3,
      except: [
        'on',
        'once',
        'emit',
        'child',
        'close',
        'diagnostic',
        'helpers',
        'transport',
        'connectionPool',
        'name',
      ],
    },
  },
  decide: input => judgeRequiredTimeout(input, ['requestTimeout'], isFalsyNone),
};
