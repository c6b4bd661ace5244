"""What the kit's own processes share: signals held across a critical moment, and how a process ended, in words."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

INTERRUPTS = frozenset({signal.SIGINT, signal.SIGTERM})


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
