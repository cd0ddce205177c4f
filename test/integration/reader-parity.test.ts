// The two readers of the client catalog agree: the ESTree reader the lint rules use
// (rules/util/file-model.ts + deadline-facts.ts, deadline-carrier.ts, escaping-clients.ts) and the
// TypeScript reader `faultline analyze` uses (packages/core/src/analyze/remote-calls.ts,
// deadline-carrier.ts) turn the same fixtures into facts that the catalog's decisions judge the
// same way: every remote call (`decideDeadline`), every call to a request wrapper that needs its
// caller's deadline (`decideDeadlineCarrier`, `givesDeadline`), and every client construction
// judged where it is made (`decideEscapingClient`). A fixture may come with
// `<name>.settings.json`: its `settings.faultline`, given to both readers.
//
// Where the readers differ by design (none of it shows in these one-file fixtures):
// - analyze reads the whole library with one type checker, so it follows an instance imported
//   from another of its files to its construction and judges the call there too; a rule sees one
//   file, and judges such a client where it is made when it leaves its file
//   (test/core/analyze-parity-shapes.test.ts holds both on a fixture project, that case included);
// - analyze falls back to declared types the checker resolves when the client's package is
//   installed; the rules do so only in type-aware mode (`resolveInstancesByType`);
// - a client bounded where it is made (AWS, pg, Redis…): the verdict is the same, but analyze
//   places it on each call of the export it analyses (naming where the client was created), while
//   the rule reports the construction once;
// - request wrappers: both readers find the same carriers and the same calls that give no
//   deadline (`wrapperCallFinding`), also on an object declared with a project class
//   (`this.fetchService.fetchWithProxy(url)`), except a method of an abstract class (the subclass
//   handed in may override it). The rules find the object's class by the declared types along the
//   chain; analyze with the type checker, so it also sees an undeclared field's inferred class.
//   Only require-timeout reports once at the request a wrapper whose callers are all in its file
//   and none gives a deadline (`wrapperNeverBounded`), and leaves out calls with a page-relative
//   URL (a browser's request); analyze reports each call.
// - a call through a client known only by its declared type, of a family bounded where it is
//   made (a Solana `Connection` handed to a class): require-timeout reports it when every client
//   of that kind the project makes has no deadline (project facts); analyze follows the instance
//   to its construction with the type checker instead.
// - a Redis connection kept for subscriptions (named for it, handed to a pub/sub adapter as its
//   subscriber, or used only to subscribe) is left alone by require-timeout only (rules/util/
//   subscriber.ts); analyze has no caller of such a connection to report it on.
// - a family whose defaults changed between majors (`versionPackage`: @elastic/elasticsearch had a
//   30 s default before 9.0; node-fetch took `timeout` before 3.0) is judged by the major the
//   nearest package.json declares in the rules (rules/util/package-versions.ts); analyze does not
//   read package.json for it, so it judges such a client as of the current major. The fixtures
//   here have no package.json, so both agree.
// - a process-wide undici dispatcher with tight response timeouts (`setGlobalDispatcher`) bounds
//   the global fetch in both: from project facts in the rules, from the library's files in analyze
//   (the catalog's `dispatcherBoundsResponses` decides); checked below on the project-dispatcher
//   fixtures.
// - a call into a function of the project in another module that sends a request with no
//   deadline through fetch, axios or a library bounded at the call (the AI SDK, got, node-fetch…)
//   (`projectRequestWithoutDeadline`) is reported at the call by require-timeout
//   only, from project facts; analyze reports the request where it is made, in the function it
//   analyses. Both judge the request itself the same way.
// - a call nobody waits for (the operand of `void`, a statement of its own that takes no callback,
//   a node:http request thrown away with no callback, even if awaited, or a call awaited only in a
//   function whose own promise is dropped) has the same verdict in both
//   readers, but require-timeout does not report it (rules/util/waiters.ts `nobodyWaits`); analyze
//   lists it, since the function it analyses still sends it.
// - a module that is browser code (`'use client'`, React client hooks, the page's `document`) is
//   left alone by require-timeout (rules/util/browser-module.ts); analyze judges its calls, since
//   a library carved into a service runs them on a server.
// - a request to a server on this machine (a URL fixed to `localhost`, loopback.ts) is found the
//   same way by both readers (each reads the URL's text; the catalog's `loopbackTarget` decides);
//   require-timeout leaves it alone, analyze reports it as FL504 instead of FL501–FL503, since a
//   library carved into a service no longer runs beside that server.
// - the options of a client bounded where it is made, written in another module of the project
//   (`new S3Client(storageConfig(region))`, an imported const): the rules read that module through
//   project facts (every object literal the function can return must leave the client unbounded),
//   analyze through the type checker (the one object literal it returns); both judge them with
//   the same decision (test/core/analyze-parity-shapes.test.ts, storage.ts).
// Options from a static method or a getter are opaque to both (returned-options.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import {
  type DeadlineCarrier,
  decideDeadline,
  parseSettings,
  UNREAD_PART,
  type Verdict,
} from '@faultline/catalog';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';

