#!/usr/bin/env bash
# A real single-node Slurm on this machine, for the Slurm integration tests (scripts/README.md explains it).
#   scripts/slurm-single-node.sh install   apt-get Debian's slurmctld slurmd slurm-client munge (skipped when present)
#   scripts/slurm-single-node.sh start     start munged (unless one answers), slurmctld and slurmd; wait until sinfo
#                                          shows the node idle. Says so and succeeds when already running.
#   scripts/slurm-single-node.sh stop      cancel every job, stop what start started (pid files), remove slurm.conf.
#                                          Succeeds when nothing runs.
#   scripts/slurm-single-node.sh status    print sinfo and exit 0 when slurmctld answers, exit 3 otherwise
# Runs as root. State, spool, logs and pid files live in DMFTLAB_SLURM_DIR (default /tmp/dmftlab-slurm); start
# wipes the previous state, so every start begins with no jobs and job ids from 1. The config goes where every
# Slurm command looks for it, /etc/slurm/slurm.conf, marked as ours; a slurm.conf that is not ours is never touched.
#
# What the cluster offers a launcher (measured findings in scripts/README.md):
# - No accounting: sacct needs slurmdbd, which this cluster does not run (sacct fails). Rely on squeue for live
#   tasks and on `scontrol show job -o ID` for live and finished ones: slurmctld keeps a finished job's record
#   (JobState, ExitCode, Reason) for MinJobAge seconds, 3600 here (a real cluster's default is 300).
# - One partition, the default, holding the one node with all its cores; each task takes one core by default.
set -euo pipefail

readonly DIR="${DMFTLAB_SLURM_DIR:-/tmp/dmftlab-slurm}"
readonly CONF=/etc/slurm/slurm.conf
readonly MARK="# Written by dmftlab scripts/slurm-single-node.sh; its 'stop' removes it."
readonly PACKAGES=(slurmctld slurmd slurm-client munge)
readonly START_TIMEOUT=60

say() { echo "slurm-single-node: $*"; }
die() { echo "slurm-single-node: $*" >&2; exit 1; }

need_root() { [ "$(id -u)" = 0 ] || die "run as root (it starts munged, slurmctld and slurmd)"; }

installed() { dpkg-query -W -f='${Status}\n' "${PACKAGES[@]}" 2>/dev/null | grep -c '^install ok installed$' \
                | grep -qx "${#PACKAGES[@]}"; }

# Whether process $1 is alive: it exists and is no zombie (a killed daemon stays one until init reaps it).
alive() { [ -n "$(sed -n 's/.*) \([^Z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null)" ]; }

# The pid in pid file $1 when that process is alive and is command $2, else nothing.
live_pid() {
  local pid
  pid="$(cat "$1" 2>/dev/null)" || return 0
  [ -n "$pid" ] && alive "$pid" && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] && echo "$pid"
  return 0
}

munge_answers() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }

# The node's state in sinfo's short form (idle, mix, alloc, down*, ...), empty when slurmctld does not answer.
node_state() { timeout 10 sinfo -h -N -o '%t' 2>/dev/null | head -n1 || true; }

# Sends TERM to the pid in pid file $1 if it is command $2, waits up to 20 s, then KILL.
stop_pid() {
  local pid i
  pid="$(live_pid "$1" "$2")"
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 40); do alive "$pid" || break; sleep 0.5; done
    if alive "$pid"; then say "$2 ($pid) ignored TERM; killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
    say "stopped $2 ($pid)"
  fi
  rm -f "$1"
}

do_install() {
  need_root
  if installed; then say "packages already installed: ${PACKAGES[*]}"; return; fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"
}

start_munge() {
  # Debian's package makes the key; a machine that lost it gets a new one (one node: no key to share).
  [ -s /etc/munge/munge.key ] || mungekey --create --keyfile=/etc/munge/munge.key
  chown munge:munge /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
  install -d -o munge -g munge -m 0755 /run/munge
  if munge_answers; then say "munged already answers; using it"; return; fi
  install -d -o munge -g munge -m 0700 "$DIR/munge"
  runuser -u munge -- munged --pid-file="$DIR/munge/munged.pid"
  local i
  for i in $(seq 1 20); do munge_answers && return; sleep 0.5; done
  die "munged does not answer; see /var/log/munge/munged.log"
}

