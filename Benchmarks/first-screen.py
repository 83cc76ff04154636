#!/usr/bin/env python3
"""Time to first screen, peak memory, keystroke-to-screen latency and paste time, measured on a pseudo-terminal,
side by side with dialog and whiptail.

Runs each program in an 80x24 pseudo-terminal under /usr/bin/time -v and waits for a text of its first screen. For
isp-wizard it then types keys one at a time, waiting for each redraw (in short notes, and at the end of 100 KB of
notes), and pastes 100 KB into empty notes, then quits. Measure the build the README installs:

    swift build -c release --static-swift-stdlib
    python3 Benchmarks/first-screen.py [--runs 11] [--binary .build/release/isp-wizard]
"""
import argparse
import fcntl
import json
import os
import pty
import select
import shutil
import statistics
import struct
import subprocess
import tempfile
import termios
import time


def read_until(fd, marker, timeout=10.0):
    """Reads the pty until `marker` appears; returns the seconds it took, or None."""
    start = time.perf_counter()
    seen = b""
    while time.perf_counter() - start < timeout:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                return None
            if marker in seen:
                return time.perf_counter() - start
    return None


def drain(fd, wait=0.05):
    """Reads until the program has written nothing for `wait` seconds; returns when it last wrote."""
    last = None
    while select.select([fd], [], [], wait)[0]:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
        last = time.perf_counter()
    return last


def paste(fd, text, marker):
    """Sends a bracketed paste while reading what the program draws; returns the seconds until `marker`, the end of
    the text, is on screen."""
    data = b"\x1b[200~" + text.encode() + b"\x1b[201~"
    start = time.perf_counter()
    seen = b""
    sent = 0
    while sent < len(data):
        readable, writable, _ = select.select([fd], [fd], [], 1.0)
        if readable:
            seen += os.read(fd, 65536)
        if writable:
            sent += os.write(fd, data[sent:sent + 4096])
    if marker not in seen and read_until(fd, marker) is None:
        return None
    elapsed = time.perf_counter() - start
    drain(fd)
    return elapsed


