// Writes the fabric.v1 descriptors as protobufjs JSON (src/gen/fabric-v1.json),
// which src/wire/proto.ts loads with protobufjs/light: no .proto parsing at
// start. Field names are kept as declared (keepCase), as the generated types
// and @grpc/proto-loader have them.
//
//   node scripts/proto-json.mjs            write the file
//   node scripts/proto-json.mjs --print    print it (the lint test compares)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import protobuf from 'protobufjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const protoDir = path.join(root, 'proto');
const files = [
  'cluster',
  'kv',
  'procedure',
  'server',
  'group',
  'topology',
  'detector',
  'threat',
].map((f) => `fabric/v1/${f}.proto`);

const r = new protobuf.Root();
r.resolvePath = (_origin, target) => path.join(protoDir, target);
r.loadSync(files, { keepCase: true });
const json = `${JSON.stringify(r.toJSON(), null, 1)}\n`;
if (process.argv.includes('--print')) process.stdout.write(json);
else writeFileSync(path.join(root, 'src/gen/fabric-v1.json'), json);
