// The retry settings a call writes, by what the call is: a retry library (p-retry, async-retry,
// node-retry, exponential-backoff, axios-retry, cockatiel), a lock library's retries (redlock), a
// client's own retry options (got, ky, ioredis, node-redis, the AWS SDK, Octokit's retry plugin), or a team's retry
// wrapper described in the settings.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { type Summary, decideRetryOptions, getProp } from '@faultline/catalog';
import { type CallLike, type Node, findNode, isFunction, unwrap } from '../ast.js';
import type { Classified, FileModel } from '../file-model.js';
import { axiosRetryFindings } from './axios-retry.js';
import { cockatielFindings } from './cockatiel.js';
import { delayFunctionFindings } from './delay-function.js';
import { httpRetryFindings } from './http-retry.js';
import { octokitRetryFindings } from './octokit-retry.js';
import { retryAnalysis } from '../retry.js';
import { SleepFinder } from './sleeps.js';
import { type LibraryFinding, asLibraryFinding, number, valueNode } from './library-finding.js';
import { retryWrapperFindings } from './wrappers.js';
import { doesWork, runsLocalCommand } from './work.js';

/** What is wrong with the retry settings `call` writes, if it is a call the catalog or the settings know. */
export function retryCallFindings(model: FileModel, call: CallLike): LibraryFinding[] {
  const classified = model.classify(call);
  return classified
    ? libraryFindings(model, classified)
    : retryWrapperFindings(model, call).map(finding => asLibraryFinding(finding, call.callee));
}

/**
 * The function handed to a retry library is written here (inline, or a function of the file) and
 * makes calls, none of which talks to another process: no remote call the catalog or the project's
 * facts know, nothing named like I/O, no work handed in ({@link doesWork}, the test a hand-written
 * retry's attempt must pass). A tagged template counts as a call only when it runs a local command
 * (execa's `$`): another tag may be a query (`` sql`…` ``).
 */
function retriesLocalWork(model: FileModel, handed: Node | undefined): boolean {
  if (!handed) return false;
  const value = unwrap(handed);
  const fn = isFunction(value) ? value : model.localFunction(value);
  if (!fn) return false;
  const hasCall =
    findNode(
      fn.body as Node,
      node => node.type === AST_NODE_TYPES.CallExpression || runsLocalCommand(model, node),
    ) !== undefined;
  return hasCall && !doesWork(model, fn.body as Node);
}

