#!/usr/bin/env bash
# npm run migrate | npm run migration:generate -- <Name>
set -euo pipefail
nx run api:build --output-style=static >/dev/null
exec node dist/apps/api/apps/api/src/database/migration-cli.js "$@"
