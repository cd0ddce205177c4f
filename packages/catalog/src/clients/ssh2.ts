// ssh2 (and node-ssh, which wraps it): `connect(config)` bounds only the handshake (`readyTimeout`,
// default 20 000 ms). Nothing bounds a command, a shell or an SFTP transfer: `exec(command,
// options?, callback)` takes no timeout, and `keepaliveInterval` is 0 (off) by default, so a
// server or network that stops answering leaves every command on the connection waiting forever.
// With `keepaliveInterval` > 0, `keepaliveCountMax` (default 3) unanswered keepalives close the
// connection, which fails its commands. So the connection is judged where `connect` is called;
// commands are remote calls bounded (or not) by that connection.
// Read at mscdex/ssh2 (lib/client.js, README "Client methods") and steelbrain/node-ssh.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, isNoneValue, isOpaque, judgeTimeoutProp } from '../summary.js';
import type { Verdict } from '../types.js';

const COMMAND = call('ssh2', NONE);
/** `conn.on('ready', …).connect(config)`: listener methods return the client. */
const SAME = factory('ssh2', 'ssh2', NONE, 'callee');

function decideSsh2(input: JudgeInput): Verdict {
  const config = input.options;
  // A command: its bound is the connection's keepalive, judged where `connect` is called.
  if (config.kind === 'absent') return { status: 'unknown' };
  if (config.kind !== 'object') return { status: 'unknown' };
  const keepalive = judgeTimeoutProp(getProp(config, 'keepaliveInterval'), 'keepaliveInterval', isNoneValue);
  if (keepalive) return keepalive;
  if (isOpaque(config)) return { status: 'unknown' };
  return { status: 'missing', detail: '`keepaliveInterval`' };
}

export const ssh2Family: ClientFamily = {
  family: {
    id: 'ssh2',
    answersByEvents: true,
    label: 'SSH',
    reportAt: 'call',
    fix: 'set `keepaliveInterval` (ms) in the connect config so a dead server or network closes the connection, and end the connection (`end()`) on a timer around each command',
    limitation: 'ssh2 has no command timeout (`readyTimeout` bounds only the handshake)',
  },
  modules: {
    ssh2: { Client: factory('ssh2', 'ssh2', NONE) },
    'node-ssh': { NodeSSH: factory('node-ssh', 'ssh2', NONE) },
  },
  instances: {
    ssh2: {
      members: {
        connect: call('ssh2', { at: 0 }),
        on: SAME,
        once: SAME,
        exec: COMMAND,
        shell: COMMAND,
        sftp: COMMAND,
        subsys: COMMAND,
        forwardOut: COMMAND,
        forwardIn: COMMAND,
      },
    },
    'node-ssh': {
      members: {
        connect: call('ssh2', { at: 0 }),
        execCommand: COMMAND,
        exec: COMMAND,
        mkdir: COMMAND,
        getFile: COMMAND,
        putFile: COMMAND,
        putFiles: COMMAND,
        getDirectory: COMMAND,
        putDirectory: COMMAND,
        requestShell: COMMAND,
        withShell: COMMAND,
        requestSFTP: COMMAND,
        withSFTP: COMMAND,
      },
    },
  },
  types: [
    {
      names: ['Client'],
      modules: ['ssh2'],
      packages: ['/ssh2/', '/@types/ssh2/'],
      instance: 'ssh2',
      family: 'ssh2',
    },
    {
      names: ['NodeSSH'],
      modules: ['node-ssh'],
      packages: ['/node-ssh/'],
      instance: 'node-ssh',
      family: 'ssh2',
    },
  ],
  decide: decideSsh2,
};
