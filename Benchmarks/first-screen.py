#!/usr/bin/env python3
"""Time from start to first screen, keystroke-to-screen latency and peak memory, measured on a pseudo-terminal.

Runs each program in an 80x24 pseudo-terminal under /usr/bin/time -v, waits for a text of its first screen,
then (for isp-wizard) types keys one at a time and waits for each redraw, then quits it.

    python3 Benchmarks/first-screen.py [--runs 20] [--binary .build/release/isp-wizard]
"""
import argparse
import json
import fcntl
import os
import pty
import select
import statistics
import struct
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
    while select.select([fd], [], [], wait)[0]:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def run_once(command, marker, quit_keys, keys=b""):
    report = tempfile.NamedTemporaryFile(delete=False)
    report.close()
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["LANG"] = "C.UTF-8"
        os.execvp("/usr/bin/time", ["/usr/bin/time", "-v", "-o", report.name] + command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    first = read_until(fd, marker)
    first_screen = None if first is None else time.perf_counter() - start
    latencies = []
    drain(fd)
    for key in keys:
        sent = time.perf_counter()
        os.write(fd, bytes([key]))
        if select.select([fd], [], [], 2.0)[0]:
            os.read(fd, 65536)
            latencies.append(time.perf_counter() - sent)
        drain(fd, 0.005)
    os.write(fd, quit_keys)
    drain(fd, 0.2)
    os.waitpid(pid, 0)
    os.close(fd)
    with open(report.name) as handle:
        rss = next(int(line.split(":")[1]) for line in handle if "Maximum resident set size" in line)
    os.unlink(report.name)
    return first_screen, rss, latencies


def describe(name, runs, command, marker, quit_keys, keys=b""):
    firsts, rss_values, latencies = [], [], []
    for _ in range(runs):
        first, rss, keyed = run_once(command, marker, quit_keys, keys)
        if first is not None:
            firsts.append(first * 1000)
        rss_values.append(rss / 1024)
        latencies += [value * 1000 for value in keyed]
    line = (f"{name:<34} first screen median {statistics.median(firsts):6.1f} ms "
            f"(min {min(firsts):5.1f}, max {max(firsts):5.1f}); peak memory median {statistics.median(rss_values):5.1f} MiB")
    if latencies:
        latencies.sort()
        line += (f"; key to screen median {statistics.median(latencies):4.2f} ms, "
                 f"p95 {latencies[int(len(latencies) * 0.95)]:4.2f} ms over {len(latencies)} keys")
    print(line)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--binary", default=".build/release/isp-wizard")
    arguments = parser.parse_args()
    folder = tempfile.mkdtemp()
    session = os.path.join(folder, "bench.isp.json")
    os.environ["XDG_DATA_HOME"] = folder
    # A session to open, created through the wizard itself, then reopened on each run.
    run_once([arguments.binary, "new", "--file", session, "--name", "Água 水"], b"About this partnership", b"\x11")
    typing = b"abcdefghij klmnopqrst uvwxyz " * 2
    describe(f"isp-wizard ({os.path.basename(os.path.dirname(arguments.binary))})", arguments.runs,
             [arguments.binary, "open", session], b"About this partnership", b"\x11", typing)
    # The same typing at the end of long notes (20,000 characters), which are wrapped again on every key.
    with open(session) as handle:
        document = json.load(handle)
    document["answers"] = {"s1.q1": {"notes": ("Les ministères et les ONG 政府和企业 " * 700)[:20000]}}
    document["position"] = {"screen": "question", "stepID": "s1", "promptID": "s1.q1"}
    long_session = os.path.join(folder, "long.isp.json")
    with open(long_session, "w") as handle:
        json.dump(document, handle)
    describe("isp-wizard, 20,000-character notes", arguments.runs, [arguments.binary, "open", long_session],
             b"Question 1 of 4", b"\x11", b"\t" + typing)
    describe("dialog --inputbox", arguments.runs,
             ["dialog", "--inputbox", "Partnership name", "8", "40"], b"Partnership name", b"\x1b")


if __name__ == "__main__":
    main()
