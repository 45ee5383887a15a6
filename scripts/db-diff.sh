#!/usr/bin/env bash
# Writes a new migration for both databases from the change in prisma/sqlite/schema.prisma:
#   npm run db:diff -- <name>
# Uses `prisma migrate diff` against the migrations already present (no database needed).
set -euo pipefail
name=${1:?usage: db-diff.sh <name>}
stamp=$(date -u +%Y%m%d%H%M%S)
node scripts/generate.mjs
mkdir -p data
for provider in sqlite postgres; do
  if [ "$provider" = sqlite ]; then url="file:./data/diff.db"; else url="postgresql://postgres@127.0.0.1:5432/postgres"; fi
  dir="prisma/$provider/migrations/${stamp}_$name"
  mkdir -p "$dir"
  from=(--from-empty)
  if ls prisma/$provider/migrations/*/migration.sql >/dev/null 2>&1 && [ "$(ls -d prisma/$provider/migrations/*/ | wc -l)" -gt 1 ]; then
    from=(--from-migrations "prisma/$provider/migrations" --shadow-database-url "$url")
  fi
  DATABASE_URL=$url npx prisma migrate diff "${from[@]}" --to-schema-datamodel "prisma/$provider/schema.prisma" --script > "$dir/migration.sql"
  echo "wrote $dir/migration.sql"
done
