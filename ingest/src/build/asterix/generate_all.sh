#!/usr/bin/env bash
# Regenerates the ASTERIX item tables of org.skydas.ingest.asterix from the asterix-specs .ast definitions in
# the shared reference data (BSD-3-Clause). ast_to_json.py was checked to give byte-identical tables to the
# asterix-specs JSON export for CAT034 1.29, CAT048 1.31, CAT062 1.19 and CAT065 1.6.
#   usage: ingest/src/build/asterix/generate_all.sh [SHARED_DIR]
# A new edition also needs its "CCC/x.y" key and case in AsterixEditions (AVAILABLE and create()).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="${1:-${SKYDAS_SHARED_DATA:-$here/../../../../../shared}}"
ast="$shared/data/protocols/asterix/asterix-specs/ast"
out="$here/../../main/java/org/skydas/ingest/asterix"
for f in "$ast"/cat*_cat-*.ast; do
  b="$(basename "$f" .ast)"          # cat048_cat-1.31
  cat="${b:3:3}"; ed="${b#*_cat-}"   # 048, 1.31
  cls="Cat${cat}Ed${ed//./}"
  python3 "$here/gen_tables.py" "$f" "$cls" > "$out/$cls.java"
  echo "$cls"
done
