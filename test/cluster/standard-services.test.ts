import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as healthProto } from 'grpc-health-check';
import { InProcessCluster } from './in-process.js';

const require = createRequire(import.meta.url);
const reflectionProto = path.join(
  path.dirname(require.resolve('@grpc/reflection/package.json')),
  'build/proto/grpc/reflection/v1/reflection.proto',
);

interface HealthClient extends grpc.Client {
  check(
    req: { service: string },
    cb: (err: grpc.ServiceError | null, res?: { status: string }) => void,
  ): void;
}

test('cluster: every node serves the standard gRPC health service and server reflection', async () => {
  const c = await InProcessCluster.start(1);
  try {
    const leader = await c.waitForLeader();
    const address = c.nodes.get(leader)?.node.addressOf(leader) as string;
    const hpkg = grpc.loadPackageDefinition(
      loadSync(healthProto, { keepCase: true, enums: String }),
    ) as unknown as {
      grpc: {
        health: { v1: { Health: new (a: string, c: grpc.ChannelCredentials) => HealthClient } };
      };
    };
    const health = new hpkg.grpc.health.v1.Health(address, grpc.credentials.createInsecure());
    const status = await new Promise<string>((resolve, reject) => {
      health.check({ service: 'fabric.v1.ClusterService' }, (err, res) => {
        if (err !== null) reject(err);
        else resolve(res?.status ?? '');
      });
    });
    assert.equal(status, 'SERVING');
    health.close();

    const rpkg = grpc.loadPackageDefinition(
      loadSync(reflectionProto, { keepCase: true }),
    ) as unknown as {
      grpc: {
        reflection: {
          v1: {
            ServerReflection: new (
              a: string,
              c: grpc.ChannelCredentials,
            ) => grpc.Client & {
              ServerReflectionInfo(): grpc.ClientDuplexStream<
                object,
                { list_services_response?: { service: { name: string }[] } }
              >;
            };
          };
        };
      };
    };
    const refl = new rpkg.grpc.reflection.v1.ServerReflection(
      address,
      grpc.credentials.createInsecure(),
    );
    const call = refl.ServerReflectionInfo();
    const names = await new Promise<string[]>((resolve, reject) => {
      call.on('data', (r: { list_services_response?: { service: { name: string }[] } }) => {
        resolve((r.list_services_response?.service ?? []).map((s) => s.name));
        call.end();
      });
      call.on('error', reject);
      call.write({ list_services: '' });
    });
    for (const s of [
      'fabric.v1.ClusterService',
      'fabric.v1.KvService',
      'fabric.v1.ProcedureService',
    ])
      assert.ok(names.includes(s), `reflection lists ${s}: ${names.join(', ')}`);
    refl.close();
  } finally {
    await c.stop();
  }
});
