#!/bin/sh
# run_ci.sh: the CI slice of the loader fuzzer: SECONDS of fuzzing from the
# seeds, new inputs and any crash written to a scratch directory (never to
# the seeds). The libFuzzer seed is fixed (SFI_FUZZ_SEED, default 1) so that
# a CI run is reproducible; long runs (README.md) use random seeds.
# usage: run_ci.sh FUZZER SCRATCH SEEDS SECONDS
set -eu
fuzzer=$1 scratch=$2 seeds=$3 secs=$4
mkdir -p "$scratch/corpus" "$scratch/artifacts"
exec "$fuzzer" -seed="${SFI_FUZZ_SEED:-1}" -max_total_time="$secs" \
  -timeout=10 -rss_limit_mb=4096 \
  -print_final_stats=1 -artifact_prefix="$scratch/artifacts/" \
  "$scratch/corpus" "$seeds"
