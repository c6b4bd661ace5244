"""A parameter changed after the optimizer's step (a proximal shrink, a threshold, a mask applied again), read on
each side as one map of the port's optimizer.step() result."""

import json
import textwrap

import numpy as np
from click.testing import CliRunner

from parity.cli import cli

PROXIMAL_NUMPY = """
import numpy as np

class Lasso:
    def __init__(self):
        self.w = np.random.default_rng(0).normal(0, 0.3, (6, 1))
        self.b = np.zeros(1)

    def train_step(self, X, y):
        r = X @ self.w + self.b - y
        g = 2 * X.T @ r / len(X)
        self.w -= 0.1 * GRADIENT_SCALE * g
        self.b -= 0.1 * 2 * r.mean(axis=0)
        self.w = np.sign(self.w) * np.maximum(np.abs(self.w) - 0.1 * 0.05, 0.0)   # L1's proximal step: τ = lr·λ
        return float(np.mean(r ** 2))
"""

PROXIMAL_PORT = """
import torch
from torch import nn

class Lasso(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(6, 1)

    def forward(self, X):
        return self.fc(X)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        w = model.fc.weight
        w.copy_(torch.sign(w) * torch.clamp(w.abs() - TAU, min=0.0))
    return loss
"""


def run(tmp_path, tau: str, scale: str = "1.0") -> tuple[int, dict | None]:
    (tmp_path / "lasso.py").write_text(textwrap.dedent(PROXIMAL_NUMPY.replace("GRADIENT_SCALE", scale)))
    (tmp_path / "port.py").write_text(textwrap.dedent(PROXIMAL_PORT.replace("TAU", tau)))
    X = np.random.default_rng(4).normal(size=(40, 6))
    np.savez(tmp_path / "d.npz", X=X, y=X[:, :1] - 0.5 * X[:, 1:2])
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/lasso.py:Lasso", "--torch", f"{tmp_path}/port.py:Lasso",
                                      "--as-written", "--data", f"{tmp_path}/d.npz", "--steps", "5", "--param", "w=fc.weight.T",
                                      "--param", "b=fc.bias", "--json", str(report)])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, (json.loads(report.read_text()).get("diagnosis") or [None])[0]


def test_the_same_proximal_step_passes(tmp_path):
    assert run(tmp_path, "0.1 * 0.05")[0] == 0


def test_a_proximal_step_without_the_learning_rate_is_read_as_two_soft_thresholds(tmp_path):
    code, top = run(tmp_path, "0.05")
    assert code == 1 and top["name"] == "after-step", top
    assert "soft threshold at τ = 0.005" in top["evidence"]["numpy"] and "τ = 0.05" in top["evidence"]["torch"], top


def test_a_gradient_of_another_size_before_the_same_proximal_step_is_no_map_of_the_ports_step(tmp_path):
    code, top = run(tmp_path, "0.1 * 0.05", scale="2.0")
    assert code == 1 and top["name"] != "after-step", top


def test_a_step_at_twice_the_rate_on_a_weight_started_at_zero_is_no_map_after_the_step():
    from parity.diagnosis.after_step import _step_scaled
    before, step = np.zeros((3, 2)), np.random.default_rng(1).normal(size=(3, 2))
    assert _step_scaled(before, before + step, before + 2 * step)  # 2·w' here is a rate, not a scale after the step
    w = np.random.default_rng(2).normal(size=(3, 2))
    assert not _step_scaled(w, w + step, 0.9 * (w + step))  # a decay after the step scales w' itself
