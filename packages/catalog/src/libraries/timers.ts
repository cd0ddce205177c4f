// Timers that wait: a retry that sleeps through one of these has a delay.
import type { MemberTable } from '../types.js';

export const TIMER_MODULES: Readonly<Record<string, MemberTable>> = {
  'node:timers/promises': {
    setTimeout: { role: 'sleep', arg: 0 },
    'scheduler.wait': { role: 'sleep', arg: 0 },
  },
  delay: { '': { role: 'sleep', arg: 0 } },
};
