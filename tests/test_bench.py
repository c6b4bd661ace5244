"""`parity bench` end to end on a problem small enough for the suite: every figure measured, printed and written."""

import json
import math

import pytest
from click.testing import CliRunner

from parity import benchmark
from parity.cli import cli


@pytest.fixture
def tiny_bench(monkeypatch):
    """One XOR problem of a few steps; the distributed runs and the two fresh processes for peak memory left out."""
    monkeypatch.setattr(benchmark, "PROBLEMS", (benchmark.Problem("xor 4x3, hidden 4", "xor", 4, 5),) * 2)
    monkeypatch.setattr(benchmark, "distributed_cost", lambda: [])
    monkeypatch.setattr(benchmark, "peak_memory_mib", lambda steps: 100.0 + steps / 1e4)
    monkeypatch.setattr(benchmark, "SETTLE_SECONDS", 0.0)
    monkeypatch.setattr(benchmark, "measure_in_order", in_this_process)


def in_this_process(order, problems, dtypes, devices, check_every):
    """measure_in_order without the fresh process (which the monkeypatches would not reach); the second order slower,
    by far (timings of a few steps vary by more than a whole ratio), so that the bench's choice of the worse shows."""
    for device in devices:
        for problem in problems:
            for dtype in dtypes:
                row = benchmark.measure(problem, dtype, device, check_every)
                yield {**row, "order": order, "vs_plain_loops": row["vs_plain_loops"] + 1000 * (order != benchmark.ORDERS[0])}


@pytest.mark.slow  # a whole run in a subprocess: in .ci/run's slow tier, keeping `pytest` within 4 minutes
def test_bench_measures_prints_and_writes_every_figure(tiny_bench, tmp_path):
    path = tmp_path / "bench.json"
    result = CliRunner().invoke(cli, ["bench", "--quick", "--check-every", "3", "--json", str(path)])
    assert result.exit_code == 0, result.output
    document = json.loads(path.read_text())
    assert [(r["problem"], r["dtype"]) for r in document["runs"]] == [("xor 4x3, hidden 4", "float32"), ("xor 4x3, hidden 4", "float64")]
    run = document["runs"][0]  # --quick left the last problem out
    assert run["check_every"] == 3
    per_second = [key for key in run if key.endswith("_steps_per_s")]
    assert len(per_second) == 6 and all(run[key] > 0 and math.isfinite(run[key]) for key in per_second)
    twins = 1 / run["numpy_twin_steps_per_s"] + 1 / run["torch_twin_steps_per_s"]
    assert run["overhead_lockstep"] == pytest.approx(1 / run["parity_lockstep_steps_per_s"] / twins)
    assert run["alternation"] == pytest.approx(1 / run["twins_alternated_steps_per_s"] / twins)
    assert run["torch_twin_vs_plain"] == pytest.approx(run["plain_loop_steps_per_s"] / run["torch_twin_steps_per_s"])
    assert 0 < run["numpy_gflops_fraction_of_matmul"] and run["matmul_gflops"] > 0
    assert run["device_to_host_per_checked_step"] is None  # measured on CUDA only
    assert set(document["startup_seconds"]) == {"parity --help", *(f"parity {c} --help" for c in cli.commands)}
    assert all(0 < seconds < 30 for seconds in document["startup_seconds"].values())
    assert {"cpu", "cores", "blas", "torch", "numpy", "cuda"} <= set(document["machine"])
    row = next(line for line in result.stdout.splitlines() if line.startswith("xor 4x3, hidden 4") and " np+t " in line)
    assert f"{run['overhead_lockstep']:.2f}x" in row and f"{run['alternation']:.2f}x" in row
    assert "--check-every 3" in result.stdout and "start-up: parity --help" in result.stdout
    assert [r["order"] for r in document["runs"]] == [benchmark.ORDERS[1]] * 2  # the worse of the two orders
    assert [len(document["runs_by_order"][order]) for order in benchmark.ORDERS] == [2, 2]
    assert run["vs_plain_loops_check_every"] > 0 and isinstance(run["sides_at_once"], bool)
    assert f"xor 4x3, hidden 4, float32, cpu: {run['vs_plain_loops']:.2f}x (numpy and torch first), target 1.75x" in result.stdout
    assert "not met" in result.stdout and "bounded by: " in result.stdout  # the worse order, made 1000x slower here


@pytest.mark.slow
def test_each_import_order_is_measured_in_a_fresh_process():
    """The real measure_in_order: a child process per order, a row per problem and dtype."""
    rows = list(benchmark.measure_in_order(benchmark.ORDERS[1], (benchmark.Problem("xor", "xor", 4, 3),), ("float32",), ["cpu"], 2))
    assert [(r["order"], r["problem"], r["dtype"]) for r in rows] == [(benchmark.ORDERS[1], "xor", "float32")]
    assert rows[0]["vs_plain_loops"] > 0


def test_a_target_not_met_says_what_bounds_it_from_the_same_figures():
    from parity.cli.bench import _bounds
    row = {"dtype": "float32", "data": "random", "vs_plain_loops": 1.88, "vs_plain_loops_elementwise_only": 1.31}
    assert _bounds(row, 1.11) == ("bounded by: the float64 reference (0.57x of it) and recording and comparing every "
                                  "tensor of every step (0.20x over the floor, one thread a side)")
    xor = {"dtype": "float64", "data": "xor", "vs_plain_loops": 2.95}
    assert _bounds(xor, 1.47) == "bounded by: recording and comparing every tensor of every step (1.48x over the floor, Python per call at this size)"
