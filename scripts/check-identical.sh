#!/usr/bin/env bash
# Byte-identical check: the same digests ingested and built by two revisions of the repo, for a
# refactor that must not change the output (DESIGN.md: same digests → same bytes).
#   scripts/check-identical.sh BEFORE_REV AFTER_REV
# Env: WORK (scratch folder, default a new /tmp dir; reused digests when it already has them),
#      PAPERSHELF_CORPUS (default ../shared/corpus), DIGESTS=DIR (these digests instead of the
#      corpus, e.g. content/digests for a 10-second run), SKIP_BUILD=1 (papers + archive only).
# The corpus run writes every corpus day in a rotation of the six formats (BEFORE's corpus reader
# and renderers), plus the real api/ days and captures; each side runs the ingest CLI and
# `astro build` with SITE and a base path; every output file is hashed and the manifests compared.
set -euo pipefail
before=$1; after=$2
repo=$(git rev-parse --show-toplevel)
work=${WORK:-$(mktemp -d /tmp/papershelf-identical-XXXXXX)}
corpus=${PAPERSHELF_CORPUS:-$repo/../shared/corpus}
mkdir -p "$work"
echo "work folder: $work"

checkout() { # side rev
  local dir=$work/$1
  rm -rf "$dir"; git -C "$repo" worktree prune
  git -C "$repo" worktree add --quiet --detach "$dir" "$2"
  ln -s "$repo/node_modules" "$dir/node_modules"
}
cleanup() {
  git -C "$repo" worktree remove --force "$work/before" 2>/dev/null || true
  git -C "$repo" worktree remove --force "$work/after" 2>/dev/null || true
}
trap cleanup EXIT
checkout before "$before"
checkout after "$after"

# 1. Digests, written once (by BEFORE's corpus reader and renderers).
if [ -n "${DIGESTS:-}" ] && [ ! -d "$work/digests" ]; then
  cp -r "$DIGESTS" "$work/digests"
fi
if [ ! -d "$work/digests" ]; then
  mkdir -p "$work/digests"
  reader=tests/corpus/corpus.ts; [ -f "$work/before/tests/support/corpus.ts" ] && reader=tests/support/corpus.ts
  cat > "$work/write-digests.mts" <<TS
const { writeDays } = await import('$work/before/$reader');
const rotation = ['plaintext', 'markdown', 'textbrowser', 'api', 'repr', 'wrapper'] as const;
await writeDays('$work/digests/rendered', (_day: string, i: number) => rotation[i % rotation.length]!);
TS
  (cd "$work/before" && PAPERSHELF_CORPUS="$corpus" npx tsx "$work/write-digests.mts")
  cp -r "$corpus/api" "$work/digests/api"
  mkdir -p "$work/digests/captures" && cp "$corpus"/captures/*.md "$corpus"/captures/*.txt "$work/digests/captures/"
fi

# 2. Each side: ingest (CLI contract: --out, --no-ledger, --archive, --json), then astro build.
for side in before after; do
  out=$work/out-$side
  rm -rf "$out" && mkdir -p "$out"
  ( cd "$work/$side"
    export SITE=https://example.org BASE=/shelf/
    npx tsx scripts/ingest.ts "$work/digests" --out "$out/papers" --no-ledger --archive "$out/archive.jsonl" --json > "$out/report.json" || [ $? -eq 1 ]
    if [ -z "${SKIP_BUILD:-}" ]; then
      PAPERSHELF_PAPERS="$out/papers" PAPERSHELF_OUT="$out/dist" npx astro build > "$out/build.log" 2>&1
    fi )
  (cd "$out" && find . -type f ! -name build.log -print0 | sort -z | xargs -0 sha256sum) > "$work/$side.sha256"
done

# 3. Compare.
if cmp -s "$work/before.sha256" "$work/after.sha256"; then
  echo "IDENTICAL: $(wc -l < "$work/before.sha256") files (papers, archive.jsonl, report, dist)"
  exit 0
fi
echo "DIFFERENT:"
{ diff <(awk '{print $2, $1}' "$work/before.sha256") <(awk '{print $2, $1}' "$work/after.sha256") || true; } | grep '^[<>]' | awk '{print $2}' | sort | uniq -c | awk '{print ($1==2?"changed ":"only one side ") $2}' > "$work/changes.txt"
sed 's/^/  /' "$work/changes.txt" | head -50
echo "  … $(wc -l < "$work/changes.txt") paths in all; the list is in $work/changes.txt"
exit 1
