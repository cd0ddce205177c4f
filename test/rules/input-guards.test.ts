// inputGuards and unmetBy: which calls of a function run for only some of its inputs, and whether
// a call's arguments can meet them. A probe rule reports every `fetch(…)` that every input reaches,
// and every call of a function `f` of the file whose arguments can reach one of its `fetch` calls.
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';

import { type FunctionNode, findNode, isFunction, setParents } from '../../rules/util/ast.js';
import {
  boundEnsured,
  carriedBounds,
  carryGuards,
  inputGuards,
  unmetBy,
} from '../../rules/util/input-guards.js';

const isFetch = (node: TSESTree.Node): boolean =>
  node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'fetch';
const sends = (branch: TSESTree.Node): boolean => findNode(branch, isFetch) !== undefined;
/** The `fetch` calls of a function, each with its guards. */
const fetches = (fn: FunctionNode): { call: TSESTree.Node; guards: ReturnType<typeof inputGuards> }[] => {
  const found: { call: TSESTree.Node; guards: ReturnType<typeof inputGuards> }[] = [];
  findNode(fn.body, node => {
    if (isFetch(node)) found.push({ call: node, guards: inputGuards(node, fn, sends) });
    return false;
  });
  return found;
};

const probe: Rule.RuleModule = {
  meta: { type: 'problem', schema: [], messages: { reached: 'reached' } },
  create(context) {
    const report = (node: TSESTree.Node): void =>
      context.report({ node: node as unknown as Rule.Node, messageId: 'reached' });
    return {
      'CallExpression[callee.name="fetch"]'(node: Rule.Node) {
        const call = node as unknown as TSESTree.CallExpression;
        let fn: TSESTree.Node | undefined = call.parent;
        while (fn && !isFunction(fn)) fn = fn.parent;
        if (fn && !inputGuards(call, fn as FunctionNode, sends)) report(call);
      },
      'CallExpression[callee.name="f"]'(node: Rule.Node) {
        const call = node as unknown as TSESTree.CallExpression;
        const f = declared(context, 'f');
        if (!f) return;
        if (fetches(f).some(({ guards }) => !guards || !unmetBy(guards, call.arguments))) report(call);
      },
      // A call of `g`, which calls `f`: `f`'s guards carried through `g`'s call of it.
      'CallExpression[callee.name="g"]'(node: Rule.Node) {
        const call = node as unknown as TSESTree.CallExpression;
        const [f, g] = [declared(context, 'f'), declared(context, 'g')];
        if (!f || !g) return;
        const inner = findNode(
          g.body,
          each =>
            each.type === 'CallExpression' && each.callee.type === 'Identifier' && each.callee.name === 'f',
        ) as TSESTree.CallExpression | undefined;
        if (!inner) return;
        const reaches = fetches(f).some(({ guards }) => {
          if (!guards) return true;
          const carried = carryGuards(guards, inner.arguments, g);
          return carried !== 'unmet' && !unmetBy(carried, call.arguments);
        });
        if (reaches) report(call);
      },
    };
  },
};

/** The function declaration `name` of the linted file. */
function declared(context: Rule.RuleContext, name: string): TSESTree.FunctionDeclaration | undefined {
  const program = context.sourceCode.ast as unknown as TSESTree.Program;
  for (const statement of program.body)
    if (statement.type === 'FunctionDeclaration' && statement.id?.name === name) return statement;
  return undefined;
}

/** The lines of the `fetch` calls every input reaches. */
function reached(code: string): number[] {
  return new Linter()
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          plugins: { probe: { rules: { probe } } },
          languageOptions: { parser: tsParser },
          rules: { 'probe/probe': 'error' },
        },
      ],
      'file.ts',
    )
    .map(message => message.line);
}

