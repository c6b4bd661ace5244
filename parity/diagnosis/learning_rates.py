"""The learning rate a NumPy program as written steps with, read off the program itself: an attribute of its objects
(self.lr, self.learning_rate, self.eta) or a module constant its methods read (LR, LEARNING_RATE). Where every
parameter's update is one factor times the port's and the two learning rates are one number, the factor is not the
learning rate: it is in the gradients."""

from __future__ import annotations

import inspect
from typing import Any

RATE_NAMES = {"lr", "learning_rate", "eta", "step_size", "alpha", "learningrate"}


def numpy_learning_rate(names: dict[str, Any]) -> float | None:
    """The one learning rate the program's scope, its objects and their methods' modules name, or None (none, or two
    that differ)."""
    found: set[float] = set()
    for name, value in names.items():
        _add(found, name, value)
        for attribute, held in getattr(value, "__dict__", {}).items() if not inspect.ismodule(value) else ():
            _add(found, attribute, held)
        for _, method in inspect.getmembers(type(value), inspect.isfunction) if not inspect.ismodule(value) else ():
            for constant, held in method.__globals__.items():
                if constant in method.__code__.co_names:
                    _add(found, constant, held)
    return found.pop() if len(found) == 1 else None


def _add(found: set[float], name: str, value: Any) -> None:
    if name.lower().strip("_") in RATE_NAMES and isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        found.add(float(value))
