#!/usr/bin/env python3
"""A workshop of 1,000 voices beside one of 7: time to the first screen (opening the session), peak memory, and
keystroke-to-screen latency of a rating round (a digit rates the highlighted participant and moves down; each
rating is saved), measured on an 80x24 pseudo-terminal. The sessions are report.py's: every participant rates
every question, one in three with a note. Measure the build the README installs:

    swift build -c release --static-swift-stdlib
    python3 Benchmarks/voices.py [--runs 5] [--participants 7,1000] [--binary .build/release/isp-wizard]
"""
import argparse
import importlib.util
import json
import os
import statistics
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


first_screen = load("first_screen", "first-screen.py")
report = load("report", "report.py")
register = load("register", "register.py")
read_until, drain, percentile = first_screen.read_until, first_screen.drain, first_screen.percentile


def run_once(binary, path, keys):
    program = first_screen.start([binary, "open", path])
    fd, started = program[1], program[3]
    first = read_until(fd, b"Question 1 of")
    results = {"first": None if first is None else (time.perf_counter() - started) * 1000}
    drain(fd, 0.3)
    # Round the room: a digit for each participant in turn, as a facilitator types them.
    results["keys"] = [latency * 1000 for latency in register.timed_keys(fd, keys)]
    results["memory"] = first_screen.finish(program, b"\x11", wait=0.5) / 1024
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--participants", default="7,1000")
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--binary", default=os.path.join(HERE, "..", ".build", "release", "isp-wizard"))
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    prompts = report.prompt_ids(binary)
    keys = [str(index % 5).encode() for index in range(arguments.keys)]
    baseline = None
    print("participants  session  first screen (median)  peak memory  rating key median / p90 / max")
    with tempfile.TemporaryDirectory() as folder:
        for count in [int(value) for value in arguments.participants.split(",")]:
            path = os.path.join(folder, f"voices-{count}.isp.json")
            session = report.session(prompts, count)
            session["position"] = {"screen": "question", "stepID": "s1", "promptID": "s1.q1"}
            with open(path, "w") as handle:
                json.dump(session, handle, ensure_ascii=False)
            size = os.path.getsize(path) / 1e6
            runs = [run_once(binary, path, keys) for _ in range(arguments.runs)]
            first = statistics.median(run["first"] for run in runs if run["first"] is not None)
            baseline = baseline or first
            latencies = [latency for run in runs for latency in run["keys"]]
            memory = max(run["memory"] for run in runs)
            print(f"{count:12}  {size:5.1f} MB  {first:7.1f} ms ({first / baseline:.1f}x)  {memory:8.1f} MB  "
                  f"{statistics.median(latencies):6.1f} / {percentile(sorted(latencies), 0.9):6.1f} / "
                  f"{max(latencies):6.1f} ms")


if __name__ == "__main__":
    main()