def start(command, rows=24, columns=80):
    """Starts `command` under /usr/bin/time -v on a pseudo-terminal of the given size; returns a running program for
    `finish`: its pid, the terminal and the file the peak memory goes to, and the time it started."""
    report = tempfile.NamedTemporaryFile(delete=False)
    report.close()
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["LANG"] = "C.UTF-8"
        # The sessions a run opens are not the user's: they stay out of the user's list of recent sessions.
        os.environ["XDG_STATE_HOME"] = os.path.join(tempfile.gettempdir(), "isp-wizard-benchmark-state")
        os.execvp("/usr/bin/time", ["/usr/bin/time", "-v", "-o", report.name] + command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    return pid, fd, report.name, started


def finish(program, quit_keys, wait=0.2):
    """Quits a program `start` started; returns its peak memory in KiB."""
    pid, fd, report, _ = program
    os.write(fd, quit_keys)
    drain(fd, wait)
    os.waitpid(pid, 0)
    os.close(fd)
    with open(report) as handle:
        rss = next(int(line.split(":")[1]) for line in handle if "Maximum resident set size" in line)
    os.unlink(report)
    return rss


def run_once(command, marker, quit_keys, keys=b"", before_keys=(), pasted=None):
    """One run: returns the seconds to the first screen, the peak memory in KiB, each key's latency in seconds and
    the paste's time."""
    program = start(command)
    fd, started = program[1], program[3]
    first = read_until(fd, marker)
    first_screen = None if first is None else time.perf_counter() - started
    drain(fd)
    for key in before_keys:
        os.write(fd, key)
        drain(fd, 0.02)
    latencies = []
    for key in keys:
        sent = time.perf_counter()
        os.write(fd, bytes([key]))
        if select.select([fd], [], [], 2.0)[0]:
            os.read(fd, 65536)
            latencies.append(time.perf_counter() - sent)
        # Long enough that a save made due by the typing (after the key is drawn) is over before the next key.
        drain(fd, 0.05)
    paste_time = None if pasted is None else paste(fd, pasted, END_OF_NOTES.encode())
    return first_screen, finish(program, quit_keys), latencies, paste_time


def measure(runs, command, marker, quit_keys, **extra):
    """Medians over the runs: first screen (ms), peak memory (MiB), keys (ms, all runs pooled) and paste (ms)."""
    firsts, memories, latencies, pastes = [], [], [], []
    for _ in range(runs):
        first, rss, keyed, paste_time = run_once(command, marker, quit_keys, **extra)
        if first is not None:
            firsts.append(first * 1000)
        memories.append(rss / 1024)
        latencies += [value * 1000 for value in keyed]
        if paste_time is not None:
            pastes.append(paste_time * 1000)
    return {
        "first": statistics.median(firsts) if firsts else None,
        "memory": statistics.median(memories),
        "keys": sorted(latencies),
        "paste": statistics.median(pastes) if pastes else None,
    }


def percentile(values, fraction):
    return values[min(int(len(values) * fraction), len(values) - 1)]


def startup(runs, command):
    """Median milliseconds of a command that prints and exits (no terminal)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


END_OF_NOTES = "[end of notes]"


def long_notes(size=100_000):
    """`size` bytes of notes: paragraphs of one to nine sentences in French, Chinese, Spanish, Korean and Portuguese,
    then END_OF_NOTES."""
    sentences = [
        "Les ministères et les ONG se réunissent chaque mois à la mairie.",
        "政府和企业共同承担水资源管理的责任。",
        "La Asociación Ñandú convoca a los jóvenes del valle.",
        "물 관리 협의회는 매달 모입니다.",
        "Água para todos: a municipalidade lidera e as empresas financiam.",
    ]
    paragraphs, total, number = [], 0, 0
    while total < size:
        paragraph = " ".join(sentences[(number + index) % len(sentences)] for index in range(1 + number % 9))
        paragraphs.append(paragraph)
        total += len(paragraph.encode()) + 1
        number += 1
    text = "\n".join(paragraphs).encode()[:size - len(END_OF_NOTES)].decode(errors="ignore")
    return text + END_OF_NOTES


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--binary", default=".build/release/isp-wizard")
    arguments = parser.parse_args()
    binary = arguments.binary
    folder = tempfile.mkdtemp()
    os.environ["XDG_DATA_HOME"] = folder
    # A session to open, created through the wizard itself, then reopened on each run.
    session = os.path.join(folder, "bench.isp.json")
    run_once([binary, "new", "--file", session, "--name", "Água 水"], b"About this partnership", b"\x11")
    with open(session) as handle:
        document = json.load(handle)
    notes = long_notes()
    document["answers"] = {"s1.q1": {"notes": notes}}
    document["position"] = {"screen": "question", "stepID": "s1", "promptID": "s1.q1"}
    long_session = os.path.join(folder, "long.isp.json")
    with open(long_session, "w") as handle:
        json.dump(document, handle)
    document["answers"] = {}
    empty_session = os.path.join(folder, "empty.isp.json")
    with open(empty_session, "w") as handle:
        json.dump(document, handle)

    typing = b"abcdefghij klmnopqrst uvwxyz " * 2
    runs = arguments.runs
    wizard = measure(runs, [binary, "open", session], b"About this partnership", b"\x11", keys=typing)
    # In Spanish: the catalog's rows and the guide's translation are read at start.
    spanish = measure(runs, [binary, "open", session, "--lang", "es"], "Sobre esta alianza".encode(), b"\x11",
                      keys=typing)
    # Tab to the notes; PgUp into the middle of the 100 KB, then type there.
    long = measure(runs, [binary, "open", long_session], b"Question 1 of 4", b"\x11",
                   before_keys=[b"\t"] + [b"\x1b[5~"] * 100, keys=typing)
    pasting = measure(runs, [binary, "open", empty_session], b"Question 1 of 4", b"\x11", before_keys=[b"\t"],
                      pasted=notes)
    others = {
        name: measure(runs, [name, "--inputbox", "Partnership name", "8", "40"], b"Partnership name", b"\x1b")
        for name in ["dialog", "whiptail"] if shutil.which(name)
    }
    dialog_first = others["dialog"]["first"] if "dialog" in others else None

    def ratio(value):
        return f" ({value / dialog_first:.2f}x dialog)" if dialog_first else ""

    print(f"{runs} runs each, 80x24 pty, medians; {os.path.relpath(binary)}")
    for name, result in others.items():
        print(f"{name + ' --inputbox':<36} first screen {result['first']:6.1f} ms   peak memory {result['memory']:5.1f} MiB")
    print(f"{'isp-wizard open':<36} first screen {wizard['first']:6.1f} ms{ratio(wizard['first'])}   "
          f"peak memory {wizard['memory']:5.1f} MiB")
    keys = wizard["keys"]
    print(f"{'  key in short notes':<36} median {statistics.median(keys):5.2f} ms, p99 {percentile(keys, 0.99):5.2f} ms "
          f"over {len(keys)} keys")
    print(f"{'isp-wizard open --lang es':<36} first screen {spanish['first']:6.1f} ms{ratio(spanish['first'])}   "
          f"peak memory {spanish['memory']:5.1f} MiB")
    keys = spanish["keys"]
    print(f"{'  key in short notes':<36} median {statistics.median(keys):5.2f} ms, p99 {percentile(keys, 0.99):5.2f} ms "
          f"over {len(keys)} keys")
    print(f"{'isp-wizard, 100 KB of notes':<36} first screen {long['first']:6.1f} ms   "
          f"peak memory {long['memory']:5.1f} MiB")
    keys = long["keys"]
    print(f"{'  key at 100 KB':<36} median {statistics.median(keys):5.2f} ms, p99 {percentile(keys, 0.99):5.2f} ms "
          f"over {len(keys)} keys")
    print(f"{'  100 KB bracketed paste':<36} settles in {pasting['paste']:6.1f} ms   "
          f"peak memory {pasting['memory']:5.1f} MiB")
    help_time = startup(runs * 2, [binary, "--help"])
    line = f"{'isp-wizard --help':<36} {help_time:6.1f} ms"
    if shutil.which("dialog"):
        line += f"   (dialog --version {startup(runs * 2, ['dialog', '--version']):4.1f} ms)"
    print(line)


if __name__ == "__main__":
    main()
