/** The smallest valid cluster file: one member, plaintext; tests append the sections they check. */
export const MINIMAL_CLUSTER_FILE = `[node]
id = "n1"
listen = "127.0.0.1:7001"
[cluster]
id = "c1"
members = [{ id = "n1", address = "127.0.0.1:7001" }]
[security]
transport = "plaintext"
`;
