#!/bin/sh
# Governance in the delivery loop: for every landscape model a change touches, check it
# (SARIF for the code-scanning dashboard, text for the log) and say what the change does to
# the pilots (a Markdown diff against the base branch, for the pull request).
#
# Usage: check-landscapes.sh [BASE]   BASE: the git revision to compare with (default origin/main)
# Environment: INTEGRAPH (the binary, default: integraph on PATH), OUT (default governance-out),
#              RULES (a rules file for check, optional), START (the day to check dates against).
# Exit status: 1 when a changed model has errors (or findings of error severity), else 0.
set -eu

base="${1:-origin/main}"
integraph="${INTEGRAPH:-integraph}"
out="${OUT:-governance-out}"
mkdir -p "$out"
: > "$out/empty.yaml"   # a model new in this change is compared with an empty landscape

set --
[ -n "${RULES:-}" ] && set -- "$@" --rules "$RULES"
[ -n "${START:-}" ] && set -- "$@" --start "$START"

status=0
git diff --name-only "$base" -- '*.yaml' '*.yml' '*.json' > "$out/changed.txt"
while IFS= read -r file; do
    [ -f "$file" ] || continue                                 # deleted in this change
    head -n 20 "$file" | grep -q 'integraph' || continue       # not a landscape model
    name=$(printf '%s' "$file" | tr '/' '_')
    echo "== $file"
    "$integraph" check "$@" --format sarif "$file" > "$out/$name.sarif" || status=1
    "$integraph" check "$@" "$file" || true
    if git cat-file -e "$base:$file" 2>/dev/null; then old="git:$base:$file"; else old="$out/empty.yaml"; fi
    "$integraph" diff "$old" "$file" --format markdown ${START:+--start "$START"} > "$out/$name.diff.md"
done < "$out/changed.txt"
exit "$status"
