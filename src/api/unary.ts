import type * as grpc from '@grpc/grpc-js';
import { FORWARDED_METADATA } from '../wire/index.js';
import { toServiceError } from './error-status.js';
import type { NodeApi } from './node-api.js';

export interface CallContext<Req> {
  readonly request: Req;
  /** True when a follower already forwarded this call once. */
  readonly forwarded: boolean;
}

/** Adapts an async handler to grpc-js, mapping every error through the one table. */
export function unary<Req, Res>(
  node: NodeApi,
  fn: (ctx: CallContext<Req>) => Promise<Res>,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    const forwarded = call.metadata.get(FORWARDED_METADATA).length > 0;
    const refused = node.refusal?.();
    if (refused !== undefined) {
      callback(toServiceError(refused));
      return;
    }
    fn({ request: call.request, forwarded }).then(
      (res) => {
        callback(null, res);
      },
      (err: unknown) => {
        let leader: { id: string; address: string } | undefined;
        try {
          leader = node.leader();
        } catch {
          leader = undefined;
        }
        callback(toServiceError(err, leader));
      },
    );
  };
}