import { RemoteCalls } from '../../packages/core/src/analyze/remote-calls.js';
import { walk } from '../../packages/core/src/analyze/ts-util.js';
import { wrapperCallFinding } from '../../rules/util/deadline-carrier.js';
import { deadlineReader } from '../../rules/util/deadline-facts.js';
import { escapingClientVerdicts } from '../../rules/util/escaping-clients.js';
import { fileModel, mergeListeners } from '../../rules/util/file-model.js';
import { projectSetsGlobalDispatcher } from '../../rules/util/project-facts.js';
import { fileUrlLookups, loopbackCall } from '../../rules/util/url-lookups.js';
import { memoryContext } from '../core/analyze-helpers.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/parity');

/** A verdict as the parity check compares it: the status, and the key a "none" names. */
function show(verdict: Verdict): string {
  if (verdict.status === 'none' || verdict.status === 'doesNotAbort' || verdict.status === 'ignored')
    return `${verdict.status} ${verdict.key}`;
  if (verdict.status === 'missing' && verdict.detail) return `missing ${verdict.detail}`;
  if (verdict.status === 'missing' && verdict.dispatcher) return `missing: ${verdict.dispatcher.why}`;
  return verdict.status;
}

/** A request to a server on this machine: require-timeout leaves it alone, analyze reports FL504. */
function toThisMachine(target: string | undefined): string {
  return target === undefined ? '' : ` to this machine (${target.replaceAll(UNREAD_PART, '…')})`;
}

/** A call to a request wrapper that gives it no deadline: the key it should pass, and the wrapper's request line. */
function showWrapper(carrier: DeadlineCarrier): string {
  return `wrapperWithoutDeadline ${carrier.key ?? carrier.name ?? 'signal'} (${carrier.request} at line ${carrier.line})`;
}

/** A client made without a deadline whose instance leaves the file: reported where it is made. */
function showEscaping(verdicts: readonly Verdict[]): string {
  return `escaping ${verdicts.map(show).join('; ')}`;
}

/**
 * line:column of each remote call → its verdict, of each call to a request wrapper made without
 * the deadline it needs, and of each client construction judged where it is made, through the
 * rules' ESTree reader.
 */
function estreeVerdicts(
  code: string,
  settings: unknown,
  filename = 'fixture.ts',
  projectFacts = false,
): Map<string, string> {
  const verdicts = new Map<string, string>();
  const probe: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      const { model, collectors } = fileModel(context);
      const urls = fileUrlLookups(context, model);
      return mergeListeners(collectors, {
        'Program:exit'(): void {
          // With project facts: the process-wide dispatcher another module of the project installs.
          const reader = deadlineReader(
            model,
            undefined,
            undefined,
            projectFacts ? () => projectSetsGlobalDispatcher(context) : undefined,
          );
          for (const call of model.calls) {
            const { line, column } = call.loc.start;
            const at = `${line}:${column + 1}`;
            const classified = model.classify(call);
            if (!classified) {
              const found = call.type === 'CallExpression' ? wrapperCallFinding(model, call) : undefined;
              if (found) verdicts.set(at, showWrapper(found.carrier));
              continue;
            }
            const role = classified.role;
            if (role.role === 'factory') {
              // One file, no project around it: no process-wide default from another module.
              const escaping = escapingClientVerdicts(
                model,
                reader,
                classified,
                role.family,
                () => false,
                urls,
              );
              if (escaping.length > 0) verdicts.set(at, showEscaping(escaping));
              continue;
            }
            const facts = reader.callFacts(classified);
            if (!facts) continue;
            verdicts.set(at, show(decideDeadline(facts)) + toThisMachine(loopbackCall(classified, urls)));
          }
        },
      });
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, sourceType: 'module' },
        plugins: { parity: { rules: { probe: probe as never } } },
        rules: { 'parity/probe': 'error' },
        ...(settings === undefined ? {} : { settings: { faultline: settings } }),
      },
    ],
    filename,
  );
  expect(messages.filter(message => message.fatal)).toEqual([]);
  return verdicts;
}

/** The same, through core's TypeScript reader. */
function typescriptVerdicts(
  code: string,
  settings: unknown,
  others: Record<string, string> = {},
): Map<string, string> {
  const { ctx, file } = memoryContext({ ...others, 'fixture.ts': code });
  const remote = new RemoteCalls(ctx, parseSettings(settings));
  const sourceFile = file('fixture.ts');
  const verdicts = new Map<string, string>();
  walk(sourceFile, node => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
      const at = `${line + 1}:${character + 1}`;
      const facts = remote.callFacts(node);
      const wrapper = remote.wrapperCall(node);
      const escaping = remote.escapingClient(node);
      if (facts) verdicts.set(at, show(decideDeadline(facts)) + toThisMachine(remote.loopbackTarget(node)));
      else if (wrapper) verdicts.set(at, showWrapper(wrapper.carrier));
      else if (escaping.length > 0) verdicts.set(at, showEscaping(escaping));
    }
    return true;
  });
  return verdicts;
}

/** The verdicts at the positions `expected` pins, for a fixture most of whose calls another test compares. */
function pick(
  verdicts: Map<string, string>,
  expected: Record<string, string>,
): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(expected).map(at => [at, verdicts.get(at)]));
}

const fixtures = readdirSync(FIXTURES)
  .filter(name => name.endsWith('.ts'))
  .sort();

