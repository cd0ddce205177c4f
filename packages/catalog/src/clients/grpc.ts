// gRPC (@grpc/grpc-js): no deadline by default (Infinity); `deadline` in the call options, or a
// `timeout` in the channel's service config, bounds a call.
import { type ClientFamily, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, lookupLayers, missingOrUnknown, showValue } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';

const GRPC_MODULE: MemberTable = {
  loadPackageDefinition: { role: 'namespace', instance: 'grpc-package' },
  makeGenericClientConstructor: { role: 'namespace', instance: 'grpc-package' },
  makeClientConstructor: { role: 'namespace', instance: 'grpc-package' },
  load: { role: 'namespace', instance: 'grpc-package' },
  Client: factory('grpc-client', 'grpc', { at: 2 }),
};

/**
 * gRPC's `Metadata` class, by module: a call handed one as its second argument (`stub.syncItems(
 * request, metadata, callback)`) is a call of a gRPC stub, whatever the stub's declared type (a
 * generated interface, `ISyncingClient`, that no reader can follow to grpc-js's `Client`).
 */
export function isGrpcMetadataClass(module: string, path: readonly string[]): boolean {
  return (module === '@grpc/grpc-js' || module === 'grpc') && path.length === 1 && path[0] === 'Metadata';
}

function decideGrpc(input: JudgeInput): Verdict {
  const deadline = lookupLayers(input, 'deadline');
  if (deadline.prop) {
    // grpc-js: the default deadline is Infinity; 0 is 1970, which fails at once rather than waiting.
    const value = deadline.prop.value;
    if (
      value.kind === 'null' ||
      value.kind === 'undefined' ||
      (value.kind === 'number' && value.value === Infinity)
    ) {
      return { status: 'none', key: 'deadline', value: showValue(deadline.prop.value), at: deadline.prop.at };
    }
    return { status: 'bounded' };
  }
  // A channel-wide default from the service config: `{"methodConfig":[{"timeout":"5s",…}]}`.
  for (const layer of input.instance) {
    const config = getProp(layer, 'grpc.service_config');
    if (config) {
      if (config.value.kind === 'string') {
        if (/"timeout"\s*:/.test(config.value.value)) return { status: 'bounded' };
      } else {
        return { status: 'unknown' };
      }
    }
  }
  return missingOrUnknown(deadline.opaque);
}

export const grpcFamily: ClientFamily = {
  family: {
    id: 'grpc',
    answersByEvents: true,
    label: 'gRPC',
    reportAt: 'call',
    fix: 'pass call options with `deadline: Date.now() + ms`',
  },
  modules: { '@grpc/grpc-js': GRPC_MODULE, grpc: GRPC_MODULE },
  instances: {
    // A loaded package definition: any property is a nested package or a service constructor.
    'grpc-package': {
      members: { '': factory('grpc-client', 'grpc', { at: 2 }) },
      any: { role: 'namespace', instance: 'grpc-package' },
    },
    'grpc-client': {
      members: {
        makeUnaryRequest: call('grpc', { grpcCall: true }),
        makeClientStreamRequest: call('grpc', { grpcCall: true }),
        makeServerStreamRequest: call('grpc', { grpcCall: true }),
        makeBidiStreamRequest: call('grpc', { grpcCall: true }),
      },
      any: call('grpc', { grpcCall: true }),
      except: ['close', 'getChannel', 'waitForReady', 'constructor', 'bind', 'call', 'apply'],
    },
  },
  types: [
    {
      names: ['Client'],
      modules: ['@grpc/grpc-js'],
      packages: ['/@grpc/grpc-js/'],
      instance: 'grpc-client',
      family: 'grpc',
    },
  ],
  decide: decideGrpc,
};
