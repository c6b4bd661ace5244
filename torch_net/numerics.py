"""Device choice and the global numeric switches a parity run depends on."""

from __future__ import annotations

import contextlib
import os
from typing import Iterator

import torch


def resolve_device(name: str) -> torch.device:
    """'auto' is CUDA when present, else CPU; asking for absent CUDA is an error."""
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name == "cuda" and not torch.cuda.is_available():
        raise ValueError("--device cuda was asked for, but CUDA is not available here; use cpu or auto")
    if name not in ("cpu", "cuda"):
        raise ValueError(f"unknown device {name!r}; expected cpu, cuda or auto")
    return torch.device(name)


@contextlib.contextmanager
def numerics(allow_tf32: bool = False, deterministic: bool = False) -> Iterator[None]:
    """TF32 off (unless asked for) and optional deterministic algorithms.

    These are process-wide switches: they are restored on exit, so a run
    leaves the caller's torch as it found it.
    """
    saved = (
        torch.backends.cuda.matmul.allow_tf32,
        torch.backends.cudnn.allow_tf32,
        torch.are_deterministic_algorithms_enabled(),
    )
    if deterministic:
        # cuBLAS is only deterministic with a fixed workspace.
        os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    torch.backends.cuda.matmul.allow_tf32 = allow_tf32
    torch.backends.cudnn.allow_tf32 = allow_tf32
    torch.use_deterministic_algorithms(deterministic)
    try:
        yield
    finally:
        torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32 = saved[:2]
        torch.use_deterministic_algorithms(saved[2])
