#!/usr/bin/env python3
"""A stakeholder register of 1,000 organisations and an action plan of 300 actions owned by them: first screen,
keystroke-to-screen latency on the register, in a row's form, on step 5 (one commitment per organisation) and on
the action plan (each action's flags worked out on every frame), and the time of a save (Ctrl-S until "Saved" is
on screen), measured on an 80x24 pseudo-terminal. Measure the build the README installs:

    swift build -c release --static-swift-stdlib
    python3 Benchmarks/register.py [--runs 5] [--rows 1000] [--binary .build/release/isp-wizard]
"""
import argparse
import importlib.util
import json
import os
import select
import statistics
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("first_screen", os.path.join(HERE, "first-screen.py"))
first_screen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(first_screen)
read_until, drain, percentile = first_screen.read_until, first_screen.drain, first_screen.percentile

SECTORS = ["government", "business", "civil-society", "donor", "other"]


def session_with_register(rows, actions=300):
    """A version-2 workshop session (from the test fixtures) on the register, holding `rows` organisations with
    every column filled, names in several scripts."""
    fixture = os.path.join(HERE, "..", "Tests", "ISPTestSupport", "Fixtures", "sessions", "v2",
                           "v2-five-voices.isp.json")
    with open(fixture) as handle:
        session = json.load(handle)
    names = ["Municipio de Cochabamba", "水务合作社", "Cámara de Comercio", "Søren Pumps", "Youth Network"]
    session["records"] = {"s2": {"register": [{
        "id": str(uuid.uuid4()),
        "organisation": f"{names[index % len(names)]} {index + 1}",
        "sector": SECTORS[index % len(SECTORS)],
        "readiness": ["ready", "not-yet", "unknown"][index % 3],
        "people": "Ana Núñez, 李华",
        "role": "Runs water points in the district",
        "alliances": "District water forum",
        "notes": "Met twice; keen to join.\nWants the pilot in the north.",
    } for index in range(rows)]}}
    register = session["records"]["s2"]["register"]
    session["records"]["s6"] = {"actions": [{
        "id": str(uuid.uuid4()),
        "action": f"Action {index + 1}: map the water points of the district",
        "ownerOrganisation": {"id": register[index % rows]["id"], "name": register[index % rows]["organisation"]},
        "due": "2020-01-31" if index % 3 == 0 else "2099-12-31",
        "status": ["planned", "in-progress", "done"][index % 3],
    } for index in range(actions)]}
    session["position"] = {"screen": "step-intro", "stepID": "s2", "worksheet": True}
    return session


def timed_keys(fd, keys, marker=None):
    """Sends keys one at a time; returns each one's seconds until the program drew (or until `marker` showed)."""
    latencies = []
    for key in keys:
        sent = time.perf_counter()
        os.write(fd, key)
        if marker is not None:
            elapsed = read_until(fd, marker, timeout=5.0)
            if elapsed is not None:
                latencies.append(time.perf_counter() - sent)
        elif select.select([fd], [], [], 2.0)[0]:
            os.read(fd, 65536)
            latencies.append(time.perf_counter() - sent)
        drain(fd, 0.05)
    return latencies


def run_once(binary, path, rows):
    program = first_screen.start([binary, "open", path])
    fd, started = program[1], program[3]
    first = read_until(fd, f"{rows} rows".encode())
    first_ms = None if first is None else (time.perf_counter() - started) * 1000
    drain(fd)
    results = {"first": first_ms}
    results["list"] = timed_keys(fd, [b"\x1b[B"] * 20 + [b"\x1b[6~"] * 5)
    os.write(fd, b"\r")  # open the highlighted row's form
    drain(fd)
    results["form"] = timed_keys(fd, [bytes([c]) for c in b"Nuevo nombre "] + ["é".encode(), "水".encode()])
    results["save"] = timed_keys(fd, [b"\x13"] * 5, marker=b"Saved")
    # Step 5: a commitment for each organisation of the register.
    for key in [b"\x1b", b"\x1b", b"\x1b", b"5", b"w"]:
        os.write(fd, key)
        drain(fd, 0.1)
    results["step5"] = timed_keys(fd, [b"\t"] * 20)
    # Step 6: the action plan.
    for key in [b"\x1b", b"6", b"w", b"\x1b[B", b"\r"]:
        os.write(fd, key)
        drain(fd, 0.1)
    results["actions"] = timed_keys(fd, [b"\x1b[B"] * 20)
    results["memory"] = first_screen.finish(program, b"\x11", wait=0.3) / 1024
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--binary", default=os.path.join(HERE, "..", ".build", "release", "isp-wizard"))
    arguments = parser.parse_args()
    pooled = {"list": [], "form": [], "save": [], "step5": [], "actions": []}
    firsts, memories, sizes = [], [], []
    for _ in range(arguments.runs):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "register.isp.json")
            with open(path, "w") as handle:
                json.dump(session_with_register(arguments.rows), handle, ensure_ascii=False)
            result = run_once(arguments.binary, path, arguments.rows)
            sizes.append(os.path.getsize(path))
        if result["first"] is not None:
            firsts.append(result["first"])
        memories.append(result["memory"])
        for name in pooled:
            pooled[name] += [value * 1000 for value in result[name]]
    print(f"register of {arguments.rows} rows, session file {statistics.median(sizes) / 1024:.0f} KB, "
          f"{arguments.runs} runs")
    print(f"  first screen (the register)   {statistics.median(firsts):7.1f} ms   peak memory "
          f"{statistics.median(memories):5.1f} MiB")
    labels = {"list": "key on the list (↓, PgDn)", "form": "key typed in a row's form",
              "save": "Ctrl-S until Saved shows", "step5": "Tab on step 5 (1,000 entries)",
              "actions": "↓ on the action plan (300)"}
    for name, label in labels.items():
        values = sorted(pooled[name])
        if not values:
            print(f"  {label:<30} no measurement")
            continue
        print(f"  {label:<30} median {statistics.median(values):6.2f} ms, p99 {percentile(values, 0.99):6.2f} ms "
              f"({len(values)} keys)")


if __name__ == "__main__":
    main()