/** The retry settings of a call the catalog knows: a retry library, a lock library, a client with retry options. */
function libraryFindings(model: FileModel, classified: Classified): LibraryFinding[] {
  const role = classified.role;
  const call = classified.node;
  if (role.role === 'retry') {
    // `pRetry(() => runScript('install'))`: a retry of work that talks to no other process (a
    // local script, the file system) has no herd to spread and no service to spare.
    if (role.fnArg !== undefined && retriesLocalWork(model, call.arguments[role.fnArg] as Node | undefined))
      return [];
    const options = model.optionsOf(call, role.options);
    if (role.library === 'axios-retry') return axiosRetryFindings(model, call, options);
    if (role.library === 'custom' || role.library === 'cockatiel') return [];
    const findings = exponentialOptionsFindings(model, role.library, options, call.callee);
    // p-retry awaits `onFailedAttempt` before the next attempt: a wait there adds to the
    // library's own. It is not "at once"; and a jittered wait there jitters the whole schedule.
    const hook = role.library === 'p-retry' ? failureWait(model, options) : undefined;
    if (hook === 'jittered') return findings.filter(finding => finding.problem === 'unboundedRetry');
    if (hook === 'waits') return findings.filter(finding => finding.problem !== 'noDelay');
    return findings;
  }
  if (role.role === 'policy') {
    if (role.library === 'cockatiel' && role.instance === 'cockatiel-retry') {
      // `wrap(retryPolicy, …)` composes policies; the retry policy itself is judged where it is made.
      if (classified.callee.kind === 'module' && classified.callee.path.join('.') === 'wrap') return [];
      return cockatielFindings(model, call, model.optionsOf(call, role.options));
    }
    if (role.library === 'node-retry')
      return exponentialOptionsFindings(
        model,
        'node-retry',
        model.optionsOf(call, role.options),
        call.callee,
      );
    if (role.library === 'redlock') return redlockFindings(model.optionsOf(call, role.options));
    return [];
  }
  if (role.role === 'coordination' && role.check === 'redlock') {
    const settingsArg = call.arguments[2];
    return settingsArg && !isFunction(unwrap(settingsArg))
      ? redlockFindings(model.summarizeTop(settingsArg))
      : [];
  }
  if (role.role === 'factory' || role.role === 'call') {
    const options = model.optionsOf(call, role.options);
    if (options.kind !== 'object') return [];
    const findings: LibraryFinding[] = [];
    if (role.family === 'got' || role.family === 'ky') {
      const retry = getProp(options, 'retry');
      if (retry) findings.push(...httpRetryFindings(model, role.family, retry, call.callee));
    }
    if (role.role === 'factory' && role.family === 'octokit') {
      const retry = getProp(options, 'retry');
      if (retry) findings.push(...octokitRetryFindings(model, retry));
    }
    if (role.role === 'factory' && role.family === 'ioredis') {
      const nested = getProp(options, 'redisOptions')?.value;
      for (const source of [options, nested]) {
        if (!source) continue;
        for (const key of ['retryStrategy', 'clusterRetryStrategy']) {
          const strategy = getProp(source, key);
          if (strategy)
            findings.push(...delayFunctionFindings(model, valueNode(strategy), strategy.at as Node));
        }
      }
    }
    if (role.role === 'factory' && role.family === 'node-redis') {
      const socket = getProp(options, 'socket');
      const strategy =
        socket?.value.kind === 'object' ? socket.value.props.get('reconnectStrategy') : undefined;
      if (strategy) findings.push(...delayFunctionFindings(model, valueNode(strategy), strategy.at as Node));
    }
    if (role.role === 'factory' && role.family === 'aws') {
      const attempts = getProp(options, 'maxAttempts');
      const count = number(attempts?.value);
      if (attempts && count !== undefined && count > model.settings.maxAttempts)
        findings.push({
          problem: 'unboundedRetry',
          node: attempts.at as Node,
          why: ` (${count} attempts)`,
        });
      const strategy = getProp(options, 'retryStrategy');
      const value = strategy ? unwrap(valueNode(strategy)) : undefined;
      if (
        strategy &&
        value?.type === AST_NODE_TYPES.NewExpression &&
        /ConfiguredRetryStrategy$/.test(model.sourceCode.getText(value.callee))
      ) {
        // ConfiguredRetryStrategy(attempts, delay = 100 ms): a number (or nothing) is a constant delay.
        const delayArg = value.arguments[1];
        if (!delayArg || model.summarizeValue(delayArg).kind === 'number')
          findings.push({ problem: 'constantDelay', node: strategy.at as Node });
        else findings.push(...delayFunctionFindings(model, delayArg, strategy.at as Node));
      }
    }
    return findings;
  }
  return [];
}

/**
 * p-retry's `onFailedAttempt` sleeps (`await sleep(backoff(attempt))`): 'jittered' when the wait
 * is randomised, 'waits' otherwise, undefined when the hook does not sleep.
 */
function failureWait(model: FileModel, options: Summary): 'jittered' | 'waits' | undefined {
  const hook = getProp(options, 'onFailedAttempt');
  if (!hook) return undefined;
  const fn = unwrap(valueNode(hook));
  if (!isFunction(fn) || !fn.body) return undefined;
  const sleep = new SleepFinder(model).findSleep(fn.body as Node);
  if (!sleep) return undefined;
  const param = fn.params[0];
  const counters = param?.type === AST_NODE_TYPES.Identifier ? [param.name] : [];
  const delay = retryAnalysis(model).classifyDelay(sleep.call, sleep.expr, counters, fn);
  return (delay.kind === 'growing' || delay.kind === 'constant') && delay.jitter ? 'jittered' : 'waits';
}

/** Retry options in the p-retry/async-retry/node-retry/exponential-backoff shape, decided by the catalog. */
function exponentialOptionsFindings(
  model: FileModel,
  library: 'p-retry' | 'async-retry' | 'node-retry' | 'exponential-backoff',
  options: Summary,
  anchor: Node,
): LibraryFinding[] {
  return decideRetryOptions(library, options, anchor, model.settings).map(finding =>
    asLibraryFinding(finding, anchor),
  );
}

/** Redlock settings, on the constructor or per acquisition (`acquire/using(resources, ttl, settings)`). */
function redlockFindings(options: Summary): LibraryFinding[] {
  const findings: LibraryFinding[] = [];
  const count = getProp(options, 'retryCount');
  const value = number(count?.value);
  if (value === 0) return [];
  if (count && (value === -1 || value === Infinity))
    findings.push({
      problem: 'unboundedRetry',
      node: count.at as Node,
      why: ' (`retryCount: -1` retries forever)',
    });
  const jitter = getProp(options, 'retryJitter');
  if (jitter && number(jitter.value) === 0) findings.push({ problem: 'noJitter', node: jitter.at as Node });
  return findings;
}
