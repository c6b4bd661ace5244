"""Refusing, before allocating, what cannot fit in this machine's memory.

An input that asks for 74 GiB (random:100000000,100), a header that
promises 7 PiB, or --hidden 1000000000 must be one clear line at once,
not a MemoryError after minutes of swapping or a machine brought down.
The figures are lower bounds: a run that is refused could never have fit.
"""

from __future__ import annotations

import os

from parity.errors import InputError


def available_bytes() -> int | None:
    """Memory this process could still take: MemAvailable on Linux, else physical memory, else unknown."""
    try:
        with open("/proc/meminfo") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def check_fits(needed: int, what: str, remedy: str) -> None:
    """One InputError when `needed` bytes exceed the memory available; `what` names the input asking for them."""
    available = available_bytes()
    if available is not None and needed > available:
        raise InputError(f"{what} needs at least {human(needed)} of memory, and this machine has {human(available)} free: {remedy}")


def human(size: float) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB", "PiB"):
        if size < 1024 or unit == "PiB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")
