#!/usr/bin/env python3
"""conform's benchmark, side by side with the canonical `genkit dev:test-model`, a raw client, and issue 14's figures.

    python3 bench/bench.py [--runs N] [--only 1,2,3,4,5] [--wall-only]

Prints, with medians over N runs (default 5), and the load average next to each section (the figures of a loaded
machine are not comparable with a quiet one's):
  1. wall time and peak memory of one conformance run of the same 8-capability spec against the same JS entry
     (entries/js/fixtures/echo.ts): genkit dev:test-model as its docs run an entry (node with the tsx loader),
     dev:test-model given the bundle conform's setup makes of that entry, `./jbang conform` as users type it,
     conform's JVM started directly without its start-up cache, and `./jbang conform --runner cli` (conform driving
     the same dev:test-model on the same bundle: what conform's CLI runner adds around the canonical tool);
  2. the round trip of one runAction on a running echo fixture, JS and Python, over reflection v1 (a kept-alive
     connection, as conform did; a connection per call, as it does) and v2 (bench/RawHttp.java, 300 calls);
  3. conform's per-test cost against a raw round trip on the same transport (the same runAction requests, a client
     set up as conform's, both from the first call to a fresh runtime), JS and Python over v1 and v2: per test of 200,
     and the marginal cost of one more test (from 200 to 1000, where the runtime's first-call set-up and JIT warm-up
     cancel out), with their ratio (target ≤ 1.1×);
  4. conform's throughput on the echo model at -t 1, 8 and 32;
  5. the full emulated matrix, `./jbang conform check-model --emulate` warm (target: half issue 14's 12.0 s), and where
     its time goes, from one more run with --report-dir: the runtimes' boots, the tests and the stops, per runtime.
Peak memory is each process's VmHWM from /proc, sampled in separate runs: the tool's largest process and the runtime's.
The contenders of section 1 take turns, one run each per round, so that a change of load on a shared machine weighs on
all of them alike; --wall-only is --only 1.
It installs what it needs first (`conform setup`: the echo entries, and genkit-cli in entries/genkit-cli), and
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
# The echo fixture as conform starts it in each runtime: the project root and the command.
ECHO = {"js": (ENTRIES_JS, ["node", ECHO_BUNDLE]),
        "python": (ROOT / "entries" / "python", [".venv/bin/python", "fixtures/echo.py"])}
# Issue 14's figures (2026-12-01, the same machine, before this work), printed beside today's.
ISSUE_14 = {"python v1 call": 46.7, "js v1 call": 3.1, "python v2 call": 1.2, "js v2 call": 1.3,
            "marginal conform": 3.38, "marginal raw": 1.86, "matrix": 12.0}
GENKIT = ROOT / "entries" / "genkit-cli" / "node_modules" / ".bin" / "genkit"  # installed by `conform setup`


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


def raw_java(java):
    """conform's JVM and options, and its dependencies (Java-WebSocket, slf4j) as the class path, for RawHttp.java."""
    classpath = java[java.index("-cp") + 1].split(":")
    return {"java": java[0], "options": java[1:java.index("-cp")], "classpath": ":".join(classpath[1:])}


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


def load():
    return f"load average {os.getloadavg()[0]:.1f}"


def start_runtime(runtime="js"):
    """The echo fixture of a runtime over reflection v1; its process and reflection URL once its runtime file is there."""
    cwd, command = ECHO[runtime]
    env = dict(os.environ, GENKIT_ENV="dev")
    env.pop("GENKIT_REFLECTION_V2_SERVER", None)
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    runtimes = cwd / ".genkit" / "runtimes"
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
    sys.exit(f"bench: the {runtime} echo runtime did not start")


def raw_round_trips(java, runtime, transport, body, calls, stream=False):
    """mean and median ms of `calls` sequential runAction round trips from bench/RawHttp.java on a fresh runtime."""
    jvm, classpath = java["options"], java["classpath"]
    raw = [java["java"], *jvm, "-cp", classpath, str(BENCH / "RawHttp.java")]
    mode = "stream" if stream else "plain"
    if transport == "v2":
        cwd, command = ECHO[runtime]
        out = sh([*raw, "v2", str(body), str(calls), mode, str(cwd), *command]).stdout
    else:
        runtime_proc, url = start_runtime(runtime)
        try:
            out = sh([*raw, transport, url, str(body), str(calls), mode]).stdout
        finally:
            runtime_proc.terminate()
            runtime_proc.wait(10)
    mean_ms, median_ms = map(float, out.split()[-2:])
    return mean_ms, median_ms


def median(values):
    return statistics.median(values) if values else float("nan")