describe.each(fixtures)('%s', name => {
  const code = readFileSync(path.join(FIXTURES, name), 'utf8');
  const settingsFile = path.join(FIXTURES, name.replace(/\.ts$/, '.settings.json'));
  const settings: unknown = existsSync(settingsFile)
    ? JSON.parse(readFileSync(settingsFile, 'utf8'))
    : undefined;

  it('gives the same verdict for every remote call through both readers', () => {
    const estree = estreeVerdicts(code, settings);
    const typescript = typescriptVerdicts(code, settings);
    expect(Object.fromEntries(typescript)).toEqual(Object.fromEntries(estree));
  });
});

describe('team-clients.ts with its settings', () => {
  it('judges each shape the settings describe, and the same through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'team-clients.ts'), 'utf8');
    const settings: unknown = JSON.parse(
      readFileSync(path.join(FIXTURES, 'team-clients.settings.json'), 'utf8'),
    );
    // line:column of each remote call → its verdict (constructions are not calls); every shape is recognised.
    expect(Object.fromEntries(estreeVerdicts(code, settings))).toEqual({
      '11:9': 'bounded',
      '13:9': 'missing',
      '18:9': 'bounded',
      '21:9': 'missing',
      '22:9': 'bounded',
      '23:9': 'missing',
      '27:9': 'bounded',
      '29:9': 'none connection.statement_timeout',
      '31:9': 'missing',
      '33:9': 'unknown',
      '37:9': 'missing',
      '38:9': 'bounded',
      '39:28': 'bounded',
    });
  });
});

describe('a process-wide undici dispatcher installed by another module', () => {
  const DISPATCHERS = path.join(import.meta.dirname, '../fixtures/project-dispatcher');
  const code = `import { fetch as undiciFetch } from 'undici';
export const status = async () => (await fetch('https://status.example.com/ping')).json();
export const health = () => undiciFetch('https://health.example.com');
export const bounded = () => fetch('https://status.example.com/ping', { signal: AbortSignal.timeout(1000) });
`;
  // bounded: headersTimeout and bodyTimeout of 30 s (through a const and \`.compose\`); connect-only:
  // the body timeout turned off; lenient: ten minutes, looser than undici's 300 s defaults.
  it.each([
    ['bounded', 'bounded'],
    ['connect-only', 'missing'],
    ['lenient', 'missing'],
  ])('%s: the global fetch and undici’s own are judged %s by both readers', (project, expected) => {
    const bootstrap = readFileSync(path.join(DISPATCHERS, project, 'src/bootstrap.ts'), 'utf8');
    const filename = path.join(DISPATCHERS, project, 'src/client.ts');
    const verdicts = { '2:42': expected, '3:29': expected, '4:30': 'bounded' };
    expect(Object.fromEntries(estreeVerdicts(code, undefined, filename, true))).toEqual(verdicts);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined, { 'bootstrap.ts': bootstrap }))).toEqual(
      verdicts,
    );
  });
});

describe('fetch-dispatcher.ts', () => {
  it('judges a fetch by the undici dispatcher its init hands it, as the process-wide one is judged', () => {
    const code = readFileSync(path.join(FIXTURES, 'fetch-dispatcher.ts'), 'utf8');
    // Pinned, so that the two readers cannot agree by both missing the shape: a const, an inline
    // construction, a class field and `.compose(…)` bound it; a parameter is not seen; a RetryAgent
    // is judged by the agent it wraps; a timeout turned off or looser than 300 s is no deadline.
    // undici's own `request` keeps its family's finite defaults.
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual({
      '6:35': 'bounded',
      '7:35': 'bounded',
      '11:12': 'bounded',
      '14:54': 'unknown',
      '16:35': 'bounded',
      '18:35': 'missing: its dispatcher leaves `bodyTimeout` at undici’s 300 s default',
      '19:35': 'missing: its dispatcher’s `headersTimeout: 0` turns that timeout off',
      '20:35': 'missing: its dispatcher’s `headersTimeout: 600000` is no tighter than undici’s 300 s default',
      '21:35': 'bounded',
    });
  });
});

describe('ofetch.ts', () => {
  it('judges Nuxt’s and Nitro’s global `$fetch` as ofetch, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'ofetch.ts'), 'utf8');
    // Pinned, so that the two readers cannot agree by both missing the global.
    const expected = { '12:24': 'missing', '13:24': 'bounded' };
    expect(pick(estreeVerdicts(code, undefined), expected)).toEqual(expected);
    expect(pick(typescriptVerdicts(code, undefined), expected)).toEqual(expected);
  });
});

describe('readonly-fields.ts', () => {
  it('judges a client by the one construction a field of its class is given, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'readonly-fields.ts'), 'utf8');
    // Pinned, so that the two readers cannot agree by both missing the field.
    const expected = {
      '46:12': 'missing `requestHandler.requestTimeout`',
      // Without the handler's throwOnRequestTimeout, its requestTimeout only logs (the version is not known here).
      '50:12': 'doesNotAbort requestTimeout',
    };
    expect(pick(estreeVerdicts(code, undefined), expected)).toEqual(expected);
    expect(pick(typescriptVerdicts(code, undefined), expected)).toEqual(expected);
  });
});

