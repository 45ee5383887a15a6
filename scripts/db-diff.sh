#!/usr/bin/env bash
# Writes a new migration for both databases from the change in prisma/sqlite/schema.prisma:
#   npm run db:diff -- <name>
# Diffs the committed schema (git HEAD) against the working one with `prisma migrate diff`; no
# database and no shadow database needed (Prisma refuses a shadow URL with an adapter config).
set -euo pipefail
name=${1:?usage: db-diff.sh <name>}
stamp=$(date -u +%Y%m%d%H%M%S)
node scripts/generate.mjs
mkdir -p data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for provider in sqlite postgres; do
  if [ "$provider" = sqlite ]; then url="file:./data/diff.db"; else url="postgresql://postgres@127.0.0.1:5432/postgres"; fi
  from=(--from-empty)
  if git cat-file -e "HEAD:prisma/$provider/schema.prisma" 2> /dev/null; then
    git show "HEAD:prisma/$provider/schema.prisma" > "$tmp/$provider.prisma"
    from=(--from-schema-datamodel "$tmp/$provider.prisma")
  fi
  sql=$(DATABASE_URL=$url npx prisma migrate diff "${from[@]}" --to-schema-datamodel "prisma/$provider/schema.prisma" --script)
  if [ -z "$(echo "$sql" | grep -v '^--' | tr -d '[:space:]')" ] || echo "$sql" | grep -q "This is an empty migration"; then
    echo "$provider: no schema change against HEAD; nothing written"
    continue
  fi
  dir="prisma/$provider/migrations/${stamp}_$name"
  mkdir -p "$dir"
  echo "$sql" > "$dir/migration.sql"
  echo "wrote $dir/migration.sql"
done
