"""Comparing on the torch side's device: the same numbers as the NumPy path, one transfer a checked step.

On a GPU the torch side's records stay on the device (DeviceRecord) and are
reduced there (device_measure.py). The path is device-agnostic torch, so
here it is forced onto the CPU (TorchSide.device_records = True) and held
to the NumPy path's numbers, bit for bit, and to its transfer count.
"""

import dataclasses
import warnings

import numpy as np
import pytest
import torch

from parity import RunConfig, run
from parity.engine.device_record import DeviceRecord
from parity.engine.measure import Pair, compare_many
from parity.engine.sides import TorchSide
from parity.mutants.catalogue import CATALOGUE, run_mutant


@pytest.fixture
def records_on_device(monkeypatch):
    monkeypatch.setattr(TorchSide, "device_records", True)


def both_paths(monkeypatch, action):
    """action() with the torch side's records as NumPy arrays, then left on the device."""
    monkeypatch.setattr(TorchSide, "device_records", False)
    host = action()
    monkeypatch.setattr(TorchSide, "device_records", True)
    return host, action()


def summaries(report):
    return {name: dataclasses.asdict(summary) for name, summary in report.tensors.items()}


def same(found: dict, expected: dict) -> bool:
    """Equal, where NaN equals NaN."""
    return found.keys() == expected.keys() and all(
        f == e or (isinstance(f, float) and isinstance(e, float) and np.isnan(f) and np.isnan(e)) for f, e in
        ((found[k], expected[k]) for k in found))


CONFIGS = [
    dict(steps=60),
    dict(steps=30, optimizer="adam", data="random:300,8,3", hidden=32),
    dict(steps=30, optimizer="momentum", loss="bce-sum", data="random:200,6,2", hidden=(16, 8)),
    dict(steps=30, optimizer="nesterov", data="random:256,8,3", hidden=16, batch_size=64, dtype="float64"),
    dict(steps=20, data="random:128,8,4", hidden=16, output_activation="softmax", loss="ce", mode="free"),
    dict(steps=40, rtol=0.0, atol=0.0),  # fails on rounding at step 1: the failure's numbers too
    dict(steps=30, data="random:64,70,3", hidden=80, check_every=7),  # tensors above measure.SMALL, and unchecked steps
]


@pytest.mark.parametrize("options", CONFIGS, ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()))
def test_a_run_compared_on_the_device_has_the_numpy_paths_numbers(monkeypatch, options):
    host, device = both_paths(monkeypatch, lambda: run(RunConfig(device="cpu", **options)))
    assert summaries(device) == summaries(host)
    assert device.passed == host.passed
    assert (device.first_failure and device.first_failure.to_dict()) == (host.first_failure and host.first_failure.to_dict())


@pytest.mark.parametrize("mutant", CATALOGUE, ids=lambda m: m.name)
def test_a_planted_bug_is_caught_and_named_alike_on_the_device(monkeypatch, mutant):
    def seeded():
        np.random.seed(0)  # a mutant that draws noise from the global generator draws the same on both paths
        return run_mutant(mutant, device="cpu")

    host, device = both_paths(monkeypatch, seeded)
    assert device.caught and host.caught
    assert summaries(device.report) == summaries(host.report)
    assert same(device.report.first_failure.to_dict(), host.report.first_failure.to_dict())
    assert device.named == host.named


def test_every_measure_agrees_on_awkward_values():
    rng = np.random.default_rng(3)
    torch_values = [rng.standard_normal((40, 30)).astype(np.float32), rng.standard_normal(7).astype(np.float32),
                    np.array([0.0, 1.0, -2.0, 0.0], np.float32), rng.standard_normal((100, 50)).astype(np.float32),
                    np.array([1.0, np.inf, 3.0], np.float32), np.array(2.5, np.float32), np.zeros((0, 3), np.float32)]
    numpy_values = [b + rng.standard_normal(b.shape).astype(np.float32) * 1e-6 for b in torch_values]
    numpy_values[1][3] = np.nan  # NaN on the NumPy side
    numpy_values[2][0] = 1e-9  # against an exact 0: an infinite relative difference
    numpy_values[4][1] = np.inf  # Inf against Inf
    numpy_values.append(np.ones(5, np.float64))  # a float64 array leaking into a float32 run
    torch_values.append(np.ones(5, np.float32))
    numpy_values.append(np.ones((2, 3), np.float32))  # the wrong shape
    torch_values.append(np.ones((3, 2), np.float32))
    # histogram_above below every difference: each tensor's worst element and histogram are wanted on both paths
    host = compare_many([Pair(a, b, histogram_above=-1.0) for a, b in zip(numpy_values, torch_values)], 1.3e-6, 1e-5, "float32")
    device = compare_many([Pair(a, torch.from_numpy(b), histogram_above=-1.0)
                           for a, b in zip(numpy_values, torch_values)], 1.3e-6, 1e-5, "float32")
    for found, expected in zip(device, host):
        assert same(dataclasses.asdict(found), dataclasses.asdict(expected))
    assert not device[1].passed and not device[-2].passed and device[-2].problem.startswith("dtype")
    assert device[-1].problem.startswith("shape")


