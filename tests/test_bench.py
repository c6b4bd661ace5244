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
    row = next(line for line in result.stdout.splitlines() if line.startswith("xor 4x3, hidden 4"))
    assert f"{run['overhead_lockstep']:.2f}x" in row and f"{run['alternation']:.2f}x" in row
    assert "--check-every 3" in result.stdout and "start-up: parity --help" in result.stdout