describe('inputGuards and unmetBy', () => {
  it('counts branches on a parameter, a member of one, and locals taken straight from one', () => {
    expect(reached('async function f(url?: string) {\n  if (url) await fetch(url);\n}')).toEqual([]);
    expect(reached('async function f(o: { url?: string }) {\n  if (o.url) await fetch(o.url);\n}')).toEqual(
      [],
    );
    expect(
      reached(
        'async function f(o: { url?: string }) {\n  const { url } = o;\n  const target = url ?? "";\n  if (target) await fetch(target);\n}',
      ),
    ).toEqual([]);
    expect(
      reached('const f = async (url: string, wait: boolean) => (wait ? await fetch(url) : undefined);'),
    ).toEqual([]);
    expect(
      reached('async function f(url: string, on: boolean) {\n  return on && (await fetch(url));\n}'),
    ).toEqual([]);
    expect(
      reached(
        'async function f(kind: string, url: string) {\n  switch (kind) {\n    case "remote":\n      return fetch(url);\n  }\n}',
      ),
    ).toEqual([]);
  });

  it('counts an early return on an input, not one that throws or asks another value', () => {
    expect(
      reached(
        'async function f(url: string) {\n  if (!url.startsWith("https:")) return null;\n  return fetch(url);\n}',
      ),
    ).toEqual([]);
    expect(
      reached(
        'async function f(url?: string) {\n  if (!url) throw new Error("url");\n  return fetch(url);\n}',
      ),
    ).toEqual([3]);
    expect(
      reached(
        'const cache = new Map();\nasync function f(url: string) {\n  if (cache.has(url)) return cache.get(url);\n  return fetch(url);\n}',
      ),
    ).toEqual([4]);
    expect(
      reached(
        'async function f(this: { ready: boolean }, url: string) {\n  if (!this.ready) return;\n  return fetch(url);\n}',
      ),
    ).toEqual([3]);
  });

  it('leaves a branch that every input reaches one way or the other', () => {
    expect(
      reached(
        'async function f(method: string, url: string) {\n  if (method === "GET") return fetch(url);\n  return fetch(url, { method });\n}',
      ),
    ).toEqual([2, 3]);
    expect(
      reached(
        'async function f(method: string, url: string) {\n  return method === "GET" ? fetch(url) : fetch(url, { method });\n}',
      ),
    ).toEqual([2, 2]);
    expect(
      reached(
        'async function f(url: string, log: boolean) {\n  if (log) console.log(url);\n  return fetch(url);\n}',
      ),
    ).toEqual([3]);
  });

  it('judges a call by what it passes for the guarded input', () => {
    const helper =
      'async function f(input: { storageKey?: string; externalUrl?: string }, wait?: boolean) {\n' +
      '  const { externalUrl } = input;\n' +
      '  if (externalUrl && wait) return fetch(externalUrl);\n' +
      '  return input.storageKey;\n' +
      '}\n';
    // Line 3 is the fetch itself (guarded); calls from line 6.
    const calls = (text: string): number[] => reached(helper + text).filter(line => line > 5);
    expect(calls('f({ storageKey: "k" }, true);')).toEqual([]);
    expect(calls('f({ externalUrl: "https://a" }, false);')).toEqual([]);
    expect(calls('f({ externalUrl: "https://a" });')).toEqual([]);
    expect(calls('f({ externalUrl: "https://a" }, true);')).toEqual([6]);
    expect(calls('declare const body: { url: string };\nf({ externalUrl: body.url }, true);')).toEqual([7]);
    expect(calls('declare const input: { externalUrl: string };\nf(input, true);')).toEqual([7]);
    expect(calls('declare const rest: object;\nf({ ...rest }, true);')).toEqual([7]);
  });

  it('leaves a guard the arguments cannot settle to the call (a method of the input asked)', () => {
    const helper =
      'async function f(url: string) {\n  if (!url.includes("notion.site")) return null;\n  return fetch(url);\n}\n';
    expect(reached(helper + 'f("https://a.example");').filter(line => line > 4)).toEqual([5]);
  });

  it('reads a key of a literal object through its one spread, and a key written after it', () => {
    const helper =
      'async function f(opts: { hook?: string; url?: string }) {\n' +
      '  if (opts.hook) {\n' +
      '    if (opts.url) await fetch(opts.url);\n' +
      '  }\n' +
      '}\n';
    const calls = (text: string): number[] => reached(helper + text).filter(line => line > 5);
    expect(calls('declare const rest: object;\nf({ ...rest, hook: undefined });')).toEqual([]);
    expect(calls('declare const rest: object;\nf({ hook: "h", ...rest });')).toEqual([7]);
    expect(calls('declare const a: object, b: object;\nf({ ...a, ...b });')).toEqual([7]);
    // Through `g`, which passes its input on with one key added: each call of `g` is judged.
    const through = (text: string): number[] =>
      reached(
        helper + 'async function g(opts: object) {\n  return f({ ...opts, at: Date.now() });\n}\n' + text,
      ).filter(line => line > 8);
    expect(through('g({ channel: "c" });')).toEqual([]);
    expect(through('g({ channel: "c", hook: "h", url: "https://a" });')).toEqual([9]);
    expect(through('declare const body: object;\ng(body);')).toEqual([10]);
    expect(through('declare const body: object;\ng({ ...body, channel: "c" });')).toEqual([10]);
  });

  it('reads each element of an array mapped to one literal', () => {
    const helper =
      'async function f(input: { files: { storageKey?: string; externalUrl?: string }[] }) {\n' +
      '  for (const file of input.files) {\n' +
      '    if (file.externalUrl) await fetch(file.externalUrl);\n' +
      '  }\n' +
      '}\n' +
      'declare const names: string[];\n';
    const calls = (text: string): number[] => reached(helper + text).filter(line => line > 6);
    expect(calls('f({ files: names.map(name => ({ storageKey: name })) });')).toEqual([]);
    expect(
      calls(
        'f({ files: names.map(name => {\n  const key = `k/${name}`;\n  return { storageKey: key };\n}) });',
      ),
    ).toEqual([]);
    expect(calls('f({ files: names.map(name => ({ externalUrl: name })) });')).toEqual([7]);
    expect(
      calls(
        'f({ files: names.map(name => {\n  if (name) return { externalUrl: name };\n  return { storageKey: name };\n}) });',
      ),
    ).toEqual([7]);
    expect(
      calls('declare const toFile: (name: string) => object;\nf({ files: names.map(toFile) });'),
    ).toEqual([8]);
  });

  it('reads a const holding a literal object that nothing else uses', () => {
    const helper =
      'async function f(profile: { id: string; photos?: string[] }) {\n' +
      '  const { photos } = profile;\n' +
      '  if (photos?.length > 0) await fetch(photos[0]);\n' +
      '}\n';
    const calls = (text: string): number[] => reached(helper + text).filter(line => line > 4);
    expect(
      calls('export function g(id: string) {\n  const profile = { id };\n  return f(profile);\n}'),
    ).toEqual([]);
    // Changed after it is made, declared with let, or not a literal: read as unknown.
    expect(
      calls(
        'export function g(id: string, photos: string[]) {\n  const profile = { id };\n  Object.assign(profile, { photos });\n  return f(profile);\n}',
      ),
    ).toEqual([8]);
    expect(
      calls('export function g(id: string) {\n  let profile = { id };\n  return f(profile);\n}'),
    ).toEqual([7]);
    expect(
      calls(
        'declare const load: () => { id: string };\nexport function g() {\n  const profile = load();\n  return f(profile);\n}',
      ),
    ).toEqual([8]);
  });
});