@pytest.mark.parametrize("layout", ["reversed view", "big-endian", "long double", "read-only"])
def test_numpy_arrays_torch_cannot_take_as_they_are_are_measured_alike(layout):
    """torch.from_numpy refuses negative strides, a foreign byte order and long doubles: the upload copies them."""
    rng = np.random.default_rng(5)
    torch_values = [rng.standard_normal(9).astype(np.float32), rng.standard_normal((6, 4)).astype(np.float32)]
    numpy_values = [(b + rng.standard_normal(b.shape) * 1e-6).astype(np.float32) for b in torch_values]
    if layout == "reversed view":
        numpy_values = [a[::-1].copy()[::-1] for a in numpy_values]
        assert numpy_values[0].strides[0] < 0
    elif layout == "big-endian":
        numpy_values = [a.astype(">f4") for a in numpy_values]
    elif layout == "long double":
        numpy_values = [a.astype(np.longdouble) for a in numpy_values]
    else:
        numpy_values = [np.frombuffer(a.tobytes(), np.float32).reshape(a.shape) for a in numpy_values]
    for members in ([0], [0, 1]):  # alone, and laid end to end
        host = compare_many([Pair(numpy_values[i], torch_values[i], histogram_above=-1.0) for i in members], 1.3e-6, 1e-5, "float32")
        device = compare_many([Pair(numpy_values[i], torch.from_numpy(torch_values[i]), histogram_above=-1.0) for i in members],
                              1.3e-6, 1e-5, "float32")
        for found, expected in zip(device, host):
            assert same(dataclasses.asdict(found), dataclasses.asdict(expected))


def test_a_checked_step_costs_one_transfer_and_a_new_worst_step_one_more(records_on_device):
    per_step, worst_steps = [], []

    def listen(step, comparisons, numpy_record, torch_record):
        per_step.append(DeviceRecord.transfers)
        worst_steps.append(any(c.histogram is not None for c in comparisons.values()))

    from parity.engine.setup import prepare
    from parity.api import run_setup

    setup = prepare(RunConfig(steps=200, device="cpu"))
    DeviceRecord.transfers = 0
    assert run_setup(setup, listeners=[listen]).passed
    transfers = np.diff([0, *per_step])
    assert list(transfers) == [2 if new_worst else 1 for new_worst in worst_steps]
    assert sum(worst_steps) < 40  # past the first steps a new worst is rare: most steps cost one transfer


def test_a_step_judged_by_the_float64_reference_brings_its_tensors_back_together(records_on_device):
    """A judged step reads the run's record and the reference's: one transfer each, not one a tensor (on an H200,
    Adam had cost 1.69 transfers a step, a dozen tensors read one by one on each judged step)."""
    from parity.api import run_setup
    from parity.engine.setup import prepare
    from parity.tolerance import FLOAT64_REFERENCE

    per_step, new_worst, judged = [], [], []

    def listen(step, comparisons, numpy_record, torch_record):
        per_step.append(DeviceRecord.transfers)
        new_worst.append(any(c.histogram is not None for c in comparisons.values()))
        judged.append(any(c.rule == FLOAT64_REFERENCE for c in comparisons.values()))

    # 20,000 rows summed in float32: the element-wise rule fails and every step is judged against float64
    config = RunConfig(data="random:20000,8", hidden=(16, 8), steps=5, lr=0.5 / 20000, device="cpu")
    DeviceRecord.transfers = 0
    assert run_setup(prepare(config), listeners=[listen]).passed
    assert all(judged)
    assert list(np.diff([0, *per_step])) == [1 + worst + 2 * j for worst, j in zip(new_worst, judged)]


def test_unchecked_steps_cost_one_transfer_for_their_nan_check(records_on_device):
    DeviceRecord.transfers = 0
    report = run(RunConfig(steps=100, check_every=10, device="cpu"))
    assert report.passed
    assert 100 <= DeviceRecord.transfers <= 100 + 11  # a flag per tensor each step; histograms on new worst steps


def test_a_divergence_found_on_the_device_is_reported_alike(monkeypatch):
    config = RunConfig(steps=25, check_every=10, data="random:32,3", output_activation="linear", lr=5, device="cpu")
    host, device = both_paths(monkeypatch, lambda: run(config))
    assert device.divergence == host.divergence and device.divergence["step"] % 10 != 0  # between compared steps


def test_the_device_path_runs_under_deterministic_algorithms(monkeypatch):
    host, device = both_paths(monkeypatch, lambda: run(RunConfig(steps=20, deterministic=True, device="cpu",
                                                                 data="random:64,8,3", hidden=16)))
    assert summaries(device) == summaries(host)


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
def test_the_benchmark_counts_a_checked_steps_transfers(records_on_device):
    from parity.benchmark import device_to_host_transfers
    from parity.engine.setup import prepare

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # without CUDA the profiler says it profiles the CPU only
        counted = device_to_host_transfers(prepare(RunConfig(steps=100, device="cpu")))
    assert counted["profiler"] == 0  # a CPU device copies nothing to the host
    assert 1 <= counted["kit"] <= 1.4  # one a step, and one more on each of the few new worst steps