def one_run_of_8(args, java, conform_args):
    """Section 1: one run of the 8-capability spec, conform against dev:test-model."""
    # The CLI's analytics prompt and update check would otherwise block or reach the network.
    xdg = BUILD / "xdg"
    (xdg / "configstore" / "@genkit-ai").mkdir(parents=True, exist_ok=True)
    (xdg / "configstore" / "@genkit-ai" / "tools-common.json").write_text(
        json.dumps({"userSettings": {"analyticsOptOut": True, "updateNotificationsOptOut": True}}))
    cli_env = dict(os.environ, XDG_CONFIG_HOME=str(xdg))
    dev_test_model = [str(GENKIT), "--non-interactive", "dev:test-model",
                      "--from-file", str(BENCH / "spec-8.yaml"), "--"]
    js = [*conform_args, "--runtime", "js"]
    contenders = [
        ("genkit dev:test-model", [*dev_test_model, "node", "--import", "tsx", ECHO_TS],
         ENTRIES_JS, cli_env, "Tests Completed: 8 Passed, 0 Failed"),
        ("dev:test-model, bundle", [*dev_test_model, "node", ECHO_BUNDLE], ENTRIES_JS, cli_env, "Tests Completed: 8 Passed, 0 Failed"),
        ("./jbang conform", ["./jbang", "conform", *js], ROOT, None, "8 passed"),
        ("conform JVM, no cache", [*java, *js], ROOT, None, "8 passed"),
        ("./jbang conform, cli", ["./jbang", "conform", *js, "--runner", "cli"], ROOT, None, "8 passed"),
    ]
    print(f"\n1. one run of the 8-capability spec, same JS entry; wall: medians of {args.runs} runs, memory: of {MEMORY_RUNS} more ({load()})")
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


def transports(args, java, body):
    """Section 2: one runAction's round trip per runtime and transport, from a raw client."""
    calls = 300
    print(f"\n2. one runAction's round trip on a running echo fixture, raw client (bench/RawHttp.java), median of {calls} calls,"
          f" median over {args.runs} runtimes ({load()})")
    print(f"   {'':8} {'v1 kept alive':>16} {'v1 per call':>16} {'v2':>16}   issue 14: v1 kept alive, v2")
    for runtime in ECHO:
        cells = []
        for transport in ("v1-keepalive", "v1", "v2"):
            plain = median([raw_round_trips(java, runtime, transport, body, calls)[1] for _ in range(args.runs)])
            streamed = median([raw_round_trips(java, runtime, transport, body, calls, True)[1] for _ in range(args.runs)])
            cells.append(f"{plain:6.2f} ({streamed:5.2f})")
        print(f"   {runtime:8} {cells[0]:>16} {cells[1]:>16} {cells[2]:>16}   "
              f"{ISSUE_14[runtime + ' v1 call']} ms, {ISSUE_14[runtime + ' v2 call']} ms")
    print("   milliseconds; streamed in parentheses")


def per_test(args, java, conform_args, body):
    """Section 3: conform's per-test cost against the raw round trip on the same runtime and transport."""
    counts = (200, 1000)
    small, large = counts
    print(f"\n3. conform's per-test cost against a raw round trip on the same transport (sequential tests, -t 1, each"
          f" series from a fresh runtime); medians of {args.runs} runs ({load()})")
    print(f"   {'':10} {'raw, per test':>14} {'conform':>9} {'raw, marginal':>14} {'conform':>9} {'ratio':>7}")
    specs = {n: write_spec(f"specs-{n}", n) for n in counts}
    for runtime in ECHO:
        for transport in ("v1", "v2"):
            raw_total, conform_total = {n: [] for n in counts}, {n: [] for n in counts}
            for n in counts:
                for _ in range(args.runs):
                    raw_total[n].append(raw_round_trips(java, runtime, transport, body, n)[0] * n)
                    report = BUILD / "r-overhead"
                    sh([*conform_args, "--runtime", runtime, "--transport", transport, "--specs-dir", str(specs[n]),
                        "-t", "1", "--report-dir", str(report)])
                    conform_total[n].append(results(report)["runs"][0]["tests_ms"])
            raw, per = median(raw_total[small]) / small, median(conform_total[small]) / small
            # The marginal cost of one more test: the runtime's first-call set-up and JIT warm-up cancel out.
            raw_marginal = (median(raw_total[large]) - median(raw_total[small])) / (large - small)
            conform_marginal = (median(conform_total[large]) - median(conform_total[small])) / (large - small)
            print(f"   {runtime + ' ' + transport:10} {raw:12.3f}ms {per:7.3f}ms {raw_marginal:12.3f}ms"
                  f" {conform_marginal:7.3f}ms {conform_marginal / raw_marginal:6.2f}×")
    print(f"   target: marginal ratio ≤ 1.1×; issue 14: conform {ISSUE_14['marginal conform']} ms against raw"
          f" {ISSUE_14['marginal raw']} ms ({ISSUE_14['marginal conform'] / ISSUE_14['marginal raw']:.1f}×, JS over v1)")


