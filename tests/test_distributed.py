"""DistributedDataParallel against the single NumPy run: W = 2 and 3 with gloo, every loss and optimizer, in float64."""

import os
import signal
import subprocess
import sys
import time

import pytest
import torch.distributed

from numpy_net import LOSSES, OPTIMIZERS
from parity import InputError, RunConfig, run
from tests.helpers import live_processes

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not torch.distributed.is_available() or not torch.distributed.is_gloo_available(),
                                reason="torch.distributed with gloo is not available here")]

ONE_HOT = {"ce", "ce-sum"}  # softmax losses: one-hot targets over 2 classes


def config(world_size: int, loss: str, optimizer: str = "sgd", **changes) -> RunConfig:
    output = "softmax" if loss in ONE_HOT else "sigmoid"
    settings = {"data": "random:24,3,2", "hidden": 5, "lr": 0.1, "steps": 4, "dtype": "float64", **changes}
    return RunConfig(loss=loss, optimizer=optimizer, output_activation=output, world_size=world_size, **settings)


@pytest.mark.parametrize("loss", LOSSES)
def test_two_ranks_match_the_single_numpy_run_for_every_loss(loss):
    report = run(config(2, loss))
    assert report.passed, report.format_table()
    assert report.tensors["rank_spread"].max_abs == 0


@pytest.mark.parametrize("optimizer,loss", list(zip(OPTIMIZERS, ["mse", "ce-sum", "bce", "half-sse", "sse"])))
def test_three_ranks_with_mini_batches_for_every_optimizer(optimizer, loss):
    report = run(config(3, loss, optimizer, batch_size=12, steps=5))
    assert report.passed, report.format_table()


def test_a_sum_loss_without_the_world_size_factor_fails_and_is_named():
    report = run(config(2, "sse", ddp_sum_scaling=False))
    assert not report.passed
    assert report.diagnosis[0].name == "ddp-loss-scaling" and report.diagnosis[0].evidence["ratio"] == pytest.approx(2)
    assert "NOT multiplied by 2" in report.format_table()


def test_a_mean_loss_needs_no_factor():
    assert run(config(2, "mse", ddp_sum_scaling=False)).passed


def test_a_batch_that_does_not_split_evenly_is_refused():
    with pytest.raises(InputError, match="does not split evenly over 3 ranks"):
        run(config(3, "mse", batch_size=10))


def test_a_dead_rank_stops_every_worker_with_one_clear_error():
    from parity.config.data import load_dataset
    from parity.config.weights import initial_weights
    from parity.engine.distributed import DistributedTorchSide
    from parity.engine.replica import TwinReplica

    cfg = config(2, "mse")
    data = load_dataset(cfg.data, cfg.dtype, cfg.seed)
    side = DistributedTorchSide(cfg, data, initial_weights(cfg, data), TwinReplica(cfg))
    processes = list(side.processes)
    processes[1].kill()
    with pytest.raises(InputError, match=r"rank 1 of the distributed run stopped \(killed by SIGKILL\)"):
        side.step(slice(None))
    assert not any(process.is_alive() for process in processes)


def test_ctrl_c_stops_the_run_and_leaves_no_process_behind(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "parity", "run", "--world-size", "2", "--data", "random:64,4", "--steps", "100000000",
         "--json", str(tmp_path / "r.json")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        time.sleep(1)
        deadline = time.monotonic() + 120
        while _group_size(process.pid) < 4 and time.monotonic() < deadline:  # the launcher, its child, two ranks
            time.sleep(0.2)
        time.sleep(2)  # the ranks have joined and are stepping
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=120)
    finally:
        process.kill()
    assert process.returncode == 130, err
    assert "INTERRUPTED after step" in out or err.strip() == "parity: interrupted"  # stepping, or still starting the ranks
    deadline = time.monotonic() + 30
    while _group_size(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _group_size(process.pid) == 0


def _group_size(group: int) -> int:
    return len(live_processes(2, group))


@pytest.mark.parametrize("extra,status,words", [([], 0, "PASS"), (["--no-ddp-sum-scaling"], 1, "likely cause: ddp-loss-scaling")])
def test_under_torchrun_rank_0_reports_and_the_others_follow(tmp_path, extra, status, words):
    finished = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node", "2", "-m", "parity", "run",
         "--world-size", "2", "--dtype", "float64", "--data", "random:24,3", "--steps", "5", *extra],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert (finished.returncode == 0) == (status == 0), finished.stdout + finished.stderr
    assert finished.stdout.count("parity: random:24,3") == 1  # one report: rank 0's
    assert words in finished.stdout


def test_two_machines_as_torchrun_sees_them_node_1_follows_node_0(tmp_path):
    """Two torchrun agents, one process each, meeting at a static rendezvous: RANK differs from LOCAL_RANK on
    node 1, as on a second machine."""
    port = str(_free_port())
    nodes = [subprocess.Popen(
        [sys.executable, "-m", "torch.distributed.run", "--nnodes", "2", "--nproc-per-node", "1", "--node-rank", str(node),
         "--master-addr", "127.0.0.1", "--master-port", port, "-m", "parity", "run",
         "--world-size", "2", "--dtype", "float64", "--data", "random:24,3", "--steps", "5"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path) for node in (0, 1)]
    try:
        outputs = [node.communicate(timeout=300) for node in nodes]
    finally:
        for node in nodes:
            node.kill()
    assert [node.returncode for node in nodes] == [0, 0], outputs
    assert "PASS" in outputs[0][0] and "rank_spread" in outputs[0][0]
    assert "parity" not in outputs[1][0]  # node 1 follows and prints nothing


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_torch_without_gloo_is_one_clear_line(monkeypatch):
    monkeypatch.setattr(torch.distributed, "is_gloo_available", lambda: False)
    with pytest.raises(InputError, match="needs torch.distributed with the gloo backend"):
        run(config(2, "mse"))
