#!/usr/bin/env bash
# Regenerates the TypeScript types of the fabric.v1 protos (src/gen) with
# @grpc/proto-loader's type generator. The generator omits the ".js" suffix
# that ESM (moduleResolution nodenext) requires, so it is added here.
# The runtime loader (src/wire/proto.ts) must use the same options.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf src/gen
# Files are named relative to proto/ (the include path), as they import each
# other ("fabric/v1/procedure.proto"); --includeDirs takes a list, so it goes last.
files=$(cd proto && ls fabric/v1/*.proto)
# shellcheck disable=SC2086 # one word per file
npx --no-install proto-loader-gen-types \
  --keepCase --longs=Number --enums=String --defaults --oneofs \
  --grpcLib=@grpc/grpc-js --outDir=src/gen $files --includeDirs=proto >/dev/null
find src/gen -name '*.ts' -print0 | xargs -0 sed -i -E "s#(from '\.{1,2}/[^']+)';#\1.js';#"
# The descriptors the runtime loads (src/wire/proto.ts), without .proto parsing.
node scripts/proto-json.mjs
