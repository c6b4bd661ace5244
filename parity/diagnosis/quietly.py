"""A reading that builds the programs afresh and steps them again, run where a program may not allow it."""

from __future__ import annotations

from typing import Any


def quietly(reading, *args) -> Any:
    """The reading's result; None where a program cannot be built or stepped again (it reads a file once, it keeps
    global state): the stage alone is said."""
    try:
        return reading(*args)
    except Exception:  # noqa: BLE001 - any failure of the user's code here leaves the stage's own finding
        return None
