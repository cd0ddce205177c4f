// The roles `settings.faultline.clients` entries give to module members and instance members.
// Both readers (ESTree in the rules, TypeScript in `faultline analyze`) resolve a callee to a
// module path or an instance path; this decides, in one place, which of those paths the team
// described. Dotted names reach nested members: a static factory (`Client.https`), a getter that
// returns a client (`client.query`).
import type { ClientSetting } from './settings.js';
import type { Role } from './types.js';

/** `Client.https` → ['Client', 'https']; undefined (the module itself) → []. */
function segments(name: string | undefined): string[] {
  return name === undefined ? [] : name.split('.');
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((name, index) => path[index] === name);
}

/** True when a member path (from the export, or from an instance) is one of the client's remote methods. */
function isMethod(client: ClientSetting, path: readonly string[]): boolean {
  return client.methods?.includes(path.join('.')) ?? false;
}

function callRole(client: ClientSetting): Role {
  return { role: 'call', family: 'custom', options: { at: client.optionsArg } };
}

/**
 * The role a team's client entry gives the module member at `path` (`import { x } from 'm'; x.a.b`
 * is module `m`, path ['x', 'a', 'b']): its factory, the call itself, or one of its methods.
 */
export function customModuleRole(
  clients: readonly ClientSetting[],
  module: string,
  path: readonly string[],
): { role: Role; client: ClientSetting } | undefined {
  for (const client of clients) {
    if (client.module !== module) continue;
    const base = segments(client.export);
    if (!startsWith(path, base)) continue;
    const rest = path.slice(base.length);
    if (client.instanceFactory) {
      if (rest.length === 0)
        return {
          role: {
            role: 'factory',
            instance: 'custom',
            family: 'custom',
            options: { at: client.factoryOptionsArg },
          },
          client,
        };
      continue;
    }
    if (!client.methods && rest.length === 0) return { role: callRole(client), client };
    if (client.methods && rest.length > 0 && isMethod(client, rest))
      return { role: callRole(client), client };
  }
  return undefined;
}

/**
 * The role of a member of an instance a team's factory made (`path` from the instance: ['query'],
 * or ['client', 'query'] through a getter): only the methods the settings name are remote.
 */
export function customInstanceRole(client: ClientSetting, path: readonly string[]): Role | undefined {
  return isMethod(client, path) ? callRole(client) : undefined;
}
