import type { StatusResponse__Output } from '../gen/fabric/v1/StatusResponse.js';
import type { Logger } from '../util/logger.js';
import { withTimeout } from '../util/with-timeout.js';
import type { OwnView, PeerAnswer, Removal } from '../node/removal.js';
import { removalIn } from '../node/removal.js';

/** What the watch needs from the node. */
export interface RemovalWatchNode {
  ownView(): OwnView;
  /** Whether this node currently knows a leader (it heard from one this term). */
  leaderKnown(): boolean;
  /** Addresses of the other members this node knows of. */
  peerAddresses(): readonly string[];
}

export interface RemovalWatchOptions {
  readonly node: RemovalWatchNode;
  /** Asks the node at `address` for its Status (the client-facing ClusterService). */
  readonly status: (address: string) => Promise<StatusResponse__Output>;
  readonly electionTimeoutMs: number;
  readonly logger: Logger;
  readonly onRemoved: (removal: Removal) => void;
}

/**
 * Asks the other members, after SILENT_TIMEOUTS election timeouts without a
 * leader, whether this node is still a member (removal.ts says why). A
 * member that merely lost its leader asks too, but a leader's answer lists
 * it and nothing happens; when nobody answers, nothing happens either.
 * Asking no more than once per that period keeps a partitioned node cheap.
 */
const SILENT_TIMEOUTS = 3;

export class RemovalWatch {
  readonly #opts: RemovalWatchOptions;
  #timer: NodeJS.Timeout | undefined;
  #silentSince = Date.now();
  #asking = false;
  #done = false;

  constructor(opts: RemovalWatchOptions) {
    this.#opts = opts;
  }

  start(): void {
    this.#timer = setInterval(() => {
      this.#check();
    }, this.#opts.electionTimeoutMs);
  }

  stop(): void {
    this.#done = true;
    if (this.#timer !== undefined) clearInterval(this.#timer);
  }

  #isDone(): boolean {
    return this.#done;
  }

  /** Asks now: the node applied a configuration without itself (removal.ts). */
  checkNow(): void {
    this.#check(true);
  }

  #check(asked = false): void {
    if (this.#done || this.#asking) return;
    const now = Date.now();
    // After an applied removal the node asks every election timeout until a
    // leader confirms it or a later configuration lists the node again.
    const urgent = asked || this.#opts.node.ownView().removedAt !== undefined;
    if (this.#opts.node.leaderKnown()) this.#silentSince = now;
    if (!urgent && now - this.#silentSince < SILENT_TIMEOUTS * this.#opts.electionTimeoutMs) return;
    this.#silentSince = now;
    this.#asking = true;
    void this.#ask().finally(() => {
      this.#asking = false;
    });
  }

  /** Asks every known member, then any leader they point to that was not asked yet. */
  async #ask(): Promise<void> {
    const asked = new Set<string>();
    let round = [...this.#opts.node.peerAddresses()];
    while (round.length > 0 && !this.#isDone()) {
      for (const a of round) asked.add(a);
      const answers = await Promise.all(round.map((a) => this.#statusOf(a)));
      for (const answer of answers) {
        if (answer === undefined) continue;
        const removal = removalIn(this.#opts.node.ownView(), peerAnswer(answer));
        // stop() may have come while the answers were awaited.
        if (removal !== undefined && !this.#isDone()) {
          this.#done = true;
          this.#opts.onRemoved(removal);
          return;
        }
      }
      round = [
        ...new Set(
          answers.map((a) => a?.leader_address ?? '').filter((a) => a !== '' && !asked.has(a)),
        ),
      ];
    }
  }

  async #statusOf(address: string): Promise<StatusResponse__Output | undefined> {
    const ask = this.#opts.status(address).catch((err: unknown) => {
      this.#opts.logger.debug({ err, address }, 'membership check: no answer');
      return undefined;
    });
    return withTimeout(ask, this.#opts.electionTimeoutMs, () => undefined);
  }
}

function peerAnswer(s: StatusResponse__Output): PeerAnswer {
  return {
    nodeId: s.node_id,
    clusterId: s.cluster_id,
    isLeader: s.role === 'NODE_ROLE_LEADER',
    term: s.term,
    committedConfIndex: s.committed_conf_index,
    committedMembers: s.committed_members,
  };
}
