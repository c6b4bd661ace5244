"""`parity bench`: what parity costs against the two trainings, on this machine."""

from __future__ import annotations

import json

import click

from parity.cli.group import WholeFirstLine
from parity.errors import InputError
from parity.files import check_writable, write_atomically


@click.command(cls=WholeFirstLine)
@click.option("--quick", is_flag=True, help="Leave out the largest problem (8192x784, hidden 1024).")
@click.option("--json", "json_path", type=str, default=None, help="Write every figure and the machine as JSON to this path.")
@click.option("--check-every", type=click.IntRange(min=1), default=10, show_default=True,
              help="Also time lockstep runs that compare only every K-th step (the column 'ovh/K').")
@click.option("--device", type=click.Choice(["all", "cpu", "cuda"]), default="all", show_default=True,
              help="Time the torch side on this device; all: the CPU, and CUDA where present.")
def bench(quick: bool, json_path: str | None, check_every: int, device: str) -> int:
    """Measure the twins, a plain torch loop and parity runs, in steps/s and as fractions of this machine's matmul rate.

    Exit status: 0 measured, 2 bad usage, 130 interrupted.
    """
    import torch
    import torch.distributed

    from parity import benchmark

    if json_path is not None:
        check_writable(json_path, "--json")
    problems = benchmark.PROBLEMS[:-1] if quick else benchmark.PROBLEMS
    if device == "cuda" and not torch.cuda.is_available():
        raise InputError("--device cuda: torch sees no CUDA device here")
    devices = [device] if device != "all" else ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    by_order: dict[str, list[dict]] = {order: [] for order in benchmark.ORDERS}
    click.echo(f"{'problem':<38} {'dtype':<8} {'dev':<5} {'order':<6} {'numpy/s':>9} {'torch/s':>9} {'plain/s':>9} "
               f"{'lockstep':>9} {'free':>9} {'overhead':>9} {'ovh/K':>7} {'alt':>6} {'t/plain':>8} {'n/plain':>8} {'n/matmul':>9} "
               f"{'/loops':>7} {'/loopsK':>8} {'/1by1':>7}")
    for order in benchmark.ORDERS:  # each in a fresh process: what was imported first decides how the thread pools start
        for r in benchmark.measure_in_order(order, problems, ("float32", "float64"), devices, check_every):
            by_order[order].append(r)
            click.echo(f"{r['problem']:<38} {r['dtype']:<8} {r['device']:<5} {ORDER_LABELS[order]:<6} {r['numpy_twin_steps_per_s']:>9.1f} "
                       f"{r['torch_twin_steps_per_s']:>9.1f} {r['plain_loop_steps_per_s']:>9.1f} {r['parity_lockstep_steps_per_s']:>9.1f} "
                       f"{r['parity_free_steps_per_s']:>9.1f} {r['overhead_lockstep']:>8.2f}x {r['overhead_lockstep_check_every']:>6.2f}x "
                       f"{r['alternation']:>5.2f}x {r['torch_twin_vs_plain']:>7.2f}x {r['numpy_twin_vs_plain']:>7.2f}x "
                       f"{r['numpy_gflops_fraction_of_matmul']:>9.2f} {r['vs_plain_loops']:>6.2f}x {r['vs_plain_loops_check_every']:>7.2f}x "
                       f"{r['vs_plain_loops_one_after_the_other']:>6.2f}x")
    # the worse of the two orders, problem by problem: what a user gets whichever they import first
    rows = [max(pair, key=lambda r: r["vs_plain_loops"]) for pair in zip(*by_order.values())]
    _target_lines(benchmark, rows, check_every)
    for r in rows:
        if r["device_to_host_per_checked_step"] is not None:
            t = r["device_to_host_per_checked_step"]
            click.echo(f"{r['problem']}, {r['dtype']}, cuda: {t['profiler']:.2f} device-to-host copies a checked step "
                       f"(the CUDA profiler), {t['kit']:.2f} of them the kit's")
    distributed = benchmark.distributed_cost() if torch.distributed.is_available() and torch.distributed.is_gloo_available() else []
    if distributed:
        click.echo("\ndistributed (random 4096x64x8, hidden 128, float64, parity run --world-size W): " + "; ".join(
            f"W={d['world_size']} {d['steps_per_s']:.1f} steps/s after {d['start_seconds']:.1f} s to start" for d in distributed))
    references = _reference_lines(benchmark, rows)
    memory = {steps: benchmark.peak_memory_mib(steps) for steps in (100, 10_000)}
    commands = sorted(click.get_current_context().find_root().command.commands)
    startup = {" ".join(("parity", *args)): benchmark.startup_seconds(args) for args in [("--help",), *((c, "--help") for c in commands)]}
    machine = benchmark.machine()
    click.echo(f"\novh/K: the overhead of lockstep runs with --check-every {check_every} (every step still run and checked "
               "for NaN/Inf; the first, every K-th and the last compared); alt: the two twins stepped in turn in one loop, "
               "no kit code, over the two stepped alone (what taking turns on the caches costs, a floor under the overhead)")
    click.echo(f"peak memory: {memory[100]:.0f} MiB at 100 steps, {memory[10_000]:.0f} MiB at 10,000 steps")
    slowest = max(startup, key=startup.get)
    click.echo(f"start-up: parity --help {startup['parity --help']:.2f} s; the slowest of the {len(commands)} commands' --help, "
               f"{slowest}, {startup[slowest]:.2f} s")
    click.echo(f"machine: {machine['cpu']}, {machine['cores']} cores, torch threads {machine['torch_threads']}, BLAS {machine['blas']}, "
               f"torch {machine['torch']}, numpy {machine['numpy']}, device {machine['cuda'] or 'cpu only'}")
    if json_path is not None:
        document = {"machine": machine, "runs": rows, "runs_by_order": by_order, "distributed": distributed, "float64_reference": references, "peak_memory_mib": memory, "startup_seconds": startup}
        write_atomically(json_path, lambda file: file.write(json.dumps(document, indent=2) + "\n"))
    return 0


