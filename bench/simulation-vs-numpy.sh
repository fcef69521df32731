#!/usr/bin/env bash
# Issue 11's end-to-end benchmark (docs/performance.md, "Simulation end to end"): dmftlab's simulation of
# bench/simulation-vs-numpy.yaml, timed as run.json records it (the engine's wall seconds), against
# bench/simulation_numpy.py, the same algorithm in numpy, timed from its first random draw to its last observable.
# The two alternate, ROUNDS times for each step count, in one sitting; the ratio is taken pair by pair.
#
#   bench/simulation-vs-numpy.sh [ROUNDS [STEPS...]] [-- DMFTLAB-OPTIONS...]
#   bench/simulation-vs-numpy.sh 3 100 1000
#   bench/simulation-vs-numpy.sh 3 100 1000 -- --set simulation.precision=double
#
# OPENBLAS_NUM_THREADS fixes numpy's BLAS threads (default: every core, as dmftlab's --threads).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rounds=3
steps=()
options=()
if [ $# -gt 0 ] && [ "$1" != "--" ]; then rounds=$1; shift; fi
while [ $# -gt 0 ] && [ "$1" != "--" ]; do steps+=("$1"); shift; done
if [ $# -gt 0 ]; then shift; options=("$@"); fi
[ ${#steps[@]} -gt 0 ] || steps=(100 1000)

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
"$root/dmftlab" --version >/dev/null   # builds the distribution first if it is stale

printf '%6s %6s %12s %12s %7s\n' steps round dmftlab numpy ratio
for t in "${steps[@]}"; do
  for round in $(seq "$rounds"); do
    "$root/dmftlab" run "$root/bench/simulation-vs-numpy.yaml" --engine simulation --set "steps=$t" \
        --out "$scratch/run" ${options[@]+"${options[@]}"} >/dev/null
    dmftlab=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["engines"][0]["wall-seconds"])' \
        "$scratch/run/run.json")
    numpy=$(python3 "$root/bench/simulation_numpy.py" --steps "$t" | sed -E 's/.* in ([0-9.]+) s;.*/\1/')
    printf '%6d %6d %10.3f s %10.3f s %7.2f\n' "$t" "$round" "$dmftlab" "$numpy" \
        "$(python3 -c "print($dmftlab / $numpy)")"
  done
done