def throughput(args, java, conform_args):
    """Section 4: tests per second on the echo model."""
    tests = 256
    print(f"\n4. throughput on the echo model ({tests} tests, JS over v2); medians of {args.runs} runs ({load()})")
    spec_t = write_spec("specs-256", tests)
    for t in (1, 8, 32):
        rates = []
        for _ in range(args.runs):
            report = BUILD / f"r-t{t}"
            sh([*conform_args, "--runtime", "js", "--specs-dir", str(spec_t), "-t", str(t), "--report-dir", str(report)])
            rates.append(tests / (results(report)["runs"][0]["tests_ms"] / 1000))
        print(f"   -t {t:<3} {median(rates):8.0f} tests/s")


def matrix(args):
    """Section 5: the full emulated matrix, warm, and where its time goes."""
    run = ["./jbang", "conform", "check-model", "--emulate", "--no-color"]
    sh(run)  # warm: the runtimes' files in the page cache, the launch line cached
    walls = [measured(run, ROOT)[0] for _ in range(args.runs)]
    report = BUILD / "r-matrix"
    wall, _, _, code, output = measured([*run, "--report-dir", str(report)], ROOT)
    if code != 0:
        sys.exit(f"bench: the emulated matrix did not pass (exit {code}):\n{output[-3000:]}")
    doc = results(report)
    ran = [r for r in doc["runs"] if r.get("startup_ms") is not None]
    print(f"\n5. the full emulated matrix, `./jbang conform check-model --emulate`, warm; median of {args.runs} runs"
          f" ({load()})")
    print(f"   wall {median(walls):6.2f}s   issue 14: {ISSUE_14['matrix']}s (target ≤ {ISSUE_14['matrix'] / 2}s);"
          f" {len(ran)} runs, {doc['tests']} tests")
    print(f"   where the time goes, one run with --report-dir (wall {wall:.2f}s; its runs {doc['wall_ms'] / 1000:.2f}s,"
          f" conform's start, setup check, reports and exit {wall - doc['wall_ms'] / 1000:.2f}s):")
    print(f"   {'runtime':8} {'runs':>5} {'boot, each':>11} {'tests, each':>12} {'stop, each':>11}   slowest run")
    for runtime in sorted({r["runtime"] for r in ran}):
        of = [r for r in ran if r["runtime"] == runtime]
        boots = [r["startup_ms"] / 1000 for r in of]
        tests = [(r["tests_ms"] or 0) / 1000 for r in of]
        stops = [(r["elapsed_ms"] - r["startup_ms"] - (r["tests_ms"] or 0)) / 1000 for r in of]
        slowest = max(of, key=lambda r: r["elapsed_ms"])
        print(f"   {runtime:8} {len(of):5} {median(boots):10.2f}s {median(tests):11.2f}s {median(stops):10.2f}s"
              f"   {slowest['plugin']} {slowest['elapsed_ms'] / 1000:.2f}s")
    print("   medians; the runs overlap (-j 8, slowest runtime first), so their sums exceed the wall")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="1,2,3,4,5", help="the sections to run, comma-separated")
    parser.add_argument("--wall-only", action="store_true", help="only section 1 (one run, side by side)")
    args = parser.parse_args()
    sections = {1} if args.wall_only else {int(n) for n in args.only.split(",")}
    BUILD.mkdir(parents=True, exist_ok=True)

    spec8 = BUILD / "specs-8"  # bench/conform.toml's specs-dir, which must exist before conform reads it
    spec8.mkdir(parents=True, exist_ok=True)
    shutil.copy(BENCH / "spec-8.yaml", spec8 / "echo.yaml")
    print("setting up (conform setup: the echo entries, and genkit-cli in entries/genkit-cli) ...", flush=True)
    sh(["./jbang", "conform", "setup", "--runtime", "js,python", "--config", str(BENCH / "conform.toml")])
    java = conform_java_command()
    body = BUILD / "request.json"
    body.write_text(json.dumps({"key": "/model/conformtest/echo", "input": {
        "messages": [{"role": "user", "content": [{"text": "My name is Genkit."}]}], "config": {}}}))
    conform_args = ["check-model", "--config", str(BENCH / "conform.toml"), "--no-color"]
    if 1 in sections:
        one_run_of_8(args, java, conform_args)
    if 2 in sections:
        transports(args, raw_java(java), body)
    if 3 in sections:
        per_test(args, raw_java(java), [*java, *conform_args], body)
    if 4 in sections:
        throughput(args, java, [*java, *conform_args])
    if 5 in sections:
        matrix(args)


if __name__ == "__main__":
    main()
