#!/usr/bin/env python3
"""Median ms from spawning the reader in a 200x60 pty until MARKER is on screen, then `q`.

Usage: scripts/first-frame.py BINARY MARKER RUNS [ARGS...]
"""
import fcntl, os, pty, select, signal, statistics, struct, sys, termios, time

binary, marker, runs, args = sys.argv[1], sys.argv[2].encode(), int(sys.argv[3]), sys.argv[4:]
times = []
for _ in range(runs):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))
        os.execv(binary, [binary, *args])
    seen, shown = b"", None
    while shown is None and time.perf_counter() - start < 10:
        if select.select([fd], [], [], 0.5)[0]:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            if marker in seen:
                shown = time.perf_counter() - start
    os.write(fd, b"q")
    exited, deadline = False, time.time() + 3
    while not exited and time.time() < deadline:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
        exited = os.waitpid(pid, os.WNOHANG)[0] != 0
    if not exited:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    if shown is not None:
        times.append(shown * 1000)
print("%.2f" % statistics.median(times) if times else "no frame seen")
