#!/usr/bin/env python3
"""Time `isp-wizard report` of a large workshop in every format.

Writes a workshop session of many participants from every sector (Latin, accented and CJK names), each rating
every question with a note on one in three, a consensus with its reason on every other question, group notes on
every question and an action plan in its records; then times `report FILE --format F --output …` for each
format: the whole command, reading the session included.

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
    """A workshop session as isp-wizard writes it (schema 2)."""
    rng = random.Random(seed)
    people = [{"id": f"p{index}", "name": f"{NAMES[index % len(NAMES)]} {index}",
               "organisation": f"Organización {index} 水务", "sector": SECTORS[index % len(SECTORS)]}
              for index in range(participants)]
    answers = {}
    for number, prompt in enumerate(prompts):
        voices = {}
        for index, person in enumerate(people):
            note = f"Nota de {person['name']}: el acceso al agua, 社区参与 ({prompt})." if index % 3 == 0 else ""
            voices[person["id"]] = {"rating": str(rng.randint(0, 4)), "note": note}
        answer = {"notes": f"Group notes on {prompt}: café, 水, naïve.\nA second line.", "voices": voices}
        if number % 2 == 0:
            answer["rating"] = str(rng.randint(1, 4))
            answer["reason"] = "The municipality convenes; 大家同意."
        answers[prompt] = answer
    actions = [{"action": f"Acción {index}: convocar a los socios", "owner": people[index % participants]["name"],
                "due": f"2027-0{1 + index % 9}-15", "status": "open"} for index in range(12)]
    return {
        "format": "isp-wizard-session", "schemaVersion": 2, "partnershipID": "bench-partnership", "round": 1,
        "partnership": {"name": "Agua para Todos 水", "focalIssue": "Acceso al agua en Cochabamba"},
        "mode": "workshop", "facilitator": "Rosa Méndez", "organisation": "", "participantID": "bench-self",
        "participants": people, "guide": {"id": "usaid-isp-startup", "edition": "1"},
        "createdAt": "2026-11-20T10:00:00Z", "updatedAt": "2026-11-21T16:30:00Z", "answers": answers,
        "records": {"actions": actions},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--binary", default=".build/release/isp-wizard")
    parser.add_argument("--keep", help="write the session and the reports in this folder and keep them")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    folder = arguments.keep or tempfile.mkdtemp(prefix="isp-wizard-report-")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "workshop.isp.json")
    with open(path, "w") as handle:
        json.dump(session(prompt_ids(binary), arguments.participants), handle, ensure_ascii=False)
    print(f"{arguments.participants} participants, {os.path.getsize(path) / 1024:.0f} KB session, "
          f"median of {arguments.runs} runs of the whole command:")
    for report_format in FORMATS:
        output = os.path.join(folder, f"workshop.record.{report_format}")
        times = []
        for _ in range(arguments.runs):
            start = time.perf_counter()
            subprocess.run([binary, "report", path, "--format", report_format, "--output", output], check=True)
            times.append(time.perf_counter() - start)
        size = os.path.getsize(output) / 1024
        print(f"  {report_format:8} {statistics.median(times) * 1000:7.1f} ms  {size:7.0f} KB")


if __name__ == "__main__":
    main()
