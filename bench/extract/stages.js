#!/usr/bin/env node
// One in-process `extract`, timed stage by stage from its progress events: where the time of
// bench/extract's timing runs goes. Prints JSON; run by run.js with the repository as cwd.
//
//   node bench/extract/stages.js <cwd> <library> <exports> <service>
import { performance } from 'node:perf_hooks';

const [cwd, library, exports, service] = process.argv.slice(2);
const startup = performance.now(); // node's own start-up, before this module ran
const core = await import('@faultline/core');
const loaded = performance.now();
const marks = [];
let last;
await core.extractService({
  library,
  exports: exports.split(','),
  service,
  cwd,
  onProgress: event => {
    if (event.stage === last) return;
    last = event.stage;
    marks.push({ stage: event.stage, at: performance.now() });
  },
});
const end = performance.now();
const stages = {
  'node start-up': startup,
  'loading faultline (ts-morph, prettier, handlebars, …)': loaded - startup,
};
marks.forEach((mark, index) => {
  stages[mark.stage] = (marks[index + 1]?.at ?? end) - mark.at;
});
if (marks[0]) stages['before the first stage'] = marks[0].at - loaded;
process.stdout.write(
  `${JSON.stringify(Object.fromEntries(Object.entries(stages).map(([name, ms]) => [name, Math.round(ms)])))}\n`,
);
