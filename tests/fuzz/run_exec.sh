#!/bin/sh
# run_exec.sh: the CI slice of fuzz_exec: RUNS inputs from a fixed seed,
# starting from the template's own function body; fails on any crash or
# escape libFuzzer reports (its exit status).
#   run_exec.sh FUZZ_EXEC TEMPLATE.so SCRATCH_DIR RUNS
set -eu
bin=$1 tmpl=$2 scratch=$3 runs=$4
rm -rf "$scratch"
mkdir -p "$scratch/corpus"
SFI_EXEC_TEMPLATE=$tmpl SFI_EXEC_SEED=$scratch/corpus/seed \
  "$bin" -runs=0 "$scratch/corpus" >/dev/null 2>&1 || true
SFI_EXEC_TEMPLATE=$tmpl exec "$bin" -seed=1 -runs="$runs" -max_len=512 \
  -timeout=10 -artifact_prefix="$scratch/" -print_final_stats=1 \
  "$scratch/corpus"
