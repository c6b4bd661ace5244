"""What a run ran on: versions, device, and the numeric switches."""

from __future__ import annotations

import platform
from importlib.metadata import version

import numpy as np
import torch


def environment(device: torch.device, allow_tf32: bool, deterministic: bool) -> dict:
    env = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "numpy": np.__version__,
        "torch": torch.__version__,
        "click": version("click"),
        "device": str(device),
        "device_name": torch.cuda.get_device_name(device) if device.type == "cuda" else platform.processor() or "cpu",
        "cuda_available": torch.cuda.is_available(),
        "tf32_matmul": bool(torch.backends.cuda.matmul.allow_tf32) if device.type == "cuda" else False,
        "tf32_requested": allow_tf32,
        "deterministic": deterministic,
    }
    env["threads"] = torch.get_num_threads()
    env["blas"] = blas()
    if device.type == "cuda":
        env["cuda"] = torch.version.cuda
    return env


def blas() -> str:
    """The BLAS NumPy was built with, where it says."""
    try:
        info = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return f"{info.get('name', '?')} {info.get('version', '')}".strip()
    except Exception:  # older NumPy: no dict form
        return "unknown"
