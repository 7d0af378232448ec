/** A conf change's context carries the member's address (opaque to the Raft core). */
export function encodeAddress(address: string): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ address }));
}

export function decodeAddress(context: Uint8Array | undefined): string | undefined {
  if (context === undefined || context.byteLength === 0) return undefined;
  try {
    const v = JSON.parse(new TextDecoder().decode(context)) as { address?: unknown };
    return typeof v.address === 'string' ? v.address : undefined;
  } catch {
    return undefined;
  }
}
