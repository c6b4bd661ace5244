"""`parity bench`: what parity costs against the two trainings, on this machine."""

from __future__ import annotations

import json

import click

from parity.cli.group import WholeFirstLine
from parity.files import check_writable, write_atomically


@click.command(cls=WholeFirstLine)
@click.option("--quick", is_flag=True, help="Leave out the largest problem (8192x784, hidden 1024).")
@click.option("--json", "json_path", type=str, default=None, help="Write every figure and the machine as JSON to this path.")
@click.option("--check-every", type=click.IntRange(min=1), default=10, show_default=True,
              help="Also time lockstep runs that compare only every K-th step (the column 'ovh/K').")
def bench(quick: bool, json_path: str | None, check_every: int) -> int:
    """Measure the twins, a plain torch loop and parity runs, in steps/s and as fractions of this machine's matmul rate.

    Exit status: 0 measured, 2 bad usage, 130 interrupted.
    """
    import torch
    import torch.distributed

    from parity import benchmark

    if json_path is not None:
        check_writable(json_path, "--json")
    problems = benchmark.PROBLEMS[:-1] if quick else benchmark.PROBLEMS
    devices = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    rows = []
    click.echo(f"{'problem':<38} {'dtype':<8} {'dev':<5} {'numpy/s':>9} {'torch/s':>9} {'plain/s':>9} "
               f"{'lockstep':>9} {'free':>9} {'overhead':>9} {'ovh/K':>7} {'alt':>6} {'t/plain':>8} {'n/plain':>8} {'n/matmul':>9}")
    for device in devices:
        for problem in problems:
            for dtype in ("float32", "float64"):
                r = benchmark.measure(problem, dtype, device, check_every)
                rows.append(r)
                click.echo(f"{r['problem']:<38} {dtype:<8} {device:<5} {r['numpy_twin_steps_per_s']:>9.1f} {r['torch_twin_steps_per_s']:>9.1f} "
                           f"{r['plain_loop_steps_per_s']:>9.1f} {r['parity_lockstep_steps_per_s']:>9.1f} {r['parity_free_steps_per_s']:>9.1f} "
                           f"{r['overhead_lockstep']:>8.2f}x {r['overhead_lockstep_check_every']:>6.2f}x {r['alternation']:>5.2f}x "
                           f"{r['torch_twin_vs_plain']:>7.2f}x {r['numpy_twin_vs_plain']:>7.2f}x "
                           f"{r['numpy_gflops_fraction_of_matmul']:>9.2f}")
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
        document = {"machine": machine, "runs": rows, "distributed": distributed, "float64_reference": references, "peak_memory_mib": memory, "startup_seconds": startup}
        write_atomically(json_path, lambda file: file.write(json.dumps(document, indent=2) + "\n"))
    return 0


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
