#!/usr/bin/env bash
# Compares every CSV two revisions of dmftlab produce, byte for byte (cmp):
#   - every example, at full size: ./dmftlab run examples/X.yaml, or ./dmftlab sweep for a sweep file (base: key);
#   - every trajectory the validation tests compute through validation's Experiments helper, dumped as CSV by
#     TrajectoryDump (mvn test -Ddmftlab.dump=DIR). A revision older than that helper gets it copied in from this
#     checkout, with its two engine calls wrapped (the helper's only contact with the code under test).
#
#   scripts/compare-outputs.sh [BASE [HEAD]]        defaults: BASE = main, HEAD = HEAD
#
# Each revision is exported with git archive into $DMFTLAB_COMPARE_DIR/<commit>/src (default
# ${TMPDIR:-/tmp}/dmftlab-compare), built there by its own launcher, and its outputs are kept in
# <commit>/examples and <commit>/validation: a later comparison with the same commit reuses them (delete the
# folder to recompute). Exit 0 when both revisions wrote the same set of CSV files with identical bytes, 1 otherwise.
# Takes about 5 minutes per revision on a 2-core machine.
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
base="${1:-main}"
head="${2:-HEAD}"
work="${DMFTLAB_COMPARE_DIR:-${TMPDIR:-/tmp}/dmftlab-compare}"
hook="validation/src/test/java/org/dmftlab/validation/TrajectoryDump.java"
helper="validation/src/test/java/org/dmftlab/validation/Experiments.java"

log() { echo "compare-outputs: $*" >&2; }

# Runs every example and the validation tests of one commit; leaves $work/<commit>/done when complete.
produce() {
  local commit="$1" dir="$work/$1"
  if [ -f "$dir/done" ]; then
    log "$commit: reusing the outputs in $dir"
    return
  fi
  rm -rf "$dir"
  mkdir -p "$dir/src" "$dir/examples" "$dir/validation"
  git -C "$repo" archive --format=tar "$commit" | tar -x -C "$dir/src"
  if [ ! -f "$dir/src/$hook" ]; then
    log "$commit: adding the trajectory dump of the validation tests"
    cp "$repo/$hook" "$dir/src/$hook"
    sed -i \
      -e 's/return new TheoryEngine().run(experiment, settings, Progress.NONE);/return TrajectoryDump.keep("theory", new TheoryEngine().run(experiment, settings, Progress.NONE));/' \
      -e 's/return new SimulationEngine().run(experiment, settings, Progress.NONE);/return TrajectoryDump.keep("simulation", new SimulationEngine().run(experiment, settings, Progress.NONE));/' \
      "$dir/src/$helper"
    [ "$(grep -c 'TrajectoryDump.keep' "$dir/src/$helper")" = 2 ] || { log "$commit: cannot add the dump hook"; exit 1; }
  fi
  local example name
  for example in "$dir"/src/examples/*.yaml; do
    name="$(basename "$example" .yaml)"
    if grep -q '^base:' "$example"; then
      log "$commit: dmftlab sweep examples/$name.yaml"
      (cd "$dir/src" && ./dmftlab sweep "examples/$name.yaml" --out "$dir/examples/$name" >/dev/null)
    else
      log "$commit: dmftlab run examples/$name.yaml"
      (cd "$dir/src" && ./dmftlab run "examples/$name.yaml" --out "$dir/examples/$name" >/dev/null)
    fi
  done
  log "$commit: validation tests with -Ddmftlab.dump"
  (cd "$dir/src" && mvn -B -q -pl validation -am test -Dtest='org.dmftlab.validation.**.*Test' \
      -Dsurefire.failIfNoSpecifiedTests=false -Dmaven.test.failure.ignore=true \
      -Ddmftlab.dump="$dir/validation" >"$dir/validation.log" 2>&1) \
    || { log "$commit: the validation build failed, see $dir/validation.log"; exit 1; }
  if grep -qE 'Tests run:.*(Failures: [1-9]|Errors: [1-9])' "$dir/validation.log"; then
    log "$commit: some validation tests failed (their trajectories are still compared), see $dir/validation.log"
  fi
  touch "$dir/done"
}

base_commit="$(git -C "$repo" rev-parse --verify "$base^{commit}")"
head_commit="$(git -C "$repo" rev-parse --verify "$head^{commit}")"
produce "$base_commit"
produce "$head_commit"

cd "$work"
files="$(cd "$base_commit" && find examples validation -name '*.csv'; cd "../$head_commit" && find examples validation -name '*.csv')"
total=0
different=0
while IFS= read -r file; do
  total=$((total + 1))
  if [ ! -f "$base_commit/$file" ] || [ ! -f "$head_commit/$file" ]; then
    echo "only in $([ -f "$base_commit/$file" ] && echo "$base" || echo "$head"): $file"
    different=$((different + 1))
  elif ! cmp -s "$base_commit/$file" "$head_commit/$file"; then
    echo "differs: $file"
    different=$((different + 1))
  fi
done < <(printf '%s\n' "$files" | sort -u)
echo "$total CSV files ($(printf '%s\n' "$files" | sort -u | grep -c '^examples/') from the examples," \
  "$(printf '%s\n' "$files" | sort -u | grep -c '^validation/') from the validation tests):" \
  "$((total - different)) identical, $different different or missing ($base = ${base_commit:0:7}," \
  "$head = ${head_commit:0:7})"
[ "$different" = 0 ]
