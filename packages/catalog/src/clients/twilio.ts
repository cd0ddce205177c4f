// Twilio: a finite 30 s default that no option value turns off.
import { type ClientFamily, NONE, call, factory } from '../build.js';

export const twilioFamily: ClientFamily = {
  family: {
    id: 'twilio',
    label: 'Twilio',
    reportAt: 'construction',
    fix: 'keep Twilio’s 30 s default',
  },
  modules: {
    twilio: { '': factory('twilio', 'twilio', { at: 2 }), Twilio: factory('twilio', 'twilio', { at: 2 }) },
  },
  instances: {
    twilio: { members: {}, any: call('twilio', NONE), anyDepth: 4, except: ['webhook', 'validateRequest'] },
  },
  decide: () => ({ status: 'bounded' }),
};
