"""Which optimizer state of the port the NumPy program keeps too: --state KIND=EXPR, or found by name."""

from __future__ import annotations

from typing import Any

import torch

from parity.errors import InputError


# torch.optim's state keys, and the names a NumPy program keeps the same state under (a dict keyed like the parameters)
STATE_NAMES = {"adam": {"exp_avg": ("m", "exp_avg", "first_moment", "m1", "mom"), "exp_avg_sq": ("v", "exp_avg_sq", "second_moment", "m2")},
               "sgd": {"momentum_buffer": ("velocity", "momentum", "momentum_buffer", "buf", "v", "vel")}}


def paired_state(net: Any, optimizer: Any, given: tuple[str, ...]) -> dict[str, str]:
    """torch's optimizer state key -> an expression for the NumPy program's dict of the same state: as --state gives,
    else found by name (m and v for Adam's moments, velocity for a momentum) on a dict the program keeps."""
    if given:
        found = {}
        for text in given:
            kind, equals, expression = text.partition("=")
            if not equals or not kind.strip() or not expression.strip():
                raise InputError(f"--state {text!r}: expected KIND=EXPR, e.g. exp_avg=net.m")
            found[kind.strip()] = expression.strip().removeprefix("net.")
        return found
    kind = ("adam" if isinstance(optimizer, (torch.optim.Adam, torch.optim.AdamW))
            else "sgd" if isinstance(optimizer, torch.optim.SGD) and optimizer.defaults.get("momentum") else None)
    held = {name: value for name, value in (vars(net).items() if hasattr(net, "__dict__") else ()) if isinstance(value, dict)}
    return {key: next(n for n in names if n in held) for key, names in STATE_NAMES.get(kind, {}).items()
            if any(n in held for n in names)}
