// Timers that wait: a retry that sleeps through one of these has a delay. Each takes the wait in
// milliseconds as its first argument (read from each package's typings):
// node:timers/promises setTimeout(ms), scheduler.wait(ms); delay 6 delay(ms); sleep-promise 9
// sleep(ms); await-sleep 1 sleep(ms); yoctodelay 2 delay(ms); es-toolkit 1 delay(ms); radash 12
// sleep(ms); @std/async 1 delay(ms); bluebird 3 Promise.delay(ms).
import type { MemberTable } from '../types.js';

const SLEEP = { role: 'sleep', arg: 0 } as const;

export const TIMER_MODULES: Readonly<Record<string, MemberTable>> = {
  'node:timers/promises': {
    setTimeout: SLEEP,
    'scheduler.wait': SLEEP,
  },
  delay: { '': SLEEP },
  'sleep-promise': { '': SLEEP },
  'await-sleep': { '': SLEEP },
  yoctodelay: { '': SLEEP },
  'es-toolkit': { delay: SLEEP },
  'es-toolkit/promise': { delay: SLEEP },
  radash: { sleep: SLEEP },
  '@std/async': { delay: SLEEP },
  '@std/async/delay': { delay: SLEEP },
  bluebird: { delay: SLEEP },
};
