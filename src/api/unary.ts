import type * as grpc from '@grpc/grpc-js';
import { FORWARDED_METADATA } from '../wire/index.js';
import { toServiceError } from './error-status.js';
import { onLeader } from './forward.js';
import type { PeerChannels } from './forward.js';
import type { NodeApi } from './node-api.js';

export interface CallContext<Req> {
  readonly request: Req;
  /** True when a follower already forwarded this call once. */
  readonly forwarded: boolean;
  /**
   * Runs `local` if this node leads; otherwise re-sends this very call to the
   * leader (once) and answers with the leader's response.
   */
  readonly onLeader: <Res>(local: () => Promise<Res>) => Promise<Res>;
}

/**
 * Adapts an async handler to grpc-js, mapping every error through the one
 * table. With `peers`, the handler may forward the call to the leader.
 */
export function unary<Req, Res>(
  node: NodeApi,
  fn: (ctx: CallContext<Req>) => Promise<Res>,
  peers?: PeerChannels,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    const forwarded = call.metadata.get(FORWARDED_METADATA).length > 0;
    const refused = node.refusal?.();
    if (refused !== undefined) {
      callback(toServiceError(refused));
      return;
    }
    const served = {
      path: call.getPath(),
      request: call.request,
      deadline: call.getDeadline(),
      forwarded,
    };
    const ctx: CallContext<Req> = {
      request: call.request,
      forwarded,
      onLeader: <R>(local: () => Promise<R>) => onLeader(node, peers, served, local),
    };
    fn(ctx).then(
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
