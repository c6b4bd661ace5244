"""Time per training step of a parity run, on CPU and (when present) CUDA.

    python scripts/benchmark.py
    python scripts/benchmark.py --steps 500

For each device and dtype: milliseconds per step of a whole lockstep run
(both sides, the comparison and the re-seeding), for the XOR example and
for a larger problem, random:4096,64,8 with 256 hidden units.
"""

from __future__ import annotations

import argparse
import time

import torch

from parity import RunConfig, run

PROBLEMS = {"xor (4x3, 4 hidden)": dict(data="xor", hidden=4), "random:4096,64,8, 256 hidden": dict(data="random:4096,64,8", hidden=256)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=300)
    steps = parser.parse_args().steps
    devices = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    if "cuda" in devices:
        print("GPU:", torch.cuda.get_device_name(0))
    print(f"torch {torch.__version__}, {steps} steps a run")
    print(f"{'device':<6} {'dtype':<8} {'problem':<30} {'ms/step':>8}  verdict")
    for device in devices:
        for dtype in ("float32", "float64"):
            for name, problem in PROBLEMS.items():
                config = RunConfig(steps=steps, device=device, dtype=dtype, **problem)
                run(RunConfig(**{**config.to_dict(), "steps": 5}))  # warm-up
                started = time.perf_counter()
                report = run(config)
                ms = 1000 * (time.perf_counter() - started) / steps
                print(f"{device:<6} {dtype:<8} {name:<30} {ms:>8.3f}  {report.verdict}")


if __name__ == "__main__":
    main()
