"""What parity costs: the twins alone, a plain torch loop, parity runs, the machine's matmul rate, memory, start-up.

Every figure comes from one process and one machine, measured in the same
run, so the ratios mean something even on a loaded machine. `parity bench`
prints the table; `scripts/bench.py` is the same from a checkout.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch

from parity.config.config import RunConfig
from parity.engine import threads
from parity.engine.environment import blas
from parity.engine.loop import compare_run, run_steps
from parity.engine.setup import prepare


@dataclass(frozen=True)
class Problem:
    name: str
    data: str
    hidden: int
    steps: int  # steps each timing takes; the largest problems take few


PROBLEMS = (
    Problem("xor 4x3, hidden 4", "xor", 4, 400),
    Problem("random 1024x64, hidden 256", "random:1024,64", 256, 40),
    Problem("random 8192x784, hidden 1024, 10 out", "random:8192,784,10", 1024, 4),
)


def per_step(action: Callable[[], None], steps: int, repeats: int = 3) -> float:
    """Seconds a step, the best of a few repeats (after one warm-up step)."""
    action()
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(steps):
            action()
        best = min(best, (time.perf_counter() - started) / steps)
    return best


# A pause before each timing: OpenBLAS's idle threads spin for about 0.1 s after a call (unless OPENBLAS_THREAD_TIMEOUT
# was set before NumPy loaded), and would otherwise be timed as part of the next action's steps.
SETTLE_SECONDS = 0.15


def per_step_in_turn(actions: dict[str, Callable[[], None]], steps: int, repeats: int = 3) -> dict[str, float]:
    """Seconds a step of each action (each action takes `steps` steps), the best of a few repeats, after one warm-up
    each. Within a repeat the actions take turns, so that a load on the machine that comes and goes over the
    minute falls on all of them alike, and their ratios keep."""
    for action in actions.values():
        action()
    best = dict.fromkeys(actions, float("inf"))
    for _ in range(repeats):
        for name, action in actions.items():
            time.sleep(SETTLE_SECONDS)
            started = time.perf_counter()
            action()
            best[name] = min(best[name], (time.perf_counter() - started) / steps)
    return best


def matmul_rate(dtype: str, size: int = 1024) -> float:
    """This machine's matrix-multiply rate in GFLOP/s for dtype, NumPy's BLAS on a square product."""
    a = np.random.default_rng(0).standard_normal((size, size)).astype(dtype)
    seconds = per_step(lambda: a @ a, 5)
    return 2 * size**3 / seconds / 1e9


def step_flops(n: int, inputs: int, hidden: int, outputs: int) -> float:
    """Matrix-multiply FLOPs of one step: the forward products, then twice as many backward."""
    forward = 2 * n * (inputs * hidden + hidden * outputs)
    return 3 * forward


def plain_torch_loop(config: RunConfig, X: np.ndarray, y: np.ndarray, device: torch.device) -> Callable[[], None]:
    """The same network, loss and optimizer as a user writes them in torch: no kit code."""
    dtype = getattr(torch, config.dtype)
    model = torch.nn.Sequential(torch.nn.Linear(X.shape[1], config.hidden[0]), torch.nn.Sigmoid(),
                                torch.nn.Linear(config.hidden[0], y.shape[1]), torch.nn.Sigmoid()).to(device, dtype)
    optimizer = torch.optim.SGD(model.parameters(), lr=config.lr)
    Xt, yt = torch.tensor(X, device=device), torch.tensor(y, device=device)

    def step() -> None:
        optimizer.zero_grad()
        ((model(Xt) - yt) ** 2).sum().backward()
        optimizer.step()

    return step


CHECK_EVERY = 10  # the sparser lockstep run the benchmark also times: --check-every 10


def measure(problem: Problem, dtype: str, device: str = "cpu", check_every: int = CHECK_EVERY) -> dict:
    config = RunConfig(data=problem.data, hidden=problem.hidden, dtype=dtype, device=device, steps=problem.steps, lr=0.001)
    setup = prepare(config)
    numpy, torch_side = setup.make_sides()
    sync = torch.cuda.synchronize if device == "cuda" else (lambda: None)
    plain = plain_torch_loop(config, setup.data.X, setup.data.y, torch_side.X.device)
    free_setup = prepare(RunConfig(**{**config.to_dict(), "mode": "free"}))
    sparse_setup = prepare(RunConfig(**{**config.to_dict(), "check_every": check_every}))
    rtol, atol = config.tolerances
    elementwise = prepare(RunConfig(**{**config.to_dict(), "rtol": rtol, "atol": atol})) if dtype != "float64" else None

    def steps_of(*actions: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            for _ in range(problem.steps):
                for action in actions:
                    action()
            sync()
        return run

    seconds = per_step_in_turn({
        "numpy_twin": steps_of(lambda: numpy.trainer.step(numpy.X, numpy.y)),
        "torch_twin": steps_of(lambda: torch_side.trainer.step(torch_side.X, torch_side.y)),
        # both twins stepped in turn in one loop, no kit code: what taking turns on the caches costs by itself
        "alternated": steps_of(lambda: numpy.trainer.step(numpy.X, numpy.y), lambda: torch_side.trainer.step(torch_side.X, torch_side.y)),
        "plain": steps_of(plain),
        "lockstep": lambda: run_steps(setup),
        "one_after_the_other": lambda: _sides_in_turn(setup),
        "free": lambda: run_steps(free_setup),
        "sparse": lambda: run_steps(sparse_setup),
        **({"elementwise": lambda: run_steps(elementwise)} if elementwise else {}),
    }, problem.steps)
    numpy_twin, torch_twin, alternated, plain_loop = (seconds[k] for k in ("numpy_twin", "torch_twin", "alternated", "plain"))
    lockstep, free, sparse = seconds["lockstep"], seconds["free"], seconds["sparse"]
    plain_loops = numpy_twin + plain_loop  # the NumPy twin is a NumPy loop as a user writes it
    references = {mode: run_steps(s).references for mode, s in (("lockstep", setup), ("free", free_setup))}
    n, inputs = setup.data.X.shape
    flops = step_flops(n, inputs, problem.hidden, setup.data.y.shape[1])
    rate = matmul_rate(dtype)
    transfers = device_to_host_transfers(setup) if device == "cuda" else None
    return {
        "problem": problem.name, "data": problem.data, "dtype": dtype, "device": device,
        "numpy_twin_steps_per_s": 1 / numpy_twin, "torch_twin_steps_per_s": 1 / torch_twin, "plain_loop_steps_per_s": 1 / plain_loop,
        "parity_lockstep_steps_per_s": 1 / lockstep, "parity_free_steps_per_s": 1 / free,
        "overhead_lockstep": lockstep / (numpy_twin + torch_twin), "overhead_free": free / (numpy_twin + torch_twin),
        "vs_plain_loops": lockstep / plain_loops, "vs_plain_loops_check_every": sparse / plain_loops,
        "vs_plain_loops_one_after_the_other": seconds["one_after_the_other"] / plain_loops, "sides_at_once": threads.at_once(setup, *setup.make_sides()),
        # the same run judged element-wise alone (explicit tolerances take no float64 reference): what the reference costs
        "vs_plain_loops_elementwise_only": seconds.get("elementwise", lockstep) / plain_loops,
        "twins_alternated_steps_per_s": 1 / alternated, "alternation": alternated / (numpy_twin + torch_twin),
        "check_every": check_every, "overhead_lockstep_check_every": sparse / (numpy_twin + torch_twin),
        "torch_twin_vs_plain": torch_twin / plain_loop, "numpy_twin_vs_plain": numpy_twin / plain_loop,
        "numpy_gflops_fraction_of_matmul": flops / numpy_twin / 1e9 / rate,
        "torch_gflops_fraction_of_matmul": flops / torch_twin / 1e9 / rate,
        "matmul_gflops": rate,
        "device_to_host_per_checked_step": transfers,
        "float64_references": references,  # steps of the run that took the float64 reference, by mode
    }


def _sides_in_turn(setup) -> None:
    """A lockstep run with the two sides stepped one after the other, never at once: what stepping at once pays."""
    threads.concurrency = False
    try:
        run_steps(setup)
    finally:
        threads.concurrency = None


ORDERS = ("kit first", "numpy and torch first")
# the issue's targets, the parity run's time a step over the two plain loops', by problem: every step compared, and
# with --check-every 10 (from hidden 256 up)
TARGETS = {"xor": 1.75, "random:1024,64": 1.3, "random:8192,784,10": 1.15}
TARGET_CHECK_EVERY = 1.1


def measure_in_order(order: str, problems: tuple[Problem, ...], dtypes: tuple[str, ...], devices: list[str],
                     check_every: int):
    """Yield measure()'s rows, measured in a fresh process that imported the kit first, or NumPy and torch before it
    (as a test file or a notebook does), each row as it is measured."""
    # kit first as the `parity` command runs: its malloc tuned too (parity.allocator); a test file's is not
    first = "import numpy, torch\n" if order != ORDERS[0] else "from parity.allocator import keep_freed_memory\nkeep_freed_memory()\n"
    code = first + (
        "import json, sys\nfrom parity import benchmark as b\nb.SETTLE_SECONDS = %r\n"
        "for device in %r:\n for p in %r:\n  for dtype in %r:\n"
        "   print(json.dumps(b.measure(b.Problem(*p), dtype, device, %d)), flush=True)\n"
    ) % (SETTLE_SECONDS, devices, [(p.name, p.data, p.hidden, p.steps) for p in problems], dtypes, check_every)
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) as child:
        for line in child.stdout:
            yield {**json.loads(line), "order": order}
    if child.returncode:
        raise RuntimeError(f"the bench's child process ({order}) ended with status {child.returncode}")


def device_to_host_transfers(setup) -> dict:
    """Device-to-host copies a checked step of a lockstep run makes: every one the CUDA profiler sees (the kit's and
    torch's own), and the kit's own count (device_record.DeviceRecord.transfers), each per compared step."""
    from torch.profiler import ProfilerActivity, profile

    from parity.engine.device_record import DeviceRecord

    run_steps(setup)  # a first run: the allocator, cuBLAS and the kernels warmed up
    DeviceRecord.transfers = 0
    with profile(activities=[ProfilerActivity.CPU, ProfilerActivity.CUDA]) as profiled:
        run_steps(setup)
    kit = DeviceRecord.transfers
    copies = sum(event.count for event in profiled.key_averages() if "Memcpy DtoH" in event.key)
    steps = setup.config.steps
    return {"profiler": copies / steps, "kit": kit / steps}


def distributed_cost(world_sizes: tuple[int, ...] = (1, 2), steps: int = 50) -> list[dict]:
    """parity run with the torch side under DDP: steps/s once the ranks are up, and the seconds to start them."""
    found = []
    for world_size in world_sizes:
        config = RunConfig(data="random:4096,64,8", hidden=128, dtype="float64", steps=steps, world_size=world_size, device="cpu")
        setup = prepare(config)
        started = time.perf_counter()
        sides = setup.make_sides()
        start = time.perf_counter() - started
        try:
            began = time.perf_counter()
            result = compare_run(setup, *sides)
            seconds = time.perf_counter() - began
        finally:
            for side in sides:
                getattr(side, "close", lambda: None)()
        found.append({"world_size": world_size, "start_seconds": start, "steps_per_s": steps / seconds, "passed": result.passed})
    return found


REFERENCE_PROBLEMS = ("random:3000,8", "random:20000,8", "random:100000,8")


def reference_cost(steps: int = 5) -> list[dict]:
    """The float64 reference (parity.tolerance) where float32 rounding exceeds the element-wise rule at every step:
    how many steps took one, and what a run costs with it against the same run judged element-wise alone (explicit
    tolerances, which take no reference)."""
    found = []
    for data in REFERENCE_PROBLEMS:
        config = RunConfig(data=data, hidden=(16, 8), steps=steps, lr=0.5 / int(data.split(":")[1].split(",")[0]))
        plain = RunConfig(**{**config.to_dict(), "rtol": config.tolerances[0], "atol": config.tolerances[1]})
        with_setup, plain_setup = prepare(config), prepare(plain)
        result = run_steps(with_setup)
        seconds = per_step_in_turn({"with": lambda: run_steps(with_setup), "without": lambda: run_steps(plain_setup)}, steps)
        per_reference = (seconds["with"] - seconds["without"]) * steps / max(result.references, 1)
        found.append({"problem": f"{data}, hidden 16,8, sse, float32", "steps": steps, "references": result.references,
                      "passed": result.passed, "seconds_per_step_with": seconds["with"],
                      "seconds_per_step_without": seconds["without"], "seconds_per_reference": per_reference})
    return found


def peak_memory_mib(steps: int) -> float:
    """Peak resident memory of a fresh process running XOR for this many steps: its VmHWM. (ru_maxrss would not
    do: Linux carries it across fork and exec, so a child reports its parent's peak.)"""
    code = ("from parity import RunConfig, run; run(RunConfig(steps=%d, device='cpu')); "
            "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))" % steps)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return int(out.split()[-1]) / 1024  # KiB


def startup_seconds(args: tuple[str, ...] = ("--help",)) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "parity", *args], capture_output=True, check=True)
        best = min(best, time.perf_counter() - started)
    return best


def machine() -> dict:
    return {
        "cpu": _cpu_model(), "cores": len(os.sched_getaffinity(0)), "blas": blas(),
        "torch_threads": torch.get_num_threads(), "python": platform.python_version(), "numpy": np.__version__,
        "torch": torch.__version__, "cuda": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
        "peak_rss_now_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as info:
            return next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        return platform.processor() or platform.machine()