ORDER_LABELS = {"kit first": "kit", "numpy and torch first": "np+t"}


def _target_lines(benchmark, rows: list[dict], check_every: int) -> None:
    """The issue's targets against the worse import order, and the floor under each: the two twins stepped in turn."""
    click.echo("\n/loops: parity's time a step over the two plain loops' (the NumPy twin and a plain torch loop, each alone); "
               "/loopsK: with --check-every K; /1by1: the sides stepped one after the other, never at once. "
               "Targets, the worse of the two import orders:")
    for r in rows:
        target = benchmark.TARGETS.get(r["data"])
        floor = 1 / r["twins_alternated_steps_per_s"] / (1 / r["numpy_twin_steps_per_s"] + 1 / r["plain_loop_steps_per_s"])
        parts = [f"{r['vs_plain_loops']:.2f}x ({r['order']})" + (f", target {target}x {_met(r['vs_plain_loops'], target)}" if target else "")]
        if r["data"] != "xor" and check_every == benchmark.CHECK_EVERY:
            parts.append(f"--check-every {check_every} {r['vs_plain_loops_check_every']:.2f}x, target {benchmark.TARGET_CHECK_EVERY}x "
                         f"{_met(r['vs_plain_loops_check_every'], benchmark.TARGET_CHECK_EVERY)}")
        if r["dtype"] != "float64":
            parts.append(f"judged element-wise alone (no float64 reference) {r['vs_plain_loops_elementwise_only']:.2f}x")
        parts.append(f"sides at once: {'yes' if r['sides_at_once'] else 'no'}; floor, the two twins in turn with no kit code: {floor:.2f}x")
        if target and r["vs_plain_loops"] > target:
            parts.append(_bounds(r, floor))
        click.echo(f"  {r['problem']}, {r['dtype']}, {r['device']}: " + "; ".join(parts))


def _bounds(r: dict, floor: float) -> str:
    """What keeps a run above its target, from the same figures: the float64 reference (the run judged element-wise
    alone), then what is left over the floor: the kit's recording and comparing of every tensor of every step."""
    said = []
    alone = r["vs_plain_loops_elementwise_only"] if r["dtype"] != "float64" else r["vs_plain_loops"]
    if alone < r["vs_plain_loops"] - 0.05:
        said.append(f"the float64 reference ({r['vs_plain_loops'] - alone:.2f}x of it)")
    said.append(f"recording and comparing every tensor of every step ({alone - floor:.2f}x over the floor"
                + (", Python per call at this size" if r["data"] == "xor" else ", one thread a side") + ")")
    return "bounded by: " + " and ".join(said)


def _met(ratio: float, target: float) -> str:
    return "met" if ratio <= target else "not met"


def _reference_lines(benchmark, rows: list[dict]) -> list[dict]:
    """The float64 reference's cost (parity.tolerance), printed; its figures returned for the JSON."""
    references = benchmark.reference_cost()
    click.echo("\nfloat64 reference (taken at a compared step where float32 rounding exceeds the element-wise rule): " + "; ".join(
        f"{r['problem']}: {r['references']} of {r['steps']} steps, {1e3 * r['seconds_per_step_with']:.1f} against "
        f"{1e3 * r['seconds_per_step_without']:.1f} ms a step, {1e3 * r['seconds_per_reference']:.1f} ms a reference"
        for r in references))
    taken = [f"{r['problem']} {r['dtype']} {r['device']}: lockstep {r['float64_references']['lockstep']}, free {r['float64_references']['free']}"
             for r in rows if any(r["float64_references"].values())]
    click.echo("steps that took it in the runs above: " + ("; ".join(taken) if taken else "none"))
    return references