describe('node-http.ts', () => {
  it('bounds a request an abort listener of a timed signal destroys, and reads requests a Promise executor returns, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'node-http.ts'), 'utf8');
    // Pinned, so that the two readers cannot agree by both missing the shape.
    const expected = {
      '63:15': 'bounded',
      '69:15': 'bounded',
      '75:15': 'missing',
      // Returned from a Promise executor (its body, or a \`return\`): nothing reads it there.
      '81:33': 'missing',
      '86:12': 'missing',
    };
    expect(pick(estreeVerdicts(code, undefined), expected)).toEqual(expected);
    expect(pick(typescriptVerdicts(code, undefined), expected)).toEqual(expected);
  });
});

describe('grpc-stubs.ts', () => {
  it('judges a stub call by the grpc-js Metadata it is handed, whatever the stub’s type', () => {
    const code = readFileSync(path.join(FIXTURES, 'grpc-stubs.ts'), 'utf8');
    // Pinned, so that the two readers cannot agree by both missing the shape. Line 15 hands no
    // Metadata: nothing says it is gRPC.
    const expected = { '12:5': 'missing', '13:5': 'bounded', '14:5': 'missing' };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('returned-options.ts', () => {
  it('reads options a local function returns as if written inline, whole or spread', () => {
    const code = readFileSync(path.join(FIXTURES, 'returned-options.ts'), 'utf8');
    // Pinned, so that the two readers cannot agree by both missing the shape.
    const expected = {
      '22:9': 'missing',
      '23:9': 'bounded',
      '24:9': 'missing',
      // Two returns, a parameter passed through, a signal from a parameter: not one literal.
      '25:9': 'unknown',
      '26:9': 'unknown',
      '27:9': 'unknown',
      '28:9': 'none timeout.request',
      '29:9': 'bounded',
      '33:9': 'missing',
      '34:9': 'bounded',
      '35:9': 'unknown',
      '36:9': 'missing',
      '41:9': 'missing',
      '42:9': 'bounded',
      '58:12': 'bounded',
      '61:12': 'missing',
      '64:12': 'bounded',
      // A static method (`Api.defaults()`) and a getter (`this.config`) are not followed by either
      // reader: the rules' reader leaves them opaque, so analyze does too (issue 12 names them;
      // teaching them is a change to the rules, not to one reader).
      '67:12': 'unknown',
      '70:12': 'unknown',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('chosen-clients.ts', () => {
  it('judges a callee chosen between equal clients as that client, and leaves unequal ones unjudged', () => {
    const code = readFileSync(path.join(FIXTURES, 'chosen-clients.ts'), 'utf8');
    const expected = {
      '10:15': 'missing',
      '12:3': 'bounded',
      '14:3': 'doesNotAbort timeout',
      // Lines 19–20 (`flag ? axios : got`, `flag && axios`) are no known client: not judged.
      '25:9': 'missing',
      '26:9': 'bounded',
      '28:9': 'missing',
      '29:9': 'bounded',
      '31:9': 'missing',
      '37:9': 'bounded',
      '38:9': 'missing',
      '39:9': 'bounded',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('request-wrappers.ts', () => {
  it('reports each call to a wrapper that needs its caller’s deadline and gets none, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'request-wrappers.ts'), 'utf8');
    const expected = {
      // The requests inside the wrappers: the caller's signal (unknown), or bounded there.
      '8:26': 'unknown',
      '14:10': 'unknown',
      '19:3': 'bounded',
      '23:10': 'bounded',
      '30:12': 'bounded',
      '32:10': 'unknown',
      '37:32': 'bounded',
      // fetchStatus's other request takes nothing from its caller: reported there, not at its calls.
      '38:10': 'missing',
      '43:10': 'unknown',
      '48:10': 'unknown',
      // The calls that give no deadline; those that give one, or may (a variable, a spread,
      // `signal` where the guard reads `timeout`), and loadUser (not named like a wrapper) are absent.
      '52:9': 'wrapperWithoutDeadline timeout (fetch at line 8)',
      '53:9': 'wrapperWithoutDeadline timeout (fetch at line 8)',
      '57:9': 'wrapperWithoutDeadline signal (fetch at line 14)',
      '59:9': 'wrapperWithoutDeadline signal (fetch at line 14)',
      '60:9': 'wrapperWithoutDeadline timeoutMs (fetch at line 19)',
      '63:9': 'wrapperWithoutDeadline timeout (fetch at line 32)',
      '64:9': 'wrapperWithoutDeadline timeout (fetch at line 32)',
      // requestWith hands its init to fetch as it is; `{}` carries no signal.
      '68:9': 'wrapperWithoutDeadline signal (fetch at line 43)',
      // The requests of the wrappers that hand the caller's init on through locals (not reported in
      // themselves: what they send may carry a signal).
      '76:16': 'unknown',
      '83:10': 'unknown',
      '88:10': 'unknown',
      // httpFetch sends its caller's init on through a rest, a copy and a TLS helper; requestRest
      // takes the signal out of it, and withTimeout may add one, so only httpFetch's call is reported.
      '95:9': 'wrapperWithoutDeadline signal (fetch at line 76)',
      // Requests on axios' default instance: the caller's config (unknown), the caller's timeout (a
      // value, so bounded where it is written), and one bounded in the wrapper when the caller gives none.
      '105:10': 'unknown',
      '110:10': 'bounded',
      '113:10': 'bounded',
      // downloadFile hands its caller's config on: calls with neither a timeout nor a signal.
      '117:9': 'wrapperWithoutDeadline timeout (axios.get at line 105)',
      '120:9': 'wrapperWithoutDeadline timeout (axios.get at line 105)',
      '121:9': 'wrapperWithoutDeadline timeout (axios.post at line 110)',
      // isomorphic-fetch, the caller's init copied into a local: its calls that give no signal.
      '131:10': 'unknown',
      '133:40': 'wrapperWithoutDeadline signal (fetch at line 131)',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('escaping-clients.ts', () => {
  it('judges a client made without a deadline where it is made when its instance leaves the file', () => {
    const code = readFileSync(path.join(FIXTURES, 'escaping-clients.ts'), 'utf8');
    // Not reported: bounded constructions, an instance's `extend` (it inherits the deadline), ky
    // (a 10 s default), options spread from elsewhere, a client every visible call bounds, and a
    // client that stays in the file (judged at its call, line 39). A client a function configures
    // and returns (46), or a getter makes on first use (53, 58), leaves the file too; one given a
    // default timeout (62) or a request interceptor that sets one (66) after it is made is bounded,
    // and one that stays in its function is judged at its call (76). One handed to a function of
    // another module of the project leaves the file (82, 83); one handed to a package does not (86).
    const expected = {
      '13:20': 'escaping missing',
      '15:26': 'escaping missing',
      '20:18': 'escaping missing',
      '27:10': 'escaping missing',
      '30:47': 'escaping missing',
      '38:9': 'bounded',
      '39:9': 'missing',
      '42:18': 'escaping missing',
      '46:18': 'escaping missing',
      '53:21': 'escaping missing',
      '58:44': 'escaping missing',
      '76:17': 'missing',
      '82:37': 'escaping missing',
      '83:18': 'escaping missing',
      // Called here too (judged at its call, 94); handed to a logger (96) or to a parameter that
      // shadows the project's function (98): not leaving; through `import … = require(…)` (99): leaving.
      '94:10': 'missing',
      '99:46': 'escaping missing',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('injected-clients.ts', () => {
  it('follows clients made elsewhere the same way through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'injected-clients.ts'), 'utf8');
    const expected = {
      // Injected by a declared type (parameter property, field, alias, `import('m').T`): the
      // configuration is not visible, so only an explicit "none" is a verdict of its own.
      '19:12': 'unknown',
      '22:12': 'none timeout',
      '25:12': 'unknown',
      '30:3': 'unknown',
      '31:10': 'bounded',
      // A subclass of a client class is that client; its options come from `super(…)`.
      '36:24': 'bounded',
      '43:12': 'unknown',
      '47:38': 'missing `requestHandler` timeouts',
      // Assigned once after `let pool;`; reassigned (line 54) is not followed by either reader.
      '51:24': 'missing `connectionTimeoutMillis`',
      '57:41': 'missing `connectionTimeoutMillis`',
      '59:58': 'unknown',
      // Forwarding shims are the function they forward to; a dynamic import's default is the module.
      '60:24': 'missing',
      '62:53': 'unknown',
      '63:24': 'missing',
      '65:78': 'missing',
      '67:31': 'bounded',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('team-shapes.ts with its settings', () => {
  it('reads the new shapes on a team’s own clients the same way through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'team-shapes.ts'), 'utf8');
    const settings: unknown = JSON.parse(
      readFileSync(path.join(FIXTURES, 'team-shapes.settings.json'), 'utf8'),
    );
    const expected = {
      '14:9': 'bounded',
      '15:9': 'missing',
      '16:9': 'bounded',
      '17:9': 'missing',
      '18:9': 'bounded',
      '19:22': 'bounded',
      '25:9': 'bounded',
      '26:9': 'missing',
      '27:9': 'bounded',
      // Line 28: an injected `Connection` is not a type the settings can name, so neither reader judges it.
    };
    expect(Object.fromEntries(estreeVerdicts(code, settings))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, settings))).toEqual(expected);
    // Without the settings, the team's clients are unknown to both.
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual({});
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual({});
  });
});

const connectMissing = 'missing `timeoutMs` in the call options or `defaultTimeoutMs` on the transport';

/** Fixtures of client families whose verdicts are stated, not only compared (line:column → verdict). */
const STATED: readonly { fixture: string; what: string; expected: Record<string, string> }[] = [
  {
    fixture: 'connect.ts',
    what: 'judges Connect calls by their call options and the transport they were made with',
    // A transport handed in (17:9), and a client known by its declared type (18:9): the default is not visible.
    expected: {
      '13:9': connectMissing,
      '14:9': 'bounded',
      '15:9': 'bounded',
      '16:9': 'bounded',
      '17:9': 'unknown',
      '18:9': 'unknown',
      '19:3': connectMissing,
    },
  },
  {
    fixture: 'ssh.ts',
    what: 'judges an SSH connection where it is made, and leaves its commands to it',
    // The commands (7:26, 10:3, 16:10) are judged through the connection, where `connect` is called.
    expected: {
      '7:3': 'missing `keepaliveInterval`',
      '7:26': 'unknown',
      '9:3': 'bounded',
      '10:3': 'unknown',
      '15:9': 'none keepaliveInterval',
      '16:10': 'unknown',
    },
  },
  {
    fixture: 'solana.ts',
    what: 'judges a Solana connection where it is made: only a custom fetch may bound it',
    // 7:25 is the custom fetch's own request; 11:79 goes through a connection with that fetch.
    expected: { '7:25': 'bounded', '11:17': 'missing', '11:45': 'missing', '11:79': 'unknown' },
  },
];

describe.each(STATED)('$fixture', ({ fixture, what, expected }) => {
  it(what, () => {
    const code = readFileSync(path.join(FIXTURES, fixture), 'utf8');
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('loopback.ts', () => {
  it('finds the same requests to this machine through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'loopback.ts'), 'utf8');
    // Pinned, so that the two readers cannot agree by both missing the shape. The catalog decides
    // (`loopbackTarget`); each reader only reads the URL's text.
    const local = (verdict: string, target: string): string => `${verdict} to this machine (${target})`;
    const expected = {
      '13:9': local('missing', 'http://localhost:8080/app/health'),
      '14:9': local('missing', 'http://0.0.0.0:…/process'),
      '15:9': local('missing', 'http://localhost:8888/upload'),
      '16:9': local('missing', 'http://localhost:8888/…'),
      '17:9': local('missing', 'http://[::1]:9000/metrics'),
      '18:9': local('bounded', 'http://127.0.0.1/ping'),
      '19:9': local('missing', 'http://localhost:8080/api/users'),
      '20:9': local('missing', 'http://localhost:8888'),
      '21:9': local('missing', 'http://127.0.0.1:4000/graphql'),
      '22:9': local('missing', 'http://localhost:9200/_search'),
      // Another host, a look-alike host, the environment's URL, Dapr's API, a path with no base,
      // a URL that cannot be read: remote.
      '28:9': 'missing',
      '29:9': 'missing',
      '30:9': 'missing',
      '31:9': 'missing',
      '32:9': 'missing',
      '33:9': 'missing',
      // An instance made with a loopback base: its paths go there, an absolute URL does not.
      '40:9': local('missing', 'http://localhost:5000'),
      '41:9': 'missing',
      '42:9': 'missing',
      '46:3': local('missing', '127.0.0.1'),
      // Over a Unix socket (`socketPath`): this machine.
      '48:3': local('missing', 'a local socket'),
      '49:3': 'missing',
      // A field set once; one assigned in two branches is not fixed.
      '62:11': local('missing', 'http://localhost:8888/collect'),
      '64:11': 'missing',
      // A field default the constructor may replace, and a module-level `let`: not fixed.
      '83:12': 'missing',
      '92:9': 'missing',
      // Shorthand properties name the const they hold.
      '90:9': local('missing', 'http://localhost:7000'),
      '91:9': local('missing', 'http://127.0.0.1:7001/x'),
      // A client made with a loopback base is not reported where it is made; a remote one is.
      '97:26': 'escaping missing',
      // A function of the file called once: its URL is read at that call. Called twice, exported:
      // not.
      '102:10': local('missing', 'http://localhost:…'),
      '104:41': local('missing', 'http://localhost:…/.well-known/health'),
      '105:44': 'missing',
      '107:10': 'missing',
      '110:10': 'missing',
      // A parameter the function writes: not read at the call.
      '125:10': 'missing',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });

  it('reads a loopback address another module of the project exports, through both readers', () => {
    const PROJECT = path.join(import.meta.dirname, '../fixtures/project-requests/src');
    const code = `import axios from 'axios';
import { LOCAL_API } from './lib/collector';
export async function me() {
  await fetch(\`\${LOCAL_API}/users/me\`);
  await axios.post('batch', {}, { baseURL: LOCAL_API });
}
`;
    const collector = readFileSync(path.join(PROJECT, 'lib/collector.ts'), 'utf8');
    const expected = {
      '4:9': 'missing to this machine (http://localhost:8080/app/users/me)',
      '5:9': 'missing to this machine (http://localhost:8080/app)',
    };
    // The rules read the other module through project facts (an absolute filename in the project).
    expect(
      Object.fromEntries(estreeVerdicts(code, undefined, path.join(PROJECT, 'parity.ts'), true)),
    ).toEqual(expected);
    expect(
      Object.fromEntries(typescriptVerdicts(code, undefined, { 'lib/collector.ts': collector })),
    ).toEqual(expected);
  });
});

describe('timeout-wrapper-names.ts', () => {
  it('reads a package function named for racing a timer, handed the time, as a timeout wrapper', () => {
    const code = readFileSync(path.join(FIXTURES, 'timeout-wrapper-names.ts'), 'utf8');
    const expected = {
      '9:24': 'bounded',
      '10:28': 'bounded',
      '11:21': 'bounded',
      '13:24': 'missing',
      '14:20': 'missing',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('dependency-objects.ts', () => {
  it('reads the member of a const object literal as the client it holds, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'dependency-objects.ts'), 'utf8');
    const expected = {
      '13:9': 'missing',
      '14:9': 'bounded',
      '15:9': 'missing',
      '16:9': 'missing',
      '47:9': 'missing',
      '48:9': 'missing',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('websockets.ts', () => {
  it('judges a ws connection by its handshake timeout, or a timer that ends it, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'websockets.ts'), 'utf8');
    const expected = {
      '9:17': 'missing',
      '10:23': 'missing',
      '11:19': 'bounded',
      '12:15': 'none handshakeTimeout',
      '14:19': 'ignored timeout',
      '15:18': 'unknown',
      '21:18': 'bounded',
      '33:15': 'bounded',
      '39:18': 'missing',
      '54:46': 'unknown',
      '57:14': 'unknown',
      '62:50': 'missing',
      '71:14': 'unknown',
      '74:59': 'unknown',
      '75:48': 'missing',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('a request wrapper that is a method of a class of the project', () => {
  it('reports its calls on an instance declared with the class, through both readers', () => {
    const PROJECT = path.join(import.meta.dirname, '../fixtures/project-requests/src');
    const code = `import { BaseFetcher, FetchService } from './lib/fetch.service';
export class PriceResolver {
  constructor(private readonly fetchService: FetchService) {}
  price = () => this.fetchService.fetchWithProxy('https://prices.example.com/btc');
  bounded = () =>
    this.fetchService.fetchWithProxy('https://prices.example.com/eth', { signal: AbortSignal.timeout(5000) });
  raced = () =>
    Promise.race([
      this.fetchService.fetchWithProxy('https://prices.example.com/sol'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 5000)),
    ]);
}
export const standalone = (prices: FetchService) => prices.fetchWithProxy('https://prices.example.com/ada');
export const viaBase = (fetcher: BaseFetcher) => fetcher.fetchJson('https://prices.example.com/dot');
export const viaCall = (get: () => FetchService) => get().fetchWithProxy('https://prices.example.com/sol');
`;
    const service = readFileSync(path.join(PROJECT, 'lib/fetch.service.ts'), 'utf8');
    // The calls that give no signal, on an injected field (4) or a parameter (13); not the one that
    // gives one (6), the one raced against a timer (9), a method of an abstract class (14), or one
    // on a call's result (15), whose class neither reader reads.
    const expected = {
      '4:17': 'wrapperWithoutDeadline signal (fetch at line 7)',
      '13:53': 'wrapperWithoutDeadline signal (fetch at line 7)',
    };
    expect(
      Object.fromEntries(estreeVerdicts(code, undefined, path.join(PROJECT, 'parity.ts'), true)),
    ).toEqual(expected);
    expect(
      Object.fromEntries(typescriptVerdicts(code, undefined, { 'lib/fetch.service.ts': service })),
    ).toEqual(expected);
  });
});

describe('conditional-spreads.ts', () => {
  it('reads a spread of a conditional of object literals as the keys it may add', () => {
    const code = readFileSync(path.join(FIXTURES, 'conditional-spreads.ts'), 'utf8');
    // Pinned, so that the two readers cannot agree by both missing the shape.
    const expected = {
      // Headers spread in under a condition: no deadline either way.
      '11:9': 'missing',
      '12:9': 'missing',
      // A signal, or a deadline, only one branch writes.
      '13:9': 'unknown',
      '14:9': 'unknown',
      // A timeout written beside a conditional spread that cannot replace it.
      '15:9': 'bounded',
      // A branch that is not an object literal, and `??`, whose left side may be any object.
      '16:9': 'unknown',
      '17:9': 'unknown',
      // An S3 client whose endpoint is spread in under a condition, without and with a timeout.
      '31:9': 'missing `requestHandler` timeouts',
      '32:9': 'bounded',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('keycloak.ts', () => {
  it("judges Keycloak's admin client by its `timeout`, at each call through it", () => {
    const code = readFileSync(path.join(FIXTURES, 'keycloak.ts'), 'utf8');
    // Pinned, so that the two readers cannot agree by both missing the client. `setConfig` (line
    // 11) sends nothing.
    const expected = {
      // `auth()` and a nested resource on a client made without `timeout`.
      '10:9': 'missing timeout',
      '12:23': 'missing timeout',
      '13:23': 'bounded',
      // `timeout: 0` arms no signal.
      '14:9': 'none timeout',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('googleapis.ts and googleapis-options.ts', () => {
  it('judge every API call by the timeout of the API, of the call, or of the process, through both readers', () => {
    // Pinned, so that the two readers cannot agree by both missing the client.
    const code = readFileSync(path.join(FIXTURES, 'googleapis.ts'), 'utf8');
    const expected = {
      '8:36': 'missing',
      '9:39': 'bounded',
      '10:41': 'bounded',
      '11:46': 'none timeout',
      '14:29': 'bounded',
      // Made with no timeout and handed to other files: judged where they are made.
      '17:23': 'escaping missing',
      '19:10': 'escaping missing',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
    const options = readFileSync(path.join(FIXTURES, 'googleapis-options.ts'), 'utf8');
    const bounded = { '8:36': 'bounded' };
    expect(Object.fromEntries(estreeVerdicts(options, undefined))).toEqual(bounded);
    expect(Object.fromEntries(typescriptVerdicts(options, undefined))).toEqual(bounded);
  });
});

describe('actions-github.ts', () => {
  it('reads the options getOctokitOptions hands on to the toolkit’s Octokit class, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'actions-github.ts'), 'utf8');
    // Options spread into getOctokitOptions cannot be read (line 18).
    const expected = {
      '8:10': 'missing `request.signal` or a timed `request.fetch`',
      '13:10': 'bounded',
      '18:10': 'unknown',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('actions-http.ts', () => {
  it('judges @actions/http-client by the socketTimeout of its request options, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'actions-http.ts'), 'utf8');
    // The clients made at the top level (lines 11 to 14) are judged where they are made (the rule's
    // construction report); the call through the one made in \`latest\` is judged by its construction.
    const expected = { '9:17': 'missing `socketTimeout` in its request options' };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('resend.ts', () => {
  it('judges Resend, which has no timeout option, by the signals of its calls, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'resend.ts'), 'utf8');
    // `webhooks.verify` (line 9) is local.
    const expected = { '6:40': 'missing', '8:3': 'bounded' };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('sendgrid.ts and sendgrid-timeout.ts', () => {
  it("judge SendGrid's sends by the timeout set on their mail service, through both readers", () => {
    const code = readFileSync(path.join(FIXTURES, 'sendgrid.ts'), 'utf8');
    const expected = { '6:39': 'missing', '10:39': 'bounded', '14:39': 'none timeout' };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
    const timed = readFileSync(path.join(FIXTURES, 'sendgrid-timeout.ts'), 'utf8');
    expect(Object.fromEntries(estreeVerdicts(timed, undefined))).toEqual({ '6:39': 'bounded' });
    expect(Object.fromEntries(typescriptVerdicts(timed, undefined))).toEqual({ '6:39': 'bounded' });
  });
});

describe('request.ts', () => {
  it('judges the request library by its timeout, also from request.defaults, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'request.ts'), 'utf8');
    const expected = {
      '7:42': 'missing',
      '8:44': 'bounded',
      '9:42': 'none timeout',
      '10:46': 'bounded',
      '11:42': 'missing',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('postgres-js.ts', () => {
  it('judges postgres.js by the statement_timeout it sends at start-up, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'postgres-js.ts'), 'utf8');
    const expected = {
      '5:39': 'missing connection.statement_timeout',
      '7:44': 'bounded',
      '9:42': 'none connection.statement_timeout',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('pg-promise.ts', () => {
  it('judges pg-promise databases by the pg config they are given, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'pg-promise.ts'), 'utf8');
    const expected = {
      '7:28': 'missing `query_timeout`/`statement_timeout` and `connectionTimeoutMillis`',
      '9:28': 'bounded',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('callback-race.ts', () => {
  it('reads a callback-style request raced against its own timer as bounded, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'callback-race.ts'), 'utf8');
    const expected = { '13:5': 'bounded', '24:5': 'missing' };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('minio.ts', () => {
  it('judges MinIO clients, which take no timeout, where they are made, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'minio.ts'), 'utf8');
    // The rule reports the construction (line 6) where it is made, as for every client bounded
    // where it is made; the one with a custom transport (line 8) is not judged.
    const expected = { '7:51': 'missing' };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('google-auth.ts', () => {
  it("judges google-auth-library's clients by their transporter's timeout, through both readers", () => {
    const code = readFileSync(path.join(FIXTURES, 'google-auth.ts'), 'utf8');
    // `generateAuthUrl` (line 8) builds a URL locally. A googleapis API given a bounded auth client
    // (line 16) is bounded by that client's transporter; one given the positional client is not. A
    // positional client made from a configuration's members (line 22) has no options either; one
    // made from a single value that may be its options is not known (line 25).
    const expected = {
      '7:43': 'missing transporterOptions.timeout',
      '11:44': 'bounded',
      '16:28': 'bounded',
      '18:49': 'missing',
      '23:40': 'missing transporterOptions.timeout',
      '25:48': 'unknown',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('simple-oauth2.ts', () => {
  it('judges simple-oauth2 grants and the tokens they make, through both readers', () => {
    const code = readFileSync(path.join(FIXTURES, 'simple-oauth2.ts'), 'utf8');
    // Pinned, so that the two readers cannot agree by both missing the family: the grant made
    // without `http.timeout` (lines 6, 14), the one made with it (line 10), a call's own `timeout` (line 11).
    const expected = {
      '6:23': 'missing http.timeout',
      '10:30': 'bounded',
      '11:27': 'bounded',
      '14:10': 'missing http.timeout',
    };
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual(expected);
    expect(Object.fromEntries(typescriptVerdicts(code, undefined))).toEqual(expected);
  });
});

describe('timeout-helpers.ts', () => {
  it('bounds a call handed to the team’s own timeout helper, and not one a helper only delays', () => {
    const code = readFileSync(path.join(FIXTURES, 'timeout-helpers.ts'), 'utf8');
    // Pinned, so that the two readers cannot agree by both missing the shape.
    expect(Object.fromEntries(estreeVerdicts(code, undefined))).toEqual({
      '27:47': 'bounded',
      '29:30': 'bounded',
      '30:42': 'missing',
      '33:10': 'missing',
    });
  });
});
