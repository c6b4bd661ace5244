"""The thread pools of a run (parity.engine.threads): limited during the run, restored after, and the two sides
stepped at once giving the same report bit for bit as one after the other."""

import json
import threading

import pytest
import torch
from threadpoolctl import threadpool_info, threadpool_limits

from parity import RunConfig
from parity.api import run
from parity.engine import threads
from parity.engine.loop import run_steps
from parity.engine.setup import prepare
from parity.engine.sides import TorchSide
from parity.mutants.backward import BiasGradientAveraged

# 512 rows x 2,113 parameters: above threads.CONCURRENT_WORK, so the sides step at once unless told not to
MID = dict(data="random:512,64", hidden=32, steps=12, device="cpu", lr=0.01)


def blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


@pytest.fixture
def two_threads_each(monkeypatch):
    """BLAS and torch at two threads before the run, on what the run takes for two cores (one thread each)."""
    monkeypatch.setattr(threads, "cores", lambda: 2)
    torch_before = torch.get_num_threads()
    torch.set_num_threads(2)
    with threadpool_limits(limits=2, user_api="blas"):
        yield
    torch.set_num_threads(torch_before)


def test_limits_hold_during_the_run_and_are_restored_after(two_threads_each):
    seen = []
    run_steps(prepare(RunConfig(steps=3, device="cpu")), listeners=[lambda *_: seen.append((blas_threads(), torch.get_num_threads()))])
    assert blas_threads() and all(inside == ([1] * len(blas_threads()), 1) for inside in seen) and len(seen) == 3
    assert blas_threads() == [2] * len(blas_threads()) and torch.get_num_threads() == 2


def test_limits_are_restored_when_the_run_raises(two_threads_each):
    def fail(*_):
        raise RuntimeError("a listener failed")

    with pytest.raises(RuntimeError, match="a listener failed"):
        run_steps(prepare(RunConfig(steps=3, device="cpu")), listeners=[fail])
    assert blas_threads() == [2] * len(blas_threads()) and torch.get_num_threads() == 2


def test_shares_split_the_cores_and_never_reach_zero():
    assert [threads.shares(n) for n in (1, 2, 3, 16)] == [(1, 1), (1, 1), (1, 2), (8, 8)]


def test_sides_step_at_once_by_the_work_of_a_step():
    assert not threads.at_once(prepare(RunConfig(device="cpu")), *prepare(RunConfig(device="cpu")).make_sides())  # XOR
    setup = prepare(RunConfig(**MID))
    assert threads.at_once(setup, *setup.make_sides())


def test_a_users_programs_step_one_after_the_other(tmp_path):
    from parity.programs.network import UserNetwork
    from parity.programs.setup import prepare_check

    setup = prepare_check(RunConfig(**MID), network=UserNetwork("examples/tutorial_sse.py:NeuralNetwork"), quiet=True)
    assert setup.user_sides == ("numpy",) and not threads.at_once(setup, *setup.make_sides())


def without_timings(document: str) -> dict:
    found = json.loads(document)
    found["environment"].pop("seconds")
    return found


@pytest.mark.parametrize("settings", [dict(), dict(optimizer="adam", mode="free"), dict(dtype="float64", check_every=5)])
def test_stepping_at_once_gives_the_same_report_bit_for_bit(monkeypatch, settings):
    ran_on = set()
    step = TorchSide.step
    monkeypatch.setattr(TorchSide, "step", lambda self, rows: ran_on.add(threading.current_thread().name) or step(self, rows))
    reports = {}
    for at_once in (False, True):
        monkeypatch.setattr(threads, "concurrency", at_once)
        report = run(RunConfig(**{**MID, **settings}))
        reports[at_once] = (report.format_table(), without_timings(report.to_json()))
    assert reports[True] == reports[False]
    assert threading.current_thread().name in ran_on and any(name.startswith("parity-torch-side") for name in ran_on)


def test_a_planted_bug_is_caught_and_named_the_same_either_way(monkeypatch):
    reports = []
    for at_once in (False, True):
        monkeypatch.setattr(threads, "concurrency", at_once)
        report = run(RunConfig(**MID), BiasGradientAveraged)
        reports.append((report.format_table(), without_timings(report.to_json())))
    assert reports[0] == reports[1] and reports[0][1]["verdict"] == "fail"
