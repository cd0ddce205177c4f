// What the closure does to the world: environment reads, file system, child processes, sockets,
// remote calls (judged by the client catalog) and thrown errors. Each becomes a hazard with its
// location; a moved closure takes all of these with it into the service.
import { type Verdict, FAMILIES, loopbackHost } from '@faultline/catalog';
import { ts } from 'ts-morph';

import type { Unit } from './closure.js';
import { type HazardCode, codeInfo } from './codes.js';
import type { Hazard } from './model.js';
import type { RemoteCallFact, RemoteCalls } from './remote-calls.js';
import {
  type Context,
  locate,
  memberName,
  propertyNameText,
  relativeFile,
  resolveAlias,
  staticString,
  unwrap,
  walk,
} from './ts-util.js';

const FS_MODULES = new Set(['node:fs', 'node:fs/promises', 'fs-extra', 'graceful-fs', 'fs-extra/esm']);
const CHILD_MODULES = new Set(['node:child_process', 'execa', 'cross-spawn', 'shelljs']);
const NET_MODULES = new Set([
  'node:net',
  'node:dgram',
  'node:tls',
  'node:dns',
  'node:dns/promises',
  'ws',
  'socket.io',
  'node:worker_threads',
  'node:cluster',
]);
const SERVER_FACTORIES = new Set(['createServer', 'createSecureServer', 'Server']);
const BUILTIN_ERRORS = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
  'DOMException',
]);

function hazard(
  ctx: Context,
  code: HazardCode,
  node: ts.Node,
  message: string,
  detail?: Hazard['detail'],
): Hazard {
  const info = codeInfo(code);
  return {
    code: info.code,
    name: info.name,
    severity: info.severity,
    message,
    location: locate(ctx, node),
    ...(detail ? { detail } : {}),
  };
}

/** `process` here is the Node global (not a local binding). */
function isProcessGlobal(ctx: Context, node: ts.Expression): boolean {
  const inner = unwrap(node);
  if (!ts.isIdentifier(inner) || inner.text !== 'process') return false;
  const symbol = ctx.checker.getSymbolAtLocation(inner);
  return !(symbol?.declarations ?? []).some(declaration =>
    ctx.libraryFiles.has(declaration.getSourceFile().fileName),
  );
}

function isEnvObject(ctx: Context, node: ts.Expression): boolean {
  const inner = unwrap(node);
  return (
    ts.isPropertyAccessExpression(inner) &&
    inner.name.text === 'env' &&
    isProcessGlobal(ctx, inner.expression)
  );
}

/** Env keys read at a node: `process.env.A`, `process.env['A']`, `const { A } = process.env`; `*` when computed. */
function envReads(ctx: Context, node: ts.Node): string[] | undefined {
  if (
    (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) &&
    isEnvObject(ctx, node.expression)
  ) {
    return [memberName(node) ?? '*'];
  }
  if (
    ts.isVariableDeclaration(node) &&
    node.initializer &&
    isEnvObject(ctx, node.initializer) &&
    ts.isObjectBindingPattern(node.name)
  ) {
    return node.name.elements.map(element =>
      element.dotDotDotToken
        ? '*'
        : (propertyNameText(element.propertyName) ??
          (ts.isIdentifier(element.name) ? element.name.text : '*')),
    );
  }
  return undefined;
}

type ThrowKind = { code: 'FL601' | 'FL602' | 'FL603'; className: string };

function classifyThrow(ctx: Context, expression: ts.Expression): ThrowKind {
  const inner = unwrap(expression);
  const checker = ctx.checker;
  if (ts.isNewExpression(inner) || ts.isCallExpression(inner)) {
    const callee = unwrap(inner.expression);
    const symbol =
      ts.isIdentifier(callee) || ts.isPropertyAccessExpression(callee)
        ? checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee)
        : undefined;
    const target = symbol ? resolveAlias(checker, symbol) : undefined;
    const declaration = target?.declarations?.[0];
    if (
      declaration &&
      (ts.isClassDeclaration(declaration) || ts.isClassExpression(declaration)) &&
      !ctx.program.isSourceFileDefaultLibrary(declaration.getSourceFile())
    ) {
      return { code: 'FL601', className: target?.name ?? callee.getText() };
    }
    if (ts.isNewExpression(inner) && ts.isIdentifier(callee) && BUILTIN_ERRORS.has(callee.text))
      return { code: 'FL602', className: callee.text };
  }
  const type = checker.getTypeAtLocation(inner);
  const symbol = type.getSymbol();
  if (
    symbol &&
    BUILTIN_ERRORS.has(symbol.name) &&
    symbol.declarations?.some(d => ctx.program.isSourceFileDefaultLibrary(d.getSourceFile()))
  )
    return { code: 'FL602', className: symbol.name };
  if (symbol && symbol.flags & ts.SymbolFlags.Class) return { code: 'FL601', className: symbol.name };
  return { code: 'FL603', className: inner.getText().slice(0, 40) };
}

