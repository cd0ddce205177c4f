// gRPC clients in a TypeScript backend: named imports, a wrapper class that stores the
// stub in a field, a raw grpc.Client, and a REST client with similar method names.
// Shapes adapted from a public GrpcClient class (loadPackageDefinition + new proto[serviceName]),
// a users-service client (`grpcClient = new gRPCObj.services.Services(...)`) and a
// load({ serviceName, fileName, address }) helper with aliased grpc imports.

import path from 'path';
import * as grpc from '@grpc/grpc-js';
import {
  credentials as grpcCredentials,
  loadPackageDefinition as grpcLoadPackageDefinition,
  Metadata,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { UsersRestClient } from './rest/users-client';

const PORT = 8080;

const packageDefinition = loadSync(path.resolve(__dirname, '../../proto/services.proto'), {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const gRPCObj = grpc.loadPackageDefinition(packageDefinition) as any;

export const grpcClient = new gRPCObj.services.Services(`users-service:${PORT}`, grpc.credentials.createInsecure());

export function getUser(id: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    grpcClient.getUser({ id }, (err: Error | null, user: unknown) => (err ? reject(err) : resolve(user))); // expect: require-timeout
  });
}

export function getUserBounded(id: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    grpcClient.getUser({ id }, { deadline: Date.now() + 1500 }, (err: Error | null, user: unknown) => // ok
      err ? reject(err) : resolve(user),
    );
  });
}

const callOptions = { deadline: Date.now() + 10_000 };

export function listUsers(): Promise<unknown> {
  return new Promise((resolve, reject) => {
    grpcClient.listUsers({}, new Metadata(), callOptions, (err: Error | null, res: unknown) => // ok
      err ? reject(err) : resolve(res),
    );
  });
}

export class GrpcClient {
  service: any;

  constructor(protopath: string, host: string, port: string, serviceName: string) {
    const def = loadSync(protopath, { keepCase: true, defaults: true, oneofs: true });
    const pkg = grpcLoadPackageDefinition(def);
    const proto = pkg[Object.keys(pkg)[0]] as any;
    this.service = new proto[serviceName](`${host}:${port}`, grpcCredentials.createInsecure());
  }

  call(method: string, request: object): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.service[method](request, (err: Error | null, res: unknown) => (err ? reject(err) : resolve(res))); // expect: require-timeout
    });
  }

  callWithDeadline(method: string, request: object, ms: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.service[method](request, { deadline: Date.now() + ms }, (err: Error | null, res: unknown) => // ok
        err ? reject(err) : resolve(res),
      );
    });
  }
}

// A raw client and makeUnaryRequest.
const raw = new grpc.Client('inventory:50051', grpc.credentials.createInsecure());
const serialize = (v: object) => Buffer.from(JSON.stringify(v));
const deserialize = (b: Buffer) => JSON.parse(b.toString());

export function reserve(sku: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    raw.makeUnaryRequest('/inventory.Inventory/Reserve', serialize, deserialize, { sku }, // expect: require-timeout
      (err, res) => (err ? reject(err) : resolve(res)));
  });
}

export function release(sku: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    raw.makeUnaryRequest('/inventory.Inventory/Release', serialize, deserialize, { sku }, new Metadata(), // ok
      { deadline: Date.now() + 2000 }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

// A REST client with the same method names: not a gRPC stub.
const rest = new UsersRestClient({ baseUrl: 'https://users.example.com' });
export async function getUserViaRest(id: string) {
  return rest.getUser({ id }); // ok
}