write_conf() {
  local host cpus memory
  host="$(hostname -s)"
  cpus="$(nproc)"
  memory="$(awk '/^MemTotal:/ { print int($2 / 1024 * 0.9) }' /proc/meminfo)"
  mkdir -p /etc/slurm
  cat >"$CONF" <<EOF
$MARK
ClusterName=dmftlab
# The address in parentheses spares a lookup of the hostname: it need not resolve (scripts/README.md).
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/slurmctld.log
SlurmdLogFile=$DIR/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
# Finished jobs stay visible to scontrol for an hour: there is no sacct here.
MinJobAge=3600
# Quick ends: a cancelled or timed-out task gets KILL 5 s after TERM; a silent slurmd is DOWN after 30 s.
KillWait=5
SlurmdTimeout=30
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
}

running() { [ -n "$(live_pid "$DIR/slurmctld.pid" slurmctld)" ] && [ -n "$(live_pid "$DIR/slurmd.pid" slurmd)" ]; }

do_start() {
  need_root
  installed || die "Slurm is not installed: run scripts/slurm-single-node.sh install"
  if running; then
    say "already running ($(node_state)); $CONF, logs in $DIR"
    return
  fi
  local began
  began=$(date +%s.%N)
  if [ -n "$(live_pid "$DIR/slurmctld.pid" slurmctld)" ]; then
    # Only slurmd is gone (a test that made the node die): bring it back, keeping the jobs' state.
    slurmd || die "slurmd did not start; see $DIR/slurmd.log"
    wait_idle "$began"
    return
  fi
  if [ -f "$CONF" ] && ! head -n1 "$CONF" | grep -qxF "$MARK"; then
    die "$CONF exists and was not written by this script; move it away first"
  fi
  do_stop >/dev/null # whatever is left of a previous cluster
  mkdir -p "$DIR"
  rm -rf "$DIR/state" "$DIR/spool"
  mkdir -p "$DIR/state" "$DIR/spool"
  start_munge
  write_conf
  slurmctld || die "slurmctld did not start; see $DIR/slurmctld.log"
  slurmd || die "slurmd did not start; see $DIR/slurmd.log"
  wait_idle "$began"
}

# Waits until sinfo shows the node idle, then says how long it took since $1 (seconds since the epoch).
wait_idle() {
  local i state
  for i in $(seq 1 $((START_TIMEOUT * 2))); do
    state="$(node_state)"
    if [ "$state" = idle ]; then
      say "node $(hostname -s) idle after $(awk -v b="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - b }') s;" \
          "$CONF, logs in $DIR"
      return
    fi
    sleep 0.5
  done
  tail -n 20 "$DIR/slurmctld.log" "$DIR/slurmd.log" >&2 || true
  do_stop >&2
  die "the node is not idle after $START_TIMEOUT s (sinfo said '${state:-nothing}'); stopped; logs above"
}

do_stop() {
  need_root
  if [ -n "$(live_pid "$DIR/slurmctld.pid" slurmctld)" ]; then
    # Cancel every job so that no task outlives its slurmd; their slurmstepd end with them.
    local jobs i
    jobs="$( (timeout 10 squeue -h -o '%F' 2>/dev/null || true) | sort -u | tr '\n' ' ')"
    if [ -n "${jobs// /}" ]; then
      # shellcheck disable=SC2086
      scancel $jobs 2>/dev/null || true
      for i in $(seq 1 40); do
        [ -z "$(timeout 10 squeue -h -t running,completing -o '%i' 2>/dev/null || true)" ] && break
        sleep 0.5
      done
      say "cancelled jobs $jobs"
    fi
  fi
  stop_pid "$DIR/slurmd.pid" slurmd
  stop_pid "$DIR/slurmctld.pid" slurmctld
  stop_pid "$DIR/munge/munged.pid" munged
  if [ -f "$CONF" ] && head -n1 "$CONF" | grep -qxF "$MARK"; then rm -f "$CONF"; fi
  say "stopped"
}

do_status() {
  local state
  state="$(node_state)"
  if [ -n "$state" ]; then
    sinfo
    return 0
  fi
  say "no Slurm answers here"
  return 3
}

case "${1:-}" in
  install) do_install ;;
  start) do_start ;;
  stop) do_stop ;;
  status) do_status ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