/**
 * FL504: a request to a server on this machine (`http://localhost:8080`). Beside the library it
 * needs no deadline (require-timeout does not ask for one); carved into a service, the code runs on
 * another machine, where `localhost` is the service itself.
 */
function loopbackHazard(ctx: Context, fact: RemoteCallFact, target: string, unitName: string): Hazard {
  const host = loopbackHost(target);
  // Said only of a call with no deadline: one whose bound cannot be seen may have one.
  const deadline =
    fact.verdict.status === 'bounded' || fact.verdict.status === 'unknown'
      ? ''
      : ` Once that server is across the network the call needs a deadline too: ${fact.fix}.`;
  return hazard(
    ctx,
    'FL504',
    fact.node,
    `calls ${fact.label} (\`${fact.callee}\`) at \`${host}\` in ${unitName}: a server on the machine the library runs on. Carved into a service, this code runs elsewhere, where \`${host}\` is the service itself. Fix: give the service that server's address in its configuration, or move the server with it.${deadline}`,
    { family: fact.family, host, deadline: fact.verdict.status },
  );
}

/**
 * Hazards from the runtime code of the closure: one per env key, per I/O member used, per remote
 * call, per thrown error class (with how many places throw it).
 */
export function analyzeEffects(ctx: Context, remote: RemoteCalls, units: readonly Unit[]): Hazard[] {
  const hazards: Hazard[] = [];
  const envSeen = new Map<string, Hazard>();
  const ioSeen = new Map<string, Hazard>();
  const throwSeen = new Map<string, Hazard>();
  for (const unit of units) {
    if (unit.typeOnly) continue;
    for (const root of unit.nodes) {
      walk(root, node => {
        if (ts.isTypeNode(node)) return false;
        const keys = envReads(ctx, node);
        if (keys) {
          for (const key of keys) {
            if (envSeen.has(key)) continue;
            const found = hazard(
              ctx,
              'FL401',
              node,
              key === '*'
                ? `reads the environment with a computed key in ${unit.name}: the service needs every variable it might read.`
                : `reads the environment variable ${key} in ${unit.name}: the service must be given it too.`,
              { key },
            );
            envSeen.set(key, found);
            hazards.push(found);
          }
        }
        if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
          const fact = remote.judgeCall(node);
          if (fact?.loopback !== undefined) {
            hazards.push(loopbackHazard(ctx, fact, fact.loopback, unit.name));
          } else if (fact) {
            const status = fact.verdict.status;
            const code: HazardCode =
              status === 'bounded' ? 'FL501' : status === 'unknown' ? 'FL503' : 'FL502';
            const where =
              fact.decidedAt !== node
                ? ` (client created at ${formatLocation(locate(ctx, fact.decidedAt))})`
                : '';
            const detail: Hazard['detail'] = { family: fact.family, deadline: status };
            const message =
              code === 'FL501'
                ? `calls ${fact.label} (\`${fact.callee}\`) in ${unit.name} with a deadline${where}.`
                : code === 'FL503'
                  ? `calls ${fact.label} (\`${fact.callee}\`) in ${unit.name}; its deadline cannot be seen${where}.`
                  : `calls ${fact.label} (\`${fact.callee}\`) in ${unit.name} without a deadline${describe(fact.verdict)}${where}: a slow dependency makes the new service hang too. Fix: ${FAMILIES[fact.family].fix}.`;
            hazards.push(hazard(ctx, code, node, message, detail));
          } else if (!indirectDeadlineHazard(ctx, remote, node, unit.name, hazards)) {
            const value = remote.valueOf(node.expression);
            if (value.kind === 'module') {
              const member = value.path.join('.') || 'default';
              const code: HazardCode | undefined = FS_MODULES.has(value.module)
                ? 'FL402'
                : CHILD_MODULES.has(value.module)
                  ? 'FL403'
                  : NET_MODULES.has(value.module) ||
                      (['node:http', 'node:https', 'node:http2'].includes(value.module) &&
                        SERVER_FACTORIES.has(value.path[value.path.length - 1] ?? ''))
                    ? 'FL404'
                    : undefined;
              if (code) {
                const key = `${code}:${value.module}:${member}`;
                const seen = ioSeen.get(key);
                if (seen) {
                  seen.detail = { ...seen.detail, count: Number(seen.detail?.count ?? 1) + 1 };
                } else {
                  const what =
                    code === 'FL402'
                      ? 'the file system'
                      : code === 'FL403'
                        ? 'child processes'
                        : 'the network directly';
                  const path = code === 'FL402' ? fileArgument(node) : undefined;
                  const found = hazard(
                    ctx,
                    code,
                    node,
                    `uses ${what} (\`${value.module.replace(/^node:/, '')}.${member}\`${path ? ` on ${path}` : ''}) in ${unit.name}: the service needs the same access on its own machine.`,
                    {
                      module: value.module,
                      member,
                      count: 1,
                    },
                  );
                  ioSeen.set(key, found);
                  hazards.push(found);
                }
              }
            }
          }
        }
        if (ts.isThrowStatement(node) && node.expression) {
          const kind = classifyThrow(ctx, node.expression);
          const key = `${kind.code}:${kind.className}`;
          const seen = throwSeen.get(key);
          if (seen) {
            seen.detail = { ...seen.detail, count: Number(seen.detail?.count ?? 1) + 1 };
            return;
          }
          const message =
            kind.code === 'FL601'
              ? `throws ${kind.className} in ${unit.name}: over the wire \`instanceof ${kind.className}\` and its fields are lost unless the client maps it back.`
              : kind.code === 'FL602'
                ? `throws ${kind.className} in ${unit.name}: only its message and name cross the wire.`
                : `rethrows \`${kind.className}\` in ${unit.name}: its class is not known here and is lost over the wire.`;
          const found = hazard(ctx, kind.code, node, message, { errorClass: kind.className, count: 1 });
          throwSeen.set(key, found);
          hazards.push(found);
        }
        return true;
      });
    }
  }
  return hazards;
}