// A bound a function is given and passes on (`send(cmd, { signal: o.signal })`): the call goes out
// unbounded only for the callers that leave it out; a value that cannot be told counts as a bound.
describe('carriedBounds', () => {
  const named = (name: string): boolean => /timeout|deadline|signal/i.test(name);
  /** The functions of a module, by name, and the first `send(…)` call of each. */
  function module(code: string): Map<string, { fn: FunctionNode; send?: TSESTree.CallExpression }> {
    const program = tsParser.parseForESLint(code, { range: true, loc: true })
      .ast as unknown as TSESTree.Program;
    setParents(program);
    const found = new Map<string, { fn: FunctionNode; send?: TSESTree.CallExpression }>();
    for (const statement of program.body)
      if (statement.type === 'FunctionDeclaration' && statement.id) {
        const send = findNode(
          statement.body,
          node =>
            node.type === 'CallExpression' &&
            node.callee.type === 'Identifier' &&
            node.callee.name === 'send',
        ) as TSESTree.CallExpression | undefined;
        found.set(statement.id.name, { fn: statement, ...(send ? { send } : {}) });
      }
    return found;
  }
  const guardsOf = (code: string): ReturnType<typeof carriedBounds> => {
    const f = module(code).get('f');
    return f?.send && carriedBounds(f.send, f.fn, named);
  };
  /** The arguments of the first call of `f` in function `name`. */
  const argsIn = (fns: ReturnType<typeof module>, name: string): TSESTree.CallExpressionArgument[] => {
    const call = findNode(
      (fns.get(name) as { fn: FunctionNode }).fn.body,
      node => node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'f',
    ) as TSESTree.CallExpression;
    return call.arguments;
  };

  it('finds a bound read from an input, and none the call makes itself', () => {
    expect(guardsOf('function f(o: { signal?: AbortSignal }) { send(1, { signal: o.signal }); }')).toEqual([
      { source: { param: 0, path: ['signal'] }, truthy: false, bound: true },
    ]);
    expect(guardsOf('function f(key: string, signal?: AbortSignal) { send(key, { signal }); }')).toEqual([
      { source: { param: 1, path: [] }, truthy: false, bound: true },
    ]);
    expect(guardsOf('function f(key: string, timeoutMs?: number) { send(key, timeoutMs); }')).toEqual([
      { source: { param: 1, path: [] }, truthy: false, bound: true },
    ]);
    // The call's own bound, a default around the input, or no bound named at all.
    expect(guardsOf('function f() { send(1, { signal: AbortSignal.timeout(5_000) }); }')).toBeUndefined();
    expect(
      guardsOf(
        'function f(o: { signal?: AbortSignal }) { send(1, { signal: o.signal ?? AbortSignal.timeout(1) }); }',
      ),
    ).toBeUndefined();
    expect(guardsOf('function f(o: { signal?: AbortSignal }) { send(1, { retries: 3 }); }')).toBeUndefined();
  });

  it('leaves a bound the function sets itself when none is given', () => {
    expect(
      guardsOf(
        'function f(o: { signal?: AbortSignal }) { let signal = o.signal; if (!signal) signal = AbortSignal.timeout(5); send(1, { signal }); }',
      ),
    ).toBeUndefined();
    expect(
      guardsOf(
        'function f(o: { signal?: AbortSignal } = {}) { o.signal ??= AbortSignal.timeout(5); send(1, { signal: o.signal }); }',
      ),
    ).toBeUndefined();
  });

  it('is ensured by a guard before the call that asks for the same input', () => {
    const fns = module(
      'function f(o: { signal?: AbortSignal } = {}) {\n  if (!o.signal) return;\n  send(1, { signal: o.signal });\n}\n',
    );
    const f = fns.get('f') as { fn: FunctionNode; send: TSESTree.CallExpression };
    const carried = carriedBounds(f.send, f.fn, named) ?? [];
    expect(carried).toHaveLength(1);
    const before = inputGuards(f.send, f.fn, () => false) ?? [];
    expect(boundEnsured([...before, ...carried])).toBe(true);
    expect(boundEnsured(carried)).toBe(false);
  });

  it('is met only by a call that leaves the input out', () => {
    const fns = module(
      'function f(o: { key: string; signal?: AbortSignal }) { send(o.key, { signal: o.signal }); }\n' +
        'function none() { f({ key: "a" }); }\n' +
        'function undef() { f({ key: "a", signal: undefined }); }\n' +
        'function own() { f({ key: "a", signal: AbortSignal.timeout(1_000) }); }\n' +
        'declare const shared: AbortSignal;\n' +
        'function given() { f({ key: "a", signal: shared }); }\n',
    );
    const f = fns.get('f') as { fn: FunctionNode; send: TSESTree.CallExpression };
    const guards = carriedBounds(f.send, f.fn, named) ?? [];
    expect(['none', 'undef', 'own', 'given'].map(name => unmetBy(guards, argsIn(fns, name)))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('is carried to a caller that passes on its own input, and settled by one that passes something else', () => {
    const fns = module(
      'function f(o: { signal?: AbortSignal }) { send(1, { signal: o.signal }); }\n' +
        'function g(signal?: AbortSignal) { f({ signal }); }\n' +
        'declare const shared: AbortSignal;\n' +
        'function h() { f({ signal: shared }); }\n',
    );
    const f = fns.get('f') as { fn: FunctionNode; send: TSESTree.CallExpression };
    const guards = carriedBounds(f.send, f.fn, named) ?? [];
    const g = fns.get('g') as { fn: FunctionNode };
    expect(carryGuards(guards, argsIn(fns, 'g'), g.fn)).toEqual([
      { source: { param: 0, path: [] }, truthy: false, bound: true },
    ]);
    expect(carryGuards(guards, argsIn(fns, 'h'), (fns.get('h') as { fn: FunctionNode }).fn)).toBe('unmet');
  });
});
