import type { Command } from 'commander';

/**
 * `--help` examples, per command path. Kept in one table rather than
 * beside each command so they read as a tour of the CLI and a test can
 * check that every command has some (test/cli/help.test.ts).
 */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  status: ['fabric status', 'fabric status --json | jq .groups'],
  completion: [
    'source <(fabric completion bash)',
    'source <(fabric completion zsh)   # e.g. in ~/.zshrc',
  ],
  sandbox: [
    'fabric sandbox',
    'fabric sandbox --nodes 1 --servers 2 --keep',
    'fabric sandbox --sharded',
  ],
  'node start': [
    'fabric node start --config cluster.toml',
    'fabric node start --config node4.toml --join 10.0.0.1:7001',
  ],
  'cluster status': [
    'fabric cluster status',
    'fabric cluster status --endpoints 10.0.0.1:7001,10.0.0.2:7001',
  ],
  'cluster add': ['fabric cluster add n4 10.0.0.4:7001'],
  'cluster remove': ['fabric cluster remove n4'],
  'cluster transfer': ['fabric cluster transfer', 'fabric cluster transfer n2'],
  'kv put': ['fabric kv put greeting hello'],
  'kv get': ['fabric kv get greeting', 'fabric kv get greeting --stale'],
  'procedure list': [
    'fabric procedure list --state running',
    'fabric procedure list --lock group:g1 --limit 10',
  ],
  'procedure show': [
    'fabric procedure show 3f2b…',
    'fabric procedure show 3f2b… --json | jq .args',
  ],
  'procedure wait': ['fabric procedure wait 3f2b… --timeout 120000'],
  'procedure run': ['fabric procedure run group.activate \'{"group":"g1"}\''],
  'group create': ['fabric group create g1 --description "orders"'],
  'group destroy': ['fabric group destroy g1'],
  'group description': ['fabric group description g1 "orders, EU"'],
  'group activate': ['fabric group activate g1'],
  'group deactivate': ['fabric group deactivate g1'],
  'group add': ['fabric group add g1 10.0.1.5:3306', 'fabric group add g1 10.0.1.6:3306 --no-wait'],
  'group remove': ['fabric group remove g1 10.0.1.6:3306'],
  'group promote': ['fabric group promote g1', 'fabric group promote g1 --server 10.0.1.6:3306'],
  'group demote': ['fabric group demote g1'],
  'group lookup-groups': ['fabric group lookup-groups', 'fabric group lookup-groups g1 --json'],
  'group lookup-servers': [
    'fabric group lookup-servers g1',
    'fabric group lookup-servers g1 --status SECONDARY --mode READ_ONLY',
  ],
  'group health': ['fabric group health g1'],
  'server set-status': ['fabric server set-status 10.0.1.6:3306 SPARE'],
  'server set-weight': ['fabric server set-weight 10.0.1.6:3306 0.5'],
  'server set-mode': ['fabric server set-mode 10.0.1.6:3306 OFFLINE'],
  'server lookup-uuid': ['fabric server lookup-uuid 10.0.1.6:3306'],
  'sharding create-definition': ['fabric sharding create-definition RANGE gglobal'],
  'sharding remove-definition': ['fabric sharding remove-definition 1'],
  'sharding list-definitions': ['fabric sharding list-definitions'],
  'sharding add-table': ['fabric sharding add-table 1 shop.orders customer_id'],
  'sharding remove-table': ['fabric sharding remove-table shop.orders'],
  'sharding move-shard': ['fabric sharding move-shard 2 g4    # copies the rows online, then switches'],
  'sharding list-tables': ['fabric sharding list-tables', 'fabric sharding list-tables 1'],
  'sharding lookup-table': ['fabric sharding lookup-table shop.orders'],
  'sharding add-shard': ['fabric sharding add-shard 1 g2 --bound 1000'],
  'sharding remove-shard': ['fabric sharding remove-shard 2'],
  'sharding enable-shard': ['fabric sharding enable-shard 2'],
  'sharding disable-shard': ['fabric sharding disable-shard 2'],
  'sharding lookup-servers': ['fabric sharding lookup-servers shop.orders 1234'],
  'topology dump': ['fabric topology dump', 'fabric topology dump --json'],
  'topology watch': ['fabric topology watch --json | jq -c .epoch'],
  'threat report-error': ['fabric threat report-error 10.0.1.5:3306 --error "connection reset"'],
  'threat report-failure': ['fabric threat report-failure 10.0.1.5:3306'],
};

/** The examples' help block of every command that has some. */
export function addExamples(program: Command): void {
  const walk = (c: Command, path: readonly string[]): void => {
    const examples = EXAMPLES[path.join(' ')];
    if (examples !== undefined)
      c.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}`);
    for (const s of c.commands) walk(s, [...path, s.name()]);
  };
  for (const c of program.commands) walk(c, [c.name()]);
}
