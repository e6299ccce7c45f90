#!/usr/bin/env python3
"""conform's benchmark, side by side with the canonical `genkit dev:test-model` and a raw HTTP client.

    python3 bench/bench.py [--runs N]

Prints, with medians over N runs (default 5):
  1. wall time and peak memory of one conformance run of the same 8-capability spec against the same JS entry
     (entries/js/fixtures/echo.ts): genkit dev:test-model as its docs run an entry (node with the tsx loader),
     dev:test-model given the bundle conform's setup makes of that entry, `./jbang conform` as users type it,
     conform's JVM started directly without its start-up cache, and `./jbang conform --runner cli` (conform driving
     the same dev:test-model on the same bundle: what conform's CLI runner adds around the canonical tool);
  2. conform's per-test overhead over a raw HTTP round trip (the same runAction requests, same JDK client and
     JVM options, both from the first call to a fresh runtime), per test of 200 and as the marginal cost of one
     more test (from 200 to 1000, where the runtime's first-call set-up and JIT warm-up cancel out);
  3. conform's throughput on the echo model at -t 1, 8 and 32.
Peak memory is each process's VmHWM from /proc, sampled in separate runs: the tool's largest process and the runtime's.
The contenders of part 1 take turns, one run each per round, so that a change of load on a shared machine weighs on
all of them alike; --wall-only stops after part 1.
It installs what it needs first (`conform setup`: the echo entry, and genkit-cli in entries/genkit-cli), and
runs every contender once untimed first, so each is measured warm (caches built, files in the page cache).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
BUILD = BENCH / "build"
ENTRIES_JS = ROOT / "entries" / "js"
ECHO_TS = "fixtures/echo.ts"
ECHO_BUNDLE = ".conform/build/echo.mjs"  # what `conform setup` makes of ECHO_TS, and what conform starts
MEMORY_RUNS = 3
GENKIT = ROOT / "tools" / "genkit-cli" / "node_modules" / ".bin" / "genkit"  # installed by `conform setup`


def sh(cmd, cwd=ROOT, env=None, check=True):
    result = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check and result.returncode != 0:
        sys.exit(f"bench: `{' '.join(map(str, cmd))}` failed ({result.returncode}):\n{result.stdout[-3000:]}")
    return result


def tree_of(root):
    """pid -> (VmHWM in kB, command line) for root and its descendants, read from /proc without a full scan."""
    out, todo = {}, [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/status") as f:
                hwm = next((int(l.split()[1]) for l in f if l.startswith("VmHWM:")), 0)
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
            out[pid] = (hwm, cmd)
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError, StopIteration):
            pass
    return out


def measured(cmd, cwd, env=None, sample_memory=False):
    """Runs cmd; returns wall seconds, the tool's and the runtime's peak RSS in MB (0 unless sampled), exit code and
    output. The wall time ends when the process has exited and its output is closed. Sampling /proc every 50 ms
    costs CPU that the measured processes would otherwise have, so timed runs do not sample."""
    peaks = {"tool": 0, "runtime": 0}
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def sample():
        while proc.poll() is None:
            for pid, (hwm, line) in tree_of(proc.pid).items():
                if (ECHO_TS in line or ECHO_BUNDLE in line) and "dev:test-model" not in line:
                    peaks["runtime"] = max(peaks["runtime"], hwm)
                elif "esbuild" not in line and "dev.jbang.Main" not in line:
                    peaks["tool"] = max(peaks["tool"], hwm)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    if sample_memory:
        sampler.start()
    output, _ = proc.communicate()
    wall = time.monotonic() - start
    if sample_memory:
        sampler.join()
    return wall, peaks["tool"] / 1024, peaks["runtime"] / 1024, proc.returncode, output


def conform_java_command():
    """conform's JVM command line as JBang would exec it, without JBang's own launcher JVM."""
    output = sh(["./jbang", "info", "tools", "conform.java"]).stdout
    info = json.loads(output[output.index("{"):])
    classpath = ":".join([info["applicationJar"], *info["resolvedDependencies"]])
    java = Path(info["availableJdkPath"]) / "bin" / "java"
    return [str(java), *info["runtimeOptions"], "-cp", classpath, "conform"]


def write_spec(name, tests):
    spec_dir = BUILD / name
    spec_dir.mkdir(parents=True, exist_ok=True)
    lines = ["- model: conformtest/echo", "  supports: []", "  tests:"]
    for i in range(tests):
        lines += [f"    - name: test {i + 1}",
                  "      input: {messages: [{role: user, content: [{text: 'My name is Genkit.'}]}]}",
                  "      validators: ['text-includes:Genkit']"]
    (spec_dir / "echo.yaml").write_text("\n".join(lines) + "\n")
    return spec_dir


def results(report_dir):
    return json.loads((report_dir / "results.json").read_text())


def start_runtime():
    env = dict(os.environ, GENKIT_ENV="dev")
    proc = subprocess.Popen(["node", ECHO_BUNDLE], cwd=ENTRIES_JS, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    runtimes = ENTRIES_JS / ".genkit" / "runtimes"
    for _ in range(600):
        for f in runtimes.glob("*.json") if runtimes.is_dir() else []:
            try:
                info = json.loads(f.read_text())
            except (OSError, ValueError):
                continue
            if info.get("pid") == proc.pid:
                return proc, info["reflectionServerUrl"].replace("localhost", "127.0.0.1")
        time.sleep(0.025)
    proc.terminate()
    sys.exit("bench: the echo runtime did not start")


def median(values):
    return statistics.median(values) if values else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--wall-only", action="store_true", help="only the first part (one run, side by side)")
    args = parser.parse_args()
    BUILD.mkdir(parents=True, exist_ok=True)

    spec8 = BUILD / "specs-8"  # bench/conform.toml's specs-dir, which must exist before conform reads the file
    spec8.mkdir(parents=True, exist_ok=True)
    shutil.copy(BENCH / "spec-8.yaml", spec8 / "echo.yaml")
    print("setting up (conform setup: the echo entry, and genkit-cli in entries/genkit-cli) ...", flush=True)
    sh(["./jbang", "conform", "setup", "--runtime", "js", "--config", str(BENCH / "conform.toml")])
    java = conform_java_command()

    # The CLI's analytics prompt and update check would otherwise block or reach the network.
    xdg = BUILD / "xdg"
    (xdg / "configstore" / "@genkit-ai").mkdir(parents=True, exist_ok=True)
    (xdg / "configstore" / "@genkit-ai" / "tools-common.json").write_text(
        json.dumps({"userSettings": {"analyticsOptOut": True, "updateNotificationsOptOut": True}}))
    cli_env = dict(os.environ, XDG_CONFIG_HOME=str(xdg))
    conform_args = ["check-model", "--config", str(BENCH / "conform.toml"), "--runtime", "js", "--no-color"]
    dev_test_model = [str(GENKIT), "--non-interactive", "dev:test-model",
                      "--from-file", str(BENCH / "spec-8.yaml"), "--"]
    contenders = [
        ("genkit dev:test-model", [*dev_test_model, "node", "--import", "tsx", ECHO_TS],
         ENTRIES_JS, cli_env, "Tests Completed: 8 Passed, 0 Failed"),
        ("dev:test-model, bundle", [*dev_test_model, "node", ECHO_BUNDLE], ENTRIES_JS, cli_env, "Tests Completed: 8 Passed, 0 Failed"),
        ("./jbang conform", ["./jbang", "conform", *conform_args], ROOT, None, "8 passed"),
        ("conform JVM, no cache", [*java, *conform_args], ROOT, None, "8 passed"),
        ("./jbang conform, cli", ["./jbang", "conform", *conform_args, "--runner", "cli"], ROOT, None, "8 passed"),
    ]
    print(f"\n1. one run of the 8-capability spec, same JS entry; wall: medians of {args.runs} runs, memory: of {MEMORY_RUNS} more")
    print(f"   {'tool':24} {'wall':>8} {'tool RSS':>10} {'runtime RSS':>12}")

    def measure(name, cmd, cwd, env, expected, sample_memory):
        wall, tool_mb, runtime_mb, code, output = measured(cmd, cwd, env, sample_memory=sample_memory)
        if code != 0 or expected not in output:
            sys.exit(f"bench: {name} did not pass (exit {code}):\n{output[-3000:]}")
        return wall, tool_mb, runtime_mb

    # Round by round, each contender once per round: on a shared machine a change of load then weighs on all alike.
    timed = {c[0]: [] for c in contenders}
    sampled = {c[0]: [] for c in contenders}
    for run in range(1 + args.runs + MEMORY_RUNS):  # one untimed warm-up round, timed rounds, then sampled rounds
        for name, cmd, cwd, env, expected in contenders:
            wall, tool_mb, runtime_mb = measure(name, cmd, cwd, env, expected, sample_memory=run > args.runs)
            if 1 <= run <= args.runs:
                timed[name].append(wall)
            elif run > args.runs:
                sampled[name].append((tool_mb, runtime_mb))
    walls = {name: median(t) for name, t in timed.items()}
    for name in walls:
        print(f"   {name:24} {walls[name]:7.2f}s {median([s[0] for s in sampled[name]]):8.0f}MB "
              f"{median([s[1] for s in sampled[name]]):10.0f}MB")
    base = walls["genkit dev:test-model"]
    print(f"   ratio to dev:test-model: ./jbang conform {walls['./jbang conform'] / base:.2f}× (target ≤ 0.6×); "
          f"to dev:test-model given the bundle {walls['./jbang conform'] / walls['dev:test-model, bundle']:.2f}×; "
          f"conform JVM without its cache {walls['conform JVM, no cache'] / base:.2f}×")
    print(f"   --runner cli: {walls['./jbang conform, cli']:.2f}s, "
          f"{walls['./jbang conform, cli'] - walls['dev:test-model, bundle']:+.2f}s around dev:test-model on the same bundle, "
          f"{walls['./jbang conform, cli'] / walls['./jbang conform']:.1f}× conform's own runner")
    if args.wall_only:
        return

    counts = (200, 1000)
    print(f"\n2. per-test overhead over a raw HTTP round trip (sequential tests, -t 1, each from a fresh runtime); medians of {args.runs} runs")
    body = BUILD / "request.json"
    body.write_text(json.dumps({"key": "/model/conformtest/echo", "input": {
        "messages": [{"role": "user", "content": [{"text": "My name is Genkit."}]}], "config": {}}}))
    jvm_options = java[1:java.index("-cp")]  # conform's own (C1 only, serial GC): the same JVM on both sides
    raw_total, conform_total = {n: [] for n in counts}, {n: [] for n in counts}
    for n in counts:
        spec_n = write_spec(f"specs-{n}", n)
        for _ in range(args.runs):
            runtime, url = start_runtime()
            try:
                mean_ms, _ = map(float, sh([java[0], *jvm_options, str(BENCH / "RawHttp.java"), url, str(body), str(n)]).stdout.split())
            finally:
                runtime.terminate()
                runtime.wait(10)
            raw_total[n].append(mean_ms * n)
            report = BUILD / "r-overhead"
            sh([*java, *conform_args, "--specs-dir", str(spec_n), "-t", "1", "--report-dir", str(report)])
            conform_total[n].append(results(report)["runs"][0]["tests_ms"])
    small, large = counts
    raw, per_test = median(raw_total[small]) / small, median(conform_total[small]) / small
    # The marginal cost of one more test: the runtime's first-call set-up and JIT warm-up cancel out.
    raw_marginal = (median(raw_total[large]) - median(raw_total[small])) / (large - small)
    conform_marginal = (median(conform_total[large]) - median(conform_total[small])) / (large - small)
    print(f"   {'':44} {'per test, ' + str(small) + ' tests':>20} {'marginal, ' + str(small) + '→' + str(large):>20}")
    print(f"   {'raw HTTP (JDK HttpClient, keep-alive, same JVM)':44} {raw:18.3f}ms {raw_marginal:18.3f}ms")
    print(f"   {'conform (call, validators, bookkeeping)':44} {per_test:18.3f}ms {conform_marginal:18.3f}ms")
    print(f"   {'overhead (target < 1 ms)':44} {per_test - raw:18.3f}ms {conform_marginal - raw_marginal:18.3f}ms")

    tests = 256
    print(f"\n3. throughput on the echo model ({tests} tests); medians of {args.runs} runs")
    spec_t = write_spec("specs-256", tests)
    for t in (1, 8, 32):
        rates = []
        for _ in range(args.runs):
            report = BUILD / f"r-t{t}"
            sh([*java, *conform_args, "--specs-dir", str(spec_t), "-t", str(t), "--report-dir", str(report)])
            rates.append(tests / (results(report)["runs"][0]["tests_ms"] / 1000))
        print(f"   -t {t:<3} {median(rates):8.0f} tests/s")


if __name__ == "__main__":
    main()
