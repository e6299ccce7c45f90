#!/usr/bin/env python3
"""What starting conform costs: the checkout's launcher against the catalog alias, and the triage loop.

    python3 bench/launch.py [--runs N]

Prints, with medians over N runs (default 5):
  1. `./jbang conform --version` against `jbang conform@genkit --version` (the catalog added under a JBang dir of the
     bench's own, bench/build/jbang-dir, run from another directory), both from their cached launch lines;
  2. `./jbang conform check-model --emulate ollama` unedited, against the same run right after an edit inside a
     method of one validator (lib/validate/builtin/TextNotEmpty.java, a message changed each run: the bootstrap
     compiles that file alone), and once after an edit JBang must build (a comment in conform.java: a full build and
     the start-up cache's training). The edited files are restored on every exit.
It needs the checkout set up for the ollama plugin (`./jbang conform setup`, or one `check-model --emulate` run).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "bench" / "build"
VALIDATOR = ROOT / "lib" / "validate" / "builtin" / "TextNotEmpty.java"
ENTRY = ROOT / "conform.java"


def timed(cmd, cwd=ROOT, env=None):
    start = time.monotonic()
    result = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"bench: `{' '.join(map(str, cmd))}` failed ({result.returncode}):\n{result.stdout[-3000:]}")
    return wall, result.stdout


def median_of(runs, cmd, cwd=ROOT, env=None, before=None):
    walls = []
    for i in range(runs):
        if before:
            before(i)
        walls.append(timed(cmd, cwd, env)[0])
    return statistics.median(walls)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    BUILD.mkdir(parents=True, exist_ok=True)
    jbang = str(ROOT / "jbang")

    catalog_env = dict(os.environ, JBANG_DIR=str(BUILD / "jbang-dir"))
    timed([jbang, "catalog", "add", "--global", "--name", "genkit", str(ROOT / "jbang-catalog.json")], env=catalog_env)
    elsewhere = BUILD / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    version, catalog_version = [jbang, "conform", "--version"], [jbang, "conform@genkit", "--version"]
    timed(version)
    timed(catalog_version, elsewhere, catalog_env)  # both launch lines cached (and their start-up caches trained)
    checkout = median_of(args.runs, version)
    catalog = median_of(args.runs, catalog_version, elsewhere, catalog_env)
    print(f"1. start-up, `--version`; medians of {args.runs} runs")
    print(f"   ./jbang conform          {checkout:6.2f}s")
    print(f"   jbang conform@genkit     {catalog:6.2f}s   {catalog / checkout:.2f}× (target ≤ 1.5×)")

    run = [jbang, "conform", "check-model", "--emulate", "ollama", "--no-color"]
    validator, entry = VALIDATOR.read_text(), ENTRY.read_text()
    try:
        timed(run)
        unedited = median_of(args.runs, run)
        marker = '"Response text is empty"'
        if marker not in validator:
            sys.exit(f"bench: {VALIDATOR} no longer says {marker}; update the bench's edit")
        edit = lambda i: VALIDATOR.write_text(validator.replace(marker, f'"Response text is empty (edit {i + 1})"'))
        edited = median_of(args.runs, run, before=edit)
        VALIDATOR.write_text(validator)
        ENTRY.write_text(entry + "// an edit JBang must build\n")
        full = timed(run)[0]
    finally:
        VALIDATOR.write_text(validator)
        ENTRY.write_text(entry)
    timed(version)  # back to the launch line of the sources as they were
    print(f"\n2. the triage loop, `check-model --emulate ollama`; medians of {args.runs} runs")
    print(f"   unedited                           {unedited:6.2f}s")
    print(f"   after an edit inside a validator   {edited:6.2f}s   {edited / unedited:.2f}× (target ≤ 2×)")
    print(f"   after an edit JBang must build     {full:6.2f}s   {full / unedited:.2f}× (one run)")


if __name__ == "__main__":
    main()
