"""What the kit's own processes share: signals held across a critical moment, how a process ended, in words, and
the run's child tied to the `parity` process that started it (it dies with it, and keeps its descriptors)."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator

INTERRUPTS = frozenset({signal.SIGINT, signal.SIGTERM})
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

_launcher: int | None = None  # the `parity` process this run's child reports to; None outside such a child
_kept: dict[int, tuple[tuple[int, int], str]] = {}  # the kit's descriptors: fd -> ((device, inode), what it is)


def die_with_parent(parent: int, lifeline: int) -> None:
    """This process is killed the moment `parent` (the `parity` process) ends, however it ends (SIGKILL included).

    Linux kills it on the spot (PR_SET_PDEATHSIG); elsewhere a thread waits for the end of `lifeline`, a pipe whose
    write end only the parent holds. Either way launcher_gone() is asked again before any output is replaced."""
    global _launcher
    _launcher = parent
    if end_with_parent(parent):
        os.close(lifeline)
    else:
        watch_lifeline(lifeline)


def end_with_parent(parent: int) -> bool:
    """Linux kills this process (SIGKILL) when `parent` ends, from now on; False where that cannot be asked."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):
        return False
    if os.getppid() != parent:  # it ended before the signal was asked for
        os.kill(os.getpid(), signal.SIGKILL)
    return True


def watch_lifeline(lifeline: int) -> None:
    """Kill this process when the pipe `lifeline` reads its end: the process holding the write end has gone."""

    def watch() -> None:
        try:
            while os.read(lifeline, 1):
                pass
        except OSError:
            return  # user code closed it: launcher_gone() still guards the outputs
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="parity-lifeline", daemon=True).start()


def launcher_gone() -> bool:
    """In the run's child: the `parity` process that would report its verdict has gone (its outputs must not appear)."""
    return _launcher is not None and os.getppid() != _launcher


def keep_descriptor(fd: int, what: str) -> None:
    """Note a descriptor the kit needs to the end, so that lost_descriptors() can tell when user code closed it."""
    stat = os.fstat(fd)
    _kept[fd] = ((stat.st_dev, stat.st_ino), what)


def lost_descriptors() -> list[str]:
    """The kept descriptors that are closed, or now name another file, as "fd N (what it was)"."""
    lost = []
    for fd, (identity, what) in _kept.items():
        try:
            stat = os.fstat(fd)
        except OSError:
            stat = None
        if stat is None or (stat.st_dev, stat.st_ino) != identity:
            lost.append(f"{fd} ({what})")
    return lost


@contextlib.contextmanager
def signals_held(signals: frozenset[int] = INTERRUPTS) -> Iterator[None]:
    """The signals wait until the block ends and are delivered then, where this thread can hold them.

    A process started inside the block inherits the mask: CPython starts its resource tracker this way, so
    a new interpreter never dies of Ctrl-C half-way through its imports."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread; another thread's mask would hold nothing there
        return
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    except (AttributeError, ValueError, OSError):  # no pthread_sigmask (Windows)
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def release_held_signals(signals: frozenset[int] = INTERRUPTS) -> None:
    """In a process started inside signals_held: stop holding what its parent held."""
    with contextlib.suppress(AttributeError, ValueError, OSError):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, signals)


def ended(exitcode: int) -> str:
    """A process's end in words, from multiprocessing's exit code (negative: the signal that killed it)."""
    if exitcode >= 0:
        return f"exit status {exitcode}"
    try:
        return f"killed by {signal.Signals(-exitcode).name}"
    except ValueError:
        return f"killed by signal {-exitcode}"
