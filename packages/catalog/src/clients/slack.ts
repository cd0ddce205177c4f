// Slack WebClient: no timeout by default; a finite `timeout` (ms) in its options bounds it.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import { isFalsyNone, judgeRequiredTimeout } from '../summary.js';

export const slackFamily: ClientFamily = {
  family: {
    id: 'slack',
    label: 'Slack WebClient',
    reportAt: 'construction',
    fix: 'set `timeout` (ms) in the WebClient options',
  },
  modules: { '@slack/web-api': { WebClient: factory('slack', 'slack', { at: 1 }) } },
  instances: {
    slack: {
      members: {},
      any: call('slack', NONE),
      anyDepth: 4,
      except: ['on', 'once', 'emit', 'token', 'slackApiUrl'],
    },
  },
  decide: input => judgeRequiredTimeout(input, ['timeout'], isFalsyNone),
};
