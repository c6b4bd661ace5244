"""A loss term (of the data: one the traces hold) whose weight follows a warm-up, one step behind on one side or held at 0 by an integer division:
read from the term's weight on each side, step by step, from each step's shared start."""

import json
import textwrap

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

NUMPY = """
import numpy as np

class Warm:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0, 0.5, (4, 2))
        self.t = 0

    def train_step(self, X, y):
        self.t += 1
        beta = min(1.0, self.t WARMUP 10)
        out = X @ self.W
        loss = np.mean((out - y) ** 2) + beta * 0.1 * np.mean(np.cosh(out))
        self.W -= 0.1 * X.T @ ((2 * (out - y) + beta * 0.1 * np.sinh(out)) / out.size)
        return loss
"""

PORT = """
import torch
from torch import nn

class Warm(nn.Module):
    def __init__(self):
        super().__init__()
        self.W = nn.Parameter(torch.zeros(4, 2))
        self.t = 0

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    BEFORE
    beta = min(1.0, model.t / 10)
    AFTER
    out = X @ model.W
    loss = ((out - y) ** 2).mean() + beta * 0.1 * torch.cosh(out).mean()
    loss.backward()
    optimizer.step()
    return loss
"""


@pytest.mark.parametrize("warmup, late, words", [
    ("/", False, None),
    ("/", True, "the port's weight runs one step behind"),
    ("//", False, "the NumPy program's weight on"),
])
def test_a_warm_up_weight_one_step_behind_or_held_at_zero_is_read_step_by_step(tmp_path, warmup, late, words):
    port = PORT.replace("BEFORE", "pass" if late else "model.t += 1").replace("AFTER", "model.t += 1" if late else "pass")
    (tmp_path / "warm.py").write_text(textwrap.dedent(NUMPY.replace("WARMUP", warmup)))
    (tmp_path / "port.py").write_text(textwrap.dedent(port))
    X = np.random.default_rng(1).normal(size=(16, 4))
    np.savez(tmp_path / "d.npz", X=X, y=X[:, :2] - X[:, 2:])
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/warm.py:Warm", "--torch", f"{tmp_path}/port.py:Warm",
                                      "--as-written", "--init", "net = Warm()", "--data", f"{tmp_path}/d.npz", "--steps", "8",
                                      "--param", "W=W", "--json", str(report)])
    assert result.exit_code == (0 if words is None else 1), result.output
    if words:
        top = json.loads(report.read_text())["diagnosis"][0]
        assert words in top["explanation"] and "Followed over steps 1 to 6" in top["explanation"], top
        assert "is 0 at every one of them" in top["explanation"] if warmup == "//" else True


SHIFT_NUMPY = """
import numpy as np

class Shift:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0, 0.5, (4, 2))
        self.t = 0

    def train_step(self, X, y):
        self.t += 1
        m = 0.05 * self.t
        out = X @ self.W
        r = out - y + m
        self.W -= 0.1 * X.T @ (2 * r / r.size)
        return np.mean(r ** 2)
"""

SHIFT_PORT = """
import torch
from torch import nn

class Shift(nn.Module):
    def __init__(self):
        super().__init__()
        self.W = nn.Parameter(torch.zeros(4, 2))
        self.t = 0

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    model.t += 1
    m = 0.05 * (model.t + AHEAD)
    loss = ((X @ model.W - y + m) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""


@pytest.mark.parametrize("ahead", [0, 1])
def test_a_number_one_step_ahead_on_one_side_is_read_by_following_it(tmp_path, ahead):
    (tmp_path / "shift.py").write_text(textwrap.dedent(SHIFT_NUMPY))
    (tmp_path / "port.py").write_text(textwrap.dedent(SHIFT_PORT.replace("AHEAD", str(ahead))))
    X = np.random.default_rng(1).normal(size=(16, 4))
    np.savez(tmp_path / "d.npz", X=X, y=X[:, :2] - X[:, 2:])
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/shift.py:Shift", "--torch", f"{tmp_path}/port.py:Shift",
                                      "--as-written", "--init", "net = Shift()", "--data", f"{tmp_path}/d.npz", "--steps", "8",
                                      "--param", "W=W", "--json", str(report)])
    assert result.exit_code == ahead, result.output
    if ahead:
        top = json.loads(report.read_text())["diagnosis"][0]
        assert "The port's number runs one step ahead" in top["explanation"], top
