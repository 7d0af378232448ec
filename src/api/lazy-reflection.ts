import type * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { LOADER_OPTIONS, PROTO_DIR, PROTO_FILES } from '../wire/index.js';
import { ReflectionService } from '@grpc/reflection';

type Registry = Pick<grpc.Server, 'addService'>;
type Handler = (...args: unknown[]) => void;

/**
 * Server reflection whose index is built on the first reflection call, not
 * at start: ReflectionService decodes and indexes every file descriptor of
 * the package when it is constructed (about 150 ms of CPU on an idle
 * machine, 400 ms on a busy one), and a restarting node should be answering
 * its peers by then. ReflectionService registers itself through
 * `addService` alone, so an empty instance lends the service definitions
 * and the real one, built on demand, lends the handlers.
 */
export function addLazyReflection(server: Registry): void {
  let handlers: Map<string, grpc.UntypedServiceImplementation> | undefined;
  const real = (key: string, method: string): Handler => {
    if (handlers === undefined) {
      const built = new Map<string, grpc.UntypedServiceImplementation>();
      // Reflection needs the file descriptors only @grpc/proto-loader builds.
      const definitions = loadSync([...PROTO_FILES], {
        ...LOADER_OPTIONS,
        includeDirs: [PROTO_DIR],
      });
      new ReflectionService(definitions).addToServer({
        addService: (service, impl) => built.set(serviceKey(service), impl),
      });
      handlers = built;
    }
    return handlers.get(key)?.[method] as Handler;
  };
  new ReflectionService({}).addToServer({
    addService: (service, impl) => {
      const key = serviceKey(service);
      const lazy: grpc.UntypedServiceImplementation = {};
      for (const method of Object.keys(impl)) {
        const handle: Handler = (...args) => {
          real(key, method)(...args);
        };
        lazy[method] = handle as grpc.UntypedHandleCall;
      }
      server.addService(service, lazy);
    },
  });
}

/** A service's identity across separately loaded definitions: its method paths. */
function serviceKey(service: grpc.ServiceDefinition): string {
  return Object.values(service)
    .map((m) => m.path)
    .join(' ');
}
