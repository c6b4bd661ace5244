"""Momentum written by hand on both sides, read by the recurrence each side's updates follow (u_t = a·u_(t-1) +
b·g_t + c·g_(t-1) + d·p_t, fitted in lockstep): a buffer kept as an average on either side, another μ, Nesterov's
look-ahead on one side. (An average started from zero is heavy-ball momentum at (1 - μ) times the rate: one factor
at every step, read as a rate elsewhere.) Each reading fires on its slip and stays silent where both programs step alike."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

MOMENTUM_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1 = rng.normal(0.0, 0.5, (4, 6))
        self.W2 = rng.normal(0.0, 0.5, (6, 1))
        self.v = {}

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1)
        out = h @ self.W2
        loss = np.mean((out - y) ** 2)
        dout = 2 * (out - y) / n
        grads = {"W2": h.T @ dout, "W1": X.T @ ((dout @ self.W2.T) * (1 - h ** 2))}
        for name, g in grads.items():
            g = g + 1e-3 * getattr(self, name)
            prev = self.v.get(name)
            v = self.v[name] = g if prev is None else {buffer}
            setattr(self, name, getattr(self, name) - 0.1 * {step})
        return loss
"""

MOMENTUM_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 6, bias=False)
        self.fc2 = nn.Linear(6, 1, bias=False)
        self.buffers_ = {}

def train_step(model, optimizer, X, y):
    loss = ((model.fc2(torch.tanh(model.fc1(X))) - y) ** 2).mean()
    model.zero_grad()
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            g = p.grad + 1e-3 * p
            prev = model.buffers_.get(p)
            v = model.buffers_[p] = g if prev is None else {buffer}
            p -= 0.1 * {step}
    return loss.item()
"""
SUM, AVERAGE = "{mu} * prev + g", "{mu} * prev + (1 - {mu}) * g"  # the first step's buffer the gradient, as torch's
PORT_SUM, PORT_AVERAGE = SUM, AVERAGE


def _check(tmp_path, numpy_buffer: str, numpy_step: str, port_buffer: str, port_step: str) -> tuple[int, str]:
    X = np.random.default_rng(21).normal(size=(32, 4))
    np.savez(tmp_path / "data.npz", X=X, y=np.sin(X[:, :1]) + 0.5 * X[:, 1:2])
    (tmp_path / "mine_numpy.py").write_text(MOMENTUM_NUMPY.replace("{buffer}", numpy_buffer).replace("{step}", numpy_step))
    (tmp_path / "mine_torch.py").write_text(MOMENTUM_PORT.replace("{buffer}", port_buffer).replace("{step}", port_step))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine_numpy.py:Net", "--torch", f"{tmp_path}/mine_torch.py:Net", "--as-written",
        "--init", "net = Net()", "--data", str(tmp_path / "data.npz"), "--steps", "6", "--json", str(report), "--quiet",
        "--param", "W1=fc1.weight.T", "--param", "W2=fc2.weight.T"])
    said = json.loads(report.read_text())["diagnosis"][0]["explanation"] if result.exit_code == 1 else ""
    return result.exit_code, said


@pytest.mark.parametrize("numpy_buffer, port_buffer, nesterov, words", [
    (SUM, PORT_SUM, False, None),
    (SUM, PORT_SUM, True, None),
    (SUM, PORT_AVERAGE, False, "In the port the buffer takes (1 - μ)·g"),
    (AVERAGE, PORT_SUM, False, "In the NumPy program the buffer takes (1 - μ)·g"),
    (SUM, PORT_AVERAGE, True, "In the port the buffer takes (1 - μ)·g"),
])
def test_a_momentum_buffer_kept_as_an_average_is_read_from_the_updates_law(tmp_path, numpy_buffer, port_buffer, nesterov, words):
    numpy_step, port_step = ("(g + 0.9 * v)", "(g + 0.9 * v)") if nesterov else ("v", "v")
    code, said = _check(tmp_path, numpy_buffer.replace("{mu}", "0.9"), numpy_step, port_buffer.replace("{mu}", "0.9"), port_step)
    if words is None:
        assert code == 0, said
        return
    assert code == 1 and words in said and "dampening = μ" in said, said


def test_another_momentum_and_a_one_sided_look_ahead_are_read_as_such(tmp_path):
    code, said = _check(tmp_path, SUM.replace("{mu}", "0.9"), "v", PORT_SUM.replace("{mu}", "0.8"), "v")
    assert code == 1 and "μ is 0.9 in the NumPy program and 0.8 in the port" in said, said
    code, said = _check(tmp_path, SUM.replace("{mu}", "0.9"), "v", PORT_SUM.replace("{mu}", "0.9"), "(g + 0.9 * v)")
    assert code == 1 and "Only the port steps with Nesterov" in said, said


def test_one_layers_rate_under_momentum_is_a_rate_not_a_dampening(tmp_path):
    port_step = "(2.0 if p is model.fc2.weight else 1.0) * v"
    code, said = _check(tmp_path, SUM.replace("{mu}", "0.9"), "v", PORT_SUM.replace("{mu}", "0.9"), port_step)
    assert code == 1 and "learning rate" in said and "dampening" not in said, said
