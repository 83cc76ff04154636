#!/usr/bin/env python3
"""Time `isp-wizard merge` of many partners' self-assessments into one workshop, and its peak memory.

Makes a workshop file, then one self-assessment per partner with `new --for` (the first one) and copies of it
with their own participant ids, organisations and a rating of every prompt, written as JSON. Then times a merge
into a new output, a second `--update` of the same files (every one skipped), and an `--update` after every
file became newer (every one replaced).

    swift build -c release && python3 Benchmarks/merge.py [--partners 1000] [--runs 5]
        [--binary .build/release/isp-wizard]
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import tempfile
import time
import uuid

SECTORS = ["government", "business", "civil-society", "donor", "other"]


def run(command, cwd, status=0):
    """Runs a command that should end with `status`; returns its wall time in seconds and peak memory in KB."""
    report = os.path.join(cwd, ".time")
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v", "-o", report] + command, cwd=cwd, capture_output=True,
                            text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != status:
        raise SystemExit(f"{' '.join(command[:3])} … failed: {result.stderr.strip()}")
    with open(report) as handle:
        rss = next(int(line.split(":")[1]) for line in handle if "Maximum resident set size" in line)
    return elapsed, rss


def make_files(binary, folder, partners, prompt_ids):
    workshop = {
        "format": "isp-wizard-session", "schemaVersion": 2, "partnershipID": str(uuid.uuid4()), "round": 1,
        "partnership": {"name": "Youth Jobs Cochabamba", "focalIssue": "Jóvenes sin empleo"},
        "mode": "workshop", "facilitator": "Ana", "organisation": "", "participantID": str(uuid.uuid4()),
        "participants": [], "guide": {"id": "usaid-isp-startup", "edition": "1"},
        "createdAt": "2026-11-20T10:00:00Z", "updatedAt": "2026-11-20T10:00:00Z", "answers": {}, "records": {},
    }
    with open(os.path.join(folder, "workshop.isp.json"), "w") as handle:
        json.dump(workshop, handle)
    first = subprocess.run([binary, "new", "--mode", "self-assessment", "--for", "workshop.isp.json",
                            "--organisation", "Partner 0", "--sector", "business"],
                           cwd=folder, capture_output=True, text=True, check=True).stdout.strip()
    with open(os.path.join(folder, first)) as handle:
        template = json.load(handle)
    randomness = random.Random(1)
    paths = []
    for number in range(partners):
        session = dict(template)
        session["participantID"] = str(uuid.uuid4())
        session["organisation"] = f"Partner {number} — Asociación Ñandú 合作社"
        session["sector"] = SECTORS[number % len(SECTORS)]
        session["updatedAt"] = "2026-11-25T10:00:00Z"
        # Every prompt rated, one in four with a note: 1,000 partners with a note on every answer would make a
        # workshop larger than the 4 MB isp-wizard opens, and merge refuses to write it.
        session["answers"] = {
            prompt: {"rating": randomness.choice(["0", "1", "2", "3", "4", "n/a", "?"]),
                     "notes": f"Nota {number}: café 水" if index % 4 == 0 else ""}
            for index, prompt in enumerate(prompt_ids)
        }
        path = f"partner-{number:04}.isp.json"
        with open(os.path.join(folder, path), "w") as handle:
            json.dump(session, handle, ensure_ascii=False, indent=2)
        paths.append(path)
    return paths


def touch_all(folder, paths, day):
    """Makes every self-assessment newer, as if each partner had changed an answer on that day of November."""
    for path in paths:
        full = os.path.join(folder, path)
        with open(full) as handle:
            session = json.load(handle)
        session["updatedAt"] = f"2026-11-{day}T10:00:00Z"
        with open(full, "w") as handle:
            json.dump(session, handle, ensure_ascii=False, indent=2)


def describe(name, samples):
    times = [sample[0] for sample in samples]
    rss = max(sample[1] for sample in samples)
    print(f"{name:<44} median {statistics.median(times):.3f} s  min {min(times):.3f} s  max {max(times):.3f} s"
          f"  peak memory {rss / 1024:.1f} MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--partners", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", default=".build/release/isp-wizard")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    guide = json.loads(subprocess.run([binary, "guide"], capture_output=True, text=True, check=True).stdout)
    prompt_ids = [prompt["id"] for phase in guide["phases"] for step in phase["steps"] for prompt in step["prompts"]]

    with tempfile.TemporaryDirectory() as folder:
        paths = make_files(binary, folder, arguments.partners, prompt_ids)
        size = sum(os.path.getsize(os.path.join(folder, path)) for path in paths)
        print(f"{arguments.partners} self-assessments, {len(prompt_ids)} ratings each, {size / 1e6:.1f} MB in all")
        fresh = []
        for _ in range(arguments.runs):
            output = os.path.join(folder, "merged.isp.json")
            if os.path.exists(output):
                os.unlink(output)
            fresh.append(run([binary, "merge", "workshop.isp.json"] + paths + ["--output", "merged.isp.json"],
                             folder))
        print(f"output: {os.path.getsize(os.path.join(folder, 'merged.isp.json')) / 1e6:.1f} MB")
        describe("merge into a new output", fresh)
        update = [binary, "merge"] + paths + ["--output", "merged.isp.json", "--update"]
        # Every file merged already: nothing is written, and the workshop is said to be up to date.
        describe("merge --update, every file skipped", [run(update, folder) for _ in range(arguments.runs)])
        replaced = []
        for run_number in range(arguments.runs):
            touch_all(folder, paths, 26 + run_number)
            replaced.append(run(update, folder))
        describe("merge --update, every file replaced", replaced)


if __name__ == "__main__":
    main()
