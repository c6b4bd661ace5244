"""The same checks on CUDA; skipped where there is none."""

import numpy as np
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


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_a_checked_step_on_cuda_is_compared_on_the_device_with_one_transfer(optimizer):
    from parity.api import run_setup
    from parity.benchmark import device_to_host_transfers
    from parity.engine.device_record import DeviceRecord
    from parity.engine.setup import prepare

    from parity.tolerance import FLOAT64_REFERENCE

    per_step, new_worst, judged = [], [], []

    def listen(step, comparisons, numpy_record, torch_record):
        per_step.append(DeviceRecord.transfers)
        new_worst.append(any(c.histogram is not None for c in comparisons.values()))
        judged.append(any(c.rule == FLOAT64_REFERENCE for c in comparisons.values()))

    config = RunConfig(device="cuda", optimizer=optimizer, data="random:512,32,4", hidden=64, steps=200)
    DeviceRecord.transfers = 0
    assert run_setup(prepare(config), listeners=[listen]).passed
    # the step's numbers; on a new worst step its sampled differences; on a step judged against float64, the run's
    # record and the reference's (on an H200, Adam's steps had read a dozen tensors one by one: 1.69 a step)
    assert list(np.diff([0, *per_step])) == [1 + worst + 2 * j for worst, j in zip(new_worst, judged)]
    counted = device_to_host_transfers(prepare(config))
    assert counted["profiler"] <= counted["kit"] + 0.1, counted  # torch itself copies nothing back on the way


def test_cuda_and_cpu_agree_on_a_golden_run_in_float64():
    # lockstep: two free-running float64 runs drift apart past the float64 tolerance by rounding alone (rounding-growth,
    # on the CPU too), which says nothing of the device
    config = dict(dtype="float64", data="random:256,16,3", hidden=32, optimizer="momentum", steps=50)
    on_cpu, on_cuda = run(RunConfig(device="cpu", **config)), run(RunConfig(device="cuda", **config))
    assert on_cpu.passed and on_cuda.passed
    for name, summary in on_cuda.tensors.items():
        assert summary.max_abs <= 1e-9 and on_cpu.tensors[name].max_abs <= 1e-9, name
