"""The same checks on CUDA; skipped where there is none."""

import pytest
import torch

from parity import RunConfig, run


pytestmark = pytest.mark.cuda


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_cuda_parity_holds(dtype, optimizer):
    report = run(RunConfig(device="cuda", dtype=dtype, optimizer=optimizer, data="random:256,32,4", hidden=64, steps=200))
    assert report.environment["device"].startswith("cuda")
    assert report.environment["tf32_matmul"] is False
    assert report.passed, report.verdict_line()


def test_deterministic_cuda_runs_give_identical_summaries():
    config = RunConfig(device="cuda", deterministic=True, data="random:256,32,4", hidden=64, steps=100, mode="free")
    first, second = run(config), run(config)
    assert {k: v.max_abs for k, v in first.tensors.items()} == {k: v.max_abs for k, v in second.tensors.items()}


def test_tf32_is_reported_when_allowed():
    report = run(RunConfig(device="cuda", allow_tf32=True, steps=5))
    assert report.environment["tf32_matmul"] is True
    assert torch.backends.cuda.matmul.allow_tf32 is False  # restored after the run
