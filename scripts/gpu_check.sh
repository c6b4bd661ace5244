#!/usr/bin/env bash
# The kit's checks that need a GPU, in one go, for the few minutes a GPU is lent (issue 27):
#
#     bash scripts/gpu_check.sh                          # logs in a temporary folder, removed after
#     GPU_CHECK_LOGS=gpu-logs bash scripts/gpu_check.sh  # keep every check's output (and bench.json) there
#
# Installs nothing: run it where `python3 -m pytest` already runs (CONTRIBUTING.md). Without CUDA it prints one line
# on stderr and exits 2. With it, each check runs under `timeout`, all of them within GPU_CHECK_BUDGET seconds
# (450: under 8 minutes with the table), and it prints one table: check, status, seconds. Exit status 0 when every
# check passed, 1 otherwise (the failing checks' last lines on stderr).
set -u
cd "$(dirname "$0")/.." || exit 2

if ! python3 -c 'import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)' 2>/dev/null; then
    echo "gpu_check: no CUDA device here (torch.cuda.is_available() is False); nothing checked" >&2
    exit 2
fi

BUDGET=${GPU_CHECK_BUDGET:-450}
LOGS=${GPU_CHECK_LOGS:-}
if [[ -z $LOGS ]]; then
    LOGS=$(mktemp -d)
    trap 'rm -rf "$LOGS"' EXIT
fi
mkdir -p "$LOGS"
rows=()
failed=0

# check NAME LIMIT "STATUSES THAT PASS" COMMAND...: COMMAND under timeout, LIMIT seconds or what is left of the budget.
check() {
    local name=$1 limit=$2 passing=$3 log status started word
    shift 3
    local left=$((BUDGET - SECONDS))
    if ((left < 10)); then
        rows+=("$name|not run: out of time|0")
        failed=1
        return
    fi
    ((limit > left)) && limit=$left
    log="$LOGS/${name//[^A-Za-z0-9]/_}.log"
    started=$SECONDS
    timeout --kill-after=10 "$limit" "$@" >"$log" 2>&1
    status=$?
    if [[ " $passing " == *" $status "* ]]; then
        word="ok (exit $status)"
    elif ((status == 124 || status == 137)); then
        word="TIMEOUT after ${limit} s"
    else
        word="FAILED (exit $status)"
    fi
    rows+=("$name|$word|$((SECONDS - started))")
    if [[ $word != ok* ]]; then
        failed=1
        { echo "--- $name: the last lines of its output"; tail -n 8 "$log"; } >&2
    fi
}

RUN=(python3 -m parity run --device cuda --data random:1024,64 --hidden 256 --steps 100)
# --parity-device comes from the kit's pytest plugin, registered when the project is installed; where it is not (a
# GPU machine with the working tree copied, 2026-12-04), the plugin is loaded by name from the tree
PLUGIN=()
python3 -c 'import sys, importlib.metadata as m; sys.exit(any(e.name == "parity" for e in m.entry_points(group="pytest11")))' \
    && PLUGIN=(-p parity.testing.plugin)
# the CUDA tests took 86 s on an H200 with the plugin loaded by name (2026-12-04, late): 150 s leaves room
check "cuda tests" 150 "0" python3 -m pytest -q -p no:cacheprovider -n 0 "${PLUGIN[@]}" -m cuda --parity-device cuda tests
check "float32, tf32 off" 40 "0" "${RUN[@]}" --dtype float32
# TF32 rounds float32 matmuls to 10 bits: a failure there is the kit seeing it (exit 1), not a fault of the check
check "float32, tf32 on" 40 "0 1" "${RUN[@]}" --dtype float32 --allow-tf32
check "float64" 40 "0" "${RUN[@]}" --dtype float64
check "golden saved on cpu" 40 "0" python3 -m parity run --device cpu --data random:512,32,4 --hidden 64 --steps 100 \
    --save-golden "$LOGS/golden.json"
check "golden checked on cuda" 40 "0" python3 -m parity run --device cuda --data random:512,32,4 --hidden 64 --steps 100 \
    --golden "$LOGS/golden.json"
# --world-size 1 runs no process group (the kit's DDP starts at two ranks); NCCL needs a GPU a rank: two and up
check "world size 1, cuda" 60 "0" "${RUN[@]}" --world-size 1
if (($(python3 -c 'import torch; print(torch.cuda.device_count())') >= 2)); then
    check "world size 2, nccl" 90 "0" python3 -m parity run --device cuda --world-size 2 --dtype float64 \
        --data random:4096,64,8 --hidden 128 --steps 100
fi
# the quick bench printed 6 of its 8 rows in 330 s on an H200 with 16 cores (2026-12-04): it has what is left of the
# budget, up to 480 s
check "parity bench on cuda" 480 "0" python3 -m parity bench --quick --device cuda --json "$LOGS/bench.json"

printf '%-26s %-26s %7s\n' check status seconds
for row in "${rows[@]}"; do
    IFS='|' read -r name word took <<<"$row"
    printf '%-26s %-26s %7s\n' "$name" "$word" "$took"
done
printf '%-26s %-26s %7s\n' total "$( ((failed)) && echo FAILED || echo ok)" "$SECONDS"
exit "$failed"
