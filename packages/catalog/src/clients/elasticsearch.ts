// Elasticsearch: `requestTimeout` (ms or a duration) in the client options. Before 9.0 the client
// timed every request out after 30 s by default; 9.0 removed that default ("Timeout best
// practices", elastic.co). So a client without `requestTimeout` is bounded when the package.json
// declares a major below 9, and reported when it declares 9 or more, or says nothing readable.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import { isFalsyNone, judgeRequiredTimeout } from '../summary.js';

export const elasticsearchFamily: ClientFamily = {
  family: {
    id: 'elasticsearch',
    label: 'Elasticsearch',
    reportAt: 'construction',
    versionPackages: ['@elastic/elasticsearch'],
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
  decide: input => {
    const verdict = judgeRequiredTimeout(input, ['requestTimeout'], isFalsyNone);
    // Before 9.0 an omitted `requestTimeout` meant 30 s.
    if (verdict.status === 'missing' && input.packageMajor !== undefined && input.packageMajor < 9)
      return { status: 'bounded' };
    return verdict;
  },
};
