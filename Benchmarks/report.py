#!/usr/bin/env python3
"""Time `isp-wizard report` of a large workshop in every format.

Writes a workshop session of many participants from every sector (Latin, accented and CJK names), each rating
every question with a note on one in three, a consensus with its reason on every other question, group notes on
every question and an action plan in its records; then times `report FILE --format F --output …` for each
format: the whole command, reading the session included. Each format is timed side by side with the same format's
report of an empty session (no participants, no answers: the process's start and the report's frame), and the
ratio of the two is printed.

    swift build -c release && python3 Benchmarks/report.py [--participants 40] [--runs 7]
        [--binary .build/release/isp-wizard] [--keep FOLDER]
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import tempfile
import time

SECTORS = ["government", "business", "civil-society", "donor", "other"]
NAMES = ["Ana Núñez", "李华", "Bea Costa", "Grace Achieng", "Otieno", "김민준", "Zoë Ørsted", "王小明"]
FORMATS = ["text", "markdown", "html", "csv", "json"]


def prompt_ids(binary):
    guide = json.loads(subprocess.run([binary, "guide"], capture_output=True, text=True, check=True).stdout)
    return [prompt["id"] for phase in guide["phases"] for step in phase["steps"] for prompt in step["prompts"]]


def session(prompts, participants, seed=7):
    """A workshop session as isp-wizard writes it (schema 2); with no participants, an empty one."""
    rng = random.Random(seed)
    people = [{"id": f"p{index}", "name": f"{NAMES[index % len(NAMES)]} {index}",
               "organisation": f"Organización {index} 水务", "sector": SECTORS[index % len(SECTORS)]}
              for index in range(participants)]
    answers = {}
    for number, prompt in enumerate(prompts if people else []):
        voices = {}
        for index, person in enumerate(people):
            note = f"Nota de {person['name']}: el acceso al agua, 社区参与 ({prompt})." if index % 3 == 0 else ""
            voices[person["id"]] = {"rating": str(rng.randint(0, 4)), "note": note}
        answer = {"notes": f"Group notes on {prompt}: café, 水, naïve.\nA second line.", "voices": voices}
        if number % 2 == 0:
            answer["rating"] = str(rng.randint(1, 4))
            answer["reason"] = "The municipality convenes; 大家同意."
        answers[prompt] = answer
    actions = [] if not people else [{"action": f"Acción {index}: convocar a los socios",
                "owner": people[index % participants]["name"],
                "due": f"2027-0{1 + index % 9}-15", "status": "open"} for index in range(12)]
    return {
        "format": "isp-wizard-session", "schemaVersion": 2, "partnershipID": "bench-partnership", "round": 1,
        "partnership": {"name": "Agua para Todos 水", "focalIssue": "Acceso al agua en Cochabamba"},
        "mode": "workshop", "facilitator": "Rosa Méndez", "organisation": "", "participantID": "bench-self",
        "participants": people, "guide": {"id": "usaid-isp-startup", "edition": "1"},
        "createdAt": "2026-11-20T10:00:00Z", "updatedAt": "2026-11-21T16:30:00Z", "answers": answers,
        "records": {"actions": actions},
    }


def timed_report(binary, path, report_format, output):
    """Seconds the whole `report` command takes."""
    start = time.perf_counter()
    subprocess.run([binary, "report", path, "--format", report_format, "--output", output], check=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--binary", default=".build/release/isp-wizard")
    parser.add_argument("--keep", help="write the sessions and the reports in this folder and keep them")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    folder = arguments.keep or tempfile.mkdtemp(prefix="isp-wizard-report-")
    os.makedirs(folder, exist_ok=True)
    prompts = prompt_ids(binary)
    paths = {}
    for name, participants in (("empty", 0), ("workshop", arguments.participants)):
        paths[name] = os.path.join(folder, f"{name}.isp.json")
        with open(paths[name], "w") as handle:
            json.dump(session(prompts, participants), handle, ensure_ascii=False)
    print(f"{arguments.participants} participants, {os.path.getsize(paths['workshop']) / 1024:.0f} KB session, "
          f"median of {arguments.runs} runs of the whole command, beside an empty session's:")
    print(f"  {'format':8} {'workshop':>10} {'empty':>10} {'ratio':>6} {'report':>8}")
    for report_format in FORMATS:
        times = {"empty": [], "workshop": []}
        for _ in range(arguments.runs):
            for name, path in paths.items():
                output = os.path.join(folder, f"{name}.record.{report_format}")
                times[name].append(timed_report(binary, path, report_format, output))
        workshop, empty = (statistics.median(times[name]) for name in ("workshop", "empty"))
        size = os.path.getsize(os.path.join(folder, f"workshop.record.{report_format}")) / 1024
        print(f"  {report_format:8} {workshop * 1000:7.1f} ms {empty * 1000:7.1f} ms {workshop / empty:5.1f}x "
              f"{size:5.0f} KB")


if __name__ == "__main__":
    main()
