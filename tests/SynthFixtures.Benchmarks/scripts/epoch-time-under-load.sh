#!/usr/bin/env bash
# Seconds per epoch for CTGAN and TVAE on a CSV (default: adult, all 32,561 rows), once on a quiet machine and once
# with one competing busy process, and a check that the busy time stays within 2x the quiet time.
#
#   tests/SynthFixtures.Benchmarks/scripts/epoch-time-under-load.sh [trainer.dll] [data.csv]
#
# trainer.dll: a built SynthFixtures.Cli.dll (default: builds src/SynthFixtures.Cli in Release and uses that).
# EPOCHS (default 5): epochs per run; the figure is the median of the epochs after the first (the first also pays
# for loading libtorch and the data). MODELS (default "ctgan tvae"). THREADS: passed as --threads when set.
# Extra environment (OMP_WAIT_POLICY=ACTIVE, say) reaches the trainer unchanged, so the spin-waiting default can be
# measured against the trainer's passive one.
# AUTOGROUP_NICE=-20 (Linux, as root): on a machine shared with other work, run in a scheduling group of its own
# (setsid; with autogroup scheduling, nice only ranks processes within their group) and rank that group, and the busy
# process's, ahead of the others, so the trainer and the busy process compete mainly with each other.
#
# Other work on the machine distorts the figures: each line carries the 1-minute load average before the run.
# Exit code: 0 when every model's busy median is at most 2x its quiet median, 1 otherwise.
set -euo pipefail

if [[ -n ${AUTOGROUP_NICE:-} && -z ${_EPOCH_TIME_OWN_GROUP:-} ]]; then
    _EPOCH_TIME_OWN_GROUP=1 exec setsid -w "$0" "$@"
fi
if [[ -n ${AUTOGROUP_NICE:-} ]]; then echo "$AUTOGROUP_NICE" >/proc/$$/autogroup; fi

repo=$(cd "$(dirname "$0")/../../.." && pwd)
trainer=${1:-}
data=${2:-${SYNTHFIXTURES_DATASETS:-$repo/../shared/datasets}/adult/adult.csv}
epochs=${EPOCHS:-5}
models=${MODELS:-ctgan tvae}
work=$(mktemp -d)
busy_pid=

cleanup() {
    if [[ -n $busy_pid ]]; then kill "$busy_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

if [[ -z $trainer ]]; then
    dotnet build "$repo/src/SynthFixtures.Cli/SynthFixtures.Cli.csproj" -c Release -v quiet -nologo >&2
    trainer=$repo/src/SynthFixtures.Cli/bin/Release/net10.0/SynthFixtures.Cli.dll
fi

# The trainer logs "[  12.34s] train: epoch 3/5  ..." per epoch (seconds since it started): the median gap after epoch 1.
median_epoch_seconds() {
    grep -o '^\[ *[0-9.]*s\] train: epoch [0-9]*/' "$1" | sed 's/^\[ *\([0-9.]*\)s\].*/\1/' |
        awk 'NR > 1 { print $1 - previous } { previous = $1 }' | sed 1d | sort -g |
        awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

run() {  # model, label -> prints the median seconds per epoch
    local log=$work/$1-$2.log
    local args=(train "$data" --model "$1" --epochs "$epochs" --seed 1 --out "$work/$1.synth")
    if [[ -n ${THREADS:-} ]]; then args+=(--threads "$THREADS"); fi
    dotnet "$trainer" "${args[@]}" >"$log" 2>&1 || { cat "$log" >&2; exit 2; }
    median_epoch_seconds "$log"
}

# The competing process runs in a session of its own, as another terminal's or build's work would: with autogroup
# scheduling it is then a group of its own, which the scheduler gives as much time as the trainer's whole group.
start_busy_process() {
    setsid sh -c 'echo $$ >"$1"; if [ -n "$2" ]; then echo "$2" >/proc/$$/autogroup; fi; while :; do :; done' busy "$work/busy.pid" "${AUTOGROUP_NICE:-}" &
    while [[ ! -s $work/busy.pid ]]; do sleep 0.1; done
    busy_pid=$(cat "$work/busy.pid")
}

echo "trainer: $trainer"
echo "data: $data, $epochs epochs, cores: $(nproc), OMP_WAIT_POLICY=${OMP_WAIT_POLICY-<unset>}, threads: ${THREADS:-<default>}, scheduling group: $(cat /proc/$$/autogroup)"
status=0
for model in $models; do
    load_quiet=$(cut -d' ' -f1 /proc/loadavg)
    quiet=$(run "$model" quiet)
    start_busy_process
    load_busy=$(cut -d' ' -f1 /proc/loadavg)
    busy=$(run "$model" busy)
    kill "$busy_pid"; busy_pid=; rm -f "$work/busy.pid"; wait 2>/dev/null || true
    verdict=$(awk -v q="$quiet" -v b="$busy" 'BEGIN { r = b / q; printf "%.2fx %s", r, (r <= 2 ? "ok" : "TOO SLOW (limit 2x)") }')
    printf '%-6s quiet %7.2f s/epoch (load %s)   busy %7.2f s/epoch (load %s)   %s\n' "$model" "$quiet" "$load_quiet" "$busy" "$load_busy" "$verdict"
    [[ $verdict == *ok ]] || status=1
done
exit $status
