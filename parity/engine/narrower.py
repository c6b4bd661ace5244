"""Arithmetic narrower than the run's dtype inside a port's step: torch.autocast, .half(), .bfloat16().

Such a step keeps its parameters and gradients in the run's dtype, so the records show nothing; only its operations'
results do. A port's first step runs under a TorchFunctionMode that notes every floating result narrower than the
run's dtype. A float64 reference cannot then speak for that side: its float64 copy computes in float64, while the
program that ran rounded to 8 bits of mantissa. So where the sides differ beyond the tolerance, the difference is not
taken as rounding (compare.py), and the diagnosis says where it came from.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import torch
from torch.overrides import TorchFunctionMode


NARROWER = {"float32": (torch.float16, torch.bfloat16), "float64": (torch.float16, torch.bfloat16, torch.float32)}


class _Narrower(TorchFunctionMode):
    def __init__(self, narrower: tuple[torch.dtype, ...]) -> None:
        super().__init__()
        self.narrower, self.seen = narrower, set()

    def __torch_function__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        if torch.is_tensor(out) and out.dtype in self.narrower:
            self.seen.add(str(out.dtype).replace("torch.", ""))
        return out


@contextlib.contextmanager
def narrower_arithmetic(watch: bool, dtype: str = "float32") -> Iterator[list[str]]:
    """Yields a list filled, after the block, with the narrower float types its torch operations returned."""
    found: list[str] = []
    if not watch:
        yield found
        return
    mode = _Narrower(NARROWER.get(dtype, ()))
    with mode:
        yield found
    found.extend(sorted(mode.seen))
