"""A section of the migration guide: NumPy lines, PyTorch lines, and a check that runs both.

The lines shown are the lines run: a section's check executes its NumPy
code and its PyTorch code, from the same data and weights, and compares the
names it lists. The guide cannot drift from what it claims.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np

TOLERANCE = 1e-12  # every check runs in float64: the two sides agree to rounding
SEED = 0


@dataclass(frozen=True)
class Section:
    name: str  # for --section
    title: str
    prose: str
    numpy_code: str
    torch_code: str
    compare: tuple[str, ...]  # names both pieces of code define, compared after they run

    @property
    def numpy_lines(self) -> str:
        return textwrap.dedent(self.numpy_code).strip("\n")

    @property
    def torch_lines(self) -> str:
        return textwrap.dedent(self.torch_code).strip("\n")


@dataclass(frozen=True)
class Checked:
    section: Section
    differences: dict[str, float]  # name -> max |numpy - torch|

    @property
    def largest(self) -> float:
        return max(self.differences.values(), default=0.0)

    @property
    def passed(self) -> bool:
        return self.largest <= TOLERANCE


def shared() -> dict:
    """What every section starts from: the XOR data and one set of initial weights, in float64."""
    import torch
    import torch.nn.functional as F
    from torch import nn

    rng = np.random.default_rng(SEED)
    X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=np.float64)
    y = np.array([[0], [1], [1], [0]], dtype=np.float64)
    weights = {"W1": rng.uniform(-1, 1, (3, 4)), "b1": rng.uniform(-1, 1, 4), "W2": rng.uniform(-1, 1, (4, 1)), "b2": rng.uniform(-1, 1, 1)}
    return {"np": np, "torch": torch, "nn": nn, "F": F, "X": X, "y": y, **weights}


def run_check(section: Section) -> Checked:
    """Run the section's NumPy and PyTorch code from the same start; the largest difference per compared name."""
    import torch

    torch.manual_seed(SEED)
    numpy_scope, torch_scope = shared(), shared()
    exec(compile(section.numpy_lines, f"<{section.name}: numpy>", "exec"), numpy_scope)
    exec(compile(section.torch_lines, f"<{section.name}: torch>", "exec"), torch_scope)
    differences = {}
    for name in section.compare:
        a = np.asarray(numpy_scope[name], dtype=np.float64)
        value = torch_scope[name]
        b = value.detach().cpu().double().numpy() if isinstance(value, torch.Tensor) else np.asarray(value, dtype=np.float64)
        differences[name] = float(np.abs(a - b).max()) if a.shape == b.shape else float("inf")
    return Checked(section, differences)
