"""Whole runs through the Python API: parity holds where it must, fails where it must."""

import itertools

import numpy as np
import pytest

import numpy_net
from parity import RunConfig, run
from parity.mutants.backward import ActivatedOutputDerivative, SignFlip
from parity.engine.record import tensor_names
from tests.helpers import families, output_for

COMBINATIONS = list(itertools.product(numpy_net.LOSSES, numpy_net.OPTIMIZERS))


@pytest.mark.parametrize("mode", ["lockstep", "free"])
@pytest.mark.parametrize("loss,optimizer", COMBINATIONS)
def test_float64_parity_is_exact_to_1e_10(loss, optimizer, mode):
    report = run(RunConfig(data="random:16,3,2", hidden=5, loss=loss, output_activation=output_for(loss), optimizer=optimizer,
                           lr=0.3, mode=mode, dtype="float64", steps=150))
    assert report.passed, report.verdict_line()
    assert report.steps_run == 150
    worst = max(s.max_abs for s in report.tensors.values())
    assert worst < 1e-10, f"max abs error {worst}"


@pytest.mark.parametrize("loss,optimizer", COMBINATIONS)
def test_float32_lockstep_parity_holds_with_default_tolerances(loss, optimizer):
    data = "random:16,3,3" if output_for(loss) == "softmax" else "xor"
    report = run(RunConfig(data=data, loss=loss, output_activation=output_for(loss), optimizer=optimizer, dtype="float32", steps=200))
    assert report.passed, report.verdict_line()


def test_default_xor_run_passes_and_reports_every_tensor():
    report = run(RunConfig(steps=300))
    assert report.passed
    assert tuple(report.tensors) == tensor_names(bias=True)
    assert all(s.compared_steps == 300 for s in report.tensors.values())


def test_no_bias_run_compares_no_bias_tensors():
    report = run(RunConfig(bias=False, steps=50, dtype="float64"))
    assert report.passed
    assert tuple(report.tensors) == ("hidden", "output", "loss", "W2.grad", "W1.grad", "W1", "W2")


def test_report_json_carries_config_verdict_and_summaries():
    import json

    report = run(RunConfig(steps=20, dtype="float64", optimizer="adam", loss="bce"))
    document = json.loads(report.to_json())
    assert document["verdict"] == "pass" and document["first_failure"] is None
    assert document["config"]["optimizer"] == "adam"
    assert RunConfig.from_dict(document["config"]) == report.config
    assert set(document["tensors"]) == set(tensor_names(True, optimizer="adam"))
    assert {"W1.exp_avg", "W1.exp_avg_sq", "step_count"} <= set(document["tensors"])
    assert {"numpy", "torch", "device", "tf32_matmul"} <= set(document["environment"])


@pytest.mark.parametrize("bug", [ActivatedOutputDerivative, SignFlip])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_a_bug_in_the_numpy_backward_pass_fails_at_step_1_in_w2_grad(bug, dtype):
    report = run(RunConfig(dtype=dtype, steps=30), numpy_trainer=bug)
    assert not report.passed
    assert report.first_failure.step == 1
    assert report.first_failure.tensor == "W2.grad"
    assert report.tensors["hidden"].passed and report.tensors["loss"].passed
    assert "step 1, W2.grad" in report.verdict_line()


def test_a_float64_leak_fails_a_float32_run_on_dtype():
    class Float64Leak(numpy_net.Trainer):
        def backward(self, X, acts, y):
            return {k: g.astype(np.float64) for k, g in super().backward(X, acts, y).items()}

    report = run(RunConfig(dtype="float32", steps=5), numpy_trainer=Float64Leak)
    assert report.first_failure.step == 1
    assert "dtype float64" in report.first_failure.comparison.problem


def test_memory_does_not_grow_with_steps():
    import tracemalloc

    def peak(steps: int) -> int:
        tracemalloc.start()
        run(RunConfig(steps=steps, dtype="float64"))
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    short, long = peak(50), peak(1000)
    assert long < short * 1.5 + 64 * 1024, (short, long)


@pytest.mark.parametrize("hidden,output,loss", families(), ids=lambda v: v if isinstance(v, str) else str(v))
def test_every_network_of_the_family_with_every_optimizer_agrees_in_float64(hidden, output, loss):
    for optimizer, sizes in zip(numpy_net.OPTIMIZERS, [(5,), (4, 3), (5,), (4, 3), (5,)]):
        config = RunConfig(data="random:12,3,3", hidden=sizes, hidden_activation=hidden, output_activation=output, loss=loss,
                           optimizer=optimizer, lr=0.02, dtype="float64", steps=12)  # a summed loss on a linear output diverges at 0.1
        report = run(config)
        assert report.passed, f"{optimizer}: {report.verdict_line()}"
        assert max(s.max_abs for s in report.tensors.values()) < 1e-10


def test_check_every_compares_the_first_every_kth_and_the_last_step():
    report = run(RunConfig(steps=25, check_every=10))
    assert report.passed and report.steps_run == 25
    assert {s.compared_steps for s in report.tensors.values()} == {4}  # steps 1, 10, 20, 25
    assert "(4 of them compared: the first, the last and each multiple of 10; all checked for NaN/Inf)" in report.verdict_line()


def test_check_every_still_catches_a_bug_and_every_step_is_checked_for_nan():
    caught = run(RunConfig(steps=25, check_every=10), numpy_trainer=SignFlip)
    assert caught.first_failure.step == 1
    diverged = run(RunConfig(steps=25, check_every=10, data="random:32,3", output_activation="linear", lr=5))
    assert diverged.divergence is not None and diverged.divergence["step"] % 10 != 0  # found between compared steps