/**
 * The two deadline hazards a call that is not itself a remote call can carry (as the rules'
 * `wrapperWithoutDeadline` and `missingClientDeadline`): a call to a request wrapper of the library
 * that bounds its request only with the caller's deadline, made without one; and a client made
 * without a deadline whose instance leaves its file. True when the call was one of those.
 */
function indirectDeadlineHazard(
  ctx: Context,
  remote: RemoteCalls,
  node: ts.CallExpression | ts.NewExpression,
  unitName: string,
  hazards: Hazard[],
): boolean {
  const wrapper = remote.wrapperCall(node);
  if (wrapper) {
    const { carrier } = wrapper;
    const key = carrier.key ?? carrier.name ?? 'signal';
    const callee = node.expression.getText().replace(/\s+/g, ' ').slice(0, 40);
    const where = `${relativeFile(ctx, wrapper.file)}:${carrier.line}`;
    hazards.push(
      hazard(
        ctx,
        'FL502',
        node,
        `calls \`${callee}\` in ${unitName} without \`${key}\`: it bounds its request (\`${carrier.request}\` at ${where}) only with the \`${key}\` it is given, so this call can hang forever, and the new service with it. Fix: pass \`${key}\`.`,
        { family: 'fetch', deadline: 'missing', wrapper: callee, key },
      ),
    );
    return true;
  }
  const escaping = remote.escapingClient(node);
  const classified = escaping.length > 0 ? remote.classify(node) : undefined;
  const role = classified?.role;
  if (role?.role !== 'factory') return false;
  const family = FAMILIES[role.family];
  for (const verdict of escaping)
    hazards.push(
      hazard(
        ctx,
        'FL502',
        node,
        `creates ${/^[aeiou]/i.test(family.label) ? 'an' : 'a'} ${family.label} client without a deadline${describe(verdict)} in ${unitName}, and the client leaves its file: every call through it elsewhere can hang forever, and the new service with it. Fix: ${family.fix}.`,
        { family: role.family, deadline: verdict.status, construction: true },
      ),
    );
  return true;
}

function fileArgument(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const first = node.arguments?.[0];
  const text = staticString(first);
  if (text !== undefined) return `'${text}'`;
  return first ? `\`${first.getText().slice(0, 60)}\`` : undefined;
}

function describe(verdict: Verdict): string {
  if (verdict.status === 'none') return ` (\`${verdict.key}: ${verdict.value}\` turns it off)`;
  if (verdict.status === 'missing' && verdict.limitation) return ` (${verdict.limitation})`;
  if (verdict.status === 'missing' && verdict.dispatcher) return ` (${verdict.dispatcher.why})`;
  if (verdict.status === 'missing' && verdict.detail) return ` (no ${verdict.detail})`;
  if (verdict.status === 'untimedSignal') return ' (its signal is never aborted by a timer)';
  if (verdict.status === 'doesNotAbort') return ' (its timeout does not abort the request)';
  if (verdict.status === 'ignored') return ` (\`${verdict.key}\` is ignored by the client)`;
  return '';
}

export function formatLocation(location: { file: string; line: number; column: number }): string {
  return `${location.file}:${location.line}:${location.column}`;
}
