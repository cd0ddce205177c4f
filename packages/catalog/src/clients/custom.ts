// A team's own clients, described in `settings.faultline.clients`: bounded by the option keys
// the settings name (a finite number, or a timed AbortSignal), dotted keys inside nested options.
import type { ClientFamily } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { judgeSignal, judgeTimeoutProp, lookupLayersPath, missingOrUnknown } from '../summary.js';
import type { Verdict } from '../types.js';

function decideCustom(input: JudgeInput): Verdict {
  const keys = input.keys ?? ['timeout', 'signal'];
  let opaque = false;
  for (const key of keys) {
    const found = lookupLayersPath(input, key);
    opaque ||= found.opaque;
    if (!found.prop) continue;
    if (found.prop.value.kind === 'signal') {
      const verdict = judgeSignal(found.prop);
      if (verdict) return verdict;
      continue;
    }
    return judgeTimeoutProp(found.prop, key) ?? { status: 'bounded' };
  }
  return missingOrUnknown(opaque);
}

export const customFamily: ClientFamily = {
  family: {
    id: 'custom',
    label: 'client',
    reportAt: 'call',
    fix: 'pass one of the bounding options configured in `settings.faultline.clients`',
  },
  instances: { custom: { members: {} } },
  decide: decideCustom,
};
