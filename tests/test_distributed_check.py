"""`parity check --torch PORT --world-size W`: the user's own port under DistributedDataParallel, built on every
rank from its file, against the single NumPy run of the whole batch."""

import os
import subprocess
import sys

import pytest
import torch.distributed

from parity import InputError, RunConfig, check
from parity.programs.port import TorchPort
from tests.helpers import live_processes

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not torch.distributed.is_available() or not torch.distributed.is_gloo_available(),
                                reason="torch.distributed with gloo is not available here")]

EXAMPLES = os.path.join(os.path.dirname(__file__), os.pardir, "examples")
TUTORIAL_PORT = os.path.join(EXAMPLES, "tutorial_port.py") + ":Net"
TUTORIAL_NETWORK = os.path.join(EXAMPLES, "tutorial_sse.py") + ":NeuralNetwork"

PORT_WITH_BIASES = '''
import torch
from torch import nn

class Port(nn.Module):
    def __init__(self, hidden_unit=torch.sigmoid):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(3, 5), nn.Linear(5, 2)
        self.hidden_unit = hidden_unit

    def forward(self, x):
        return torch.sigmoid(self.fc2(self.hidden_unit(self.fc1(x))))
'''


def settings(world_size: int, **changes) -> RunConfig:
    return RunConfig(**{"lr": 1.0, "steps": 4, "dtype": "float64", "world_size": world_size, **changes})


@pytest.fixture
def port_file(tmp_path):
    path = tmp_path / "port.py"
    path.write_text(PORT_WITH_BIASES)
    return f"{path}:Port"


def test_the_tutorial_port_on_two_ranks_matches_the_numpy_run():
    report = check(settings(2, steps=6), torch=TUTORIAL_PORT)
    assert report.passed, report.format_table()
    assert set(report.tensors) == {"W2.update", "W1.update", "W1", "W2", "rank_spread"}
    assert "each rank's loss multiplied by 2" in report.format_table()


@pytest.mark.parametrize("optimizer,loss", [("momentum", "mse"), ("adam", "bce"), ("nesterov", "half-sse")])
def test_a_port_with_biases_on_three_ranks_with_mini_batches(port_file, optimizer, loss):
    config = settings(3, data="random:24,3,2", lr=0.1, optimizer=optimizer, loss=loss, batch_size=12, steps=5)
    report = check(config, torch=port_file)
    assert report.passed, report.format_table()


def test_a_port_whose_forward_differs_fails_under_ddp(port_file):
    port = TorchPort(port_file, init="Port(torch.tanh)")
    report = check(settings(2, data="random:24,3,2", lr=0.1, loss="mse"), torch=port)
    assert not report.passed
    assert report.diagnosis[0].name != "ddp-loss-scaling"


def test_a_step_of_the_port_that_sums_without_the_world_size_is_named():
    port = TorchPort(TUTORIAL_PORT, step="train_step(model, optimizer, X, y)")  # its own sum, not multiplied by W
    report = check(settings(2), torch=port)
    assert not report.passed
    assert report.diagnosis[0].name == "ddp-loss-scaling" and report.diagnosis[0].evidence["ratio"] == pytest.approx(2)
    assert "must multiply it by world_size (2) itself" in report.format_table()


def test_a_step_that_multiplies_by_world_size_passes():
    step = "optimizer.zero_grad(); (((model(X) - y) ** 2).sum() * world_size).backward(); optimizer.step()"
    assert check(settings(2), torch=TorchPort(TUTORIAL_PORT, step=step)).passed


def test_a_step_that_moves_one_rank_alone_is_ranks_disagree(port_file):
    step = ("optimizer.zero_grad(); loss_fn(model(X), y).backward(); optimizer.step()\n"
            "with torch.no_grad(): model.module.fc1.bias.add_(1e-3 * torch.distributed.get_rank())")
    report = check(settings(2, data="random:24,3,2", lr=0.1, loss="mse"), torch=TorchPort(port_file, step=step))
    assert not report.passed
    assert report.diagnosis[0].name == "ranks-disagree"


def test_the_users_numpy_network_against_the_twin_under_ddp():
    report = check(settings(2), numpy=TUTORIAL_NETWORK)
    assert report.passed, report.format_table()


def test_an_error_in_the_port_on_a_rank_is_one_line_and_no_worker_is_left(port_file):
    with pytest.raises(InputError, match="rank 0: step 1: --torch-step raised ValueError: boom"):
        check(settings(2, data="random:24,3,2", loss="mse"), torch=TorchPort(port_file, step="raise ValueError('boom')"))
    assert not _children()


def test_under_torchrun_the_port_is_checked_and_rank_0_reports(tmp_path):
    finished = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node", "2", "-m", "parity", "check",
         "--torch", os.path.abspath(TUTORIAL_PORT.rpartition(":")[0]) + ":Net", "--world-size", "2", "--dtype", "float64",
         "--steps", "5", "--no-ddp-sum-scaling"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert finished.returncode != 0, finished.stdout + finished.stderr
    assert finished.stdout.count("parity: the kit's NumPy network against") == 1  # one report: rank 0's
    assert "likely cause: ddp-loss-scaling" in finished.stdout


def _children() -> set[int]:
    """This process's live spawned workers (not multiprocessing's resource tracker, which lives as long as we do)."""
    return {pid for pid in live_processes(1, os.getpid()) if b"spawn_main" in _command_line(pid)}


def _command_line(pid: int) -> bytes:
    try:
        return open(f"/proc/{pid}/cmdline", "rb").read()
    except OSError:
        return b""
