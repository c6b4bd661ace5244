"""An update that is the port's negated while every other parameter's agrees: the gradients' signs apart, and
central differences of the loss name the side whose sign is not the derivative's (Adam's first step, lr·sign(g),
hides everything else of the gradient)."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

SCALED_NUMPY = """import numpy as np

class Scaled:
    def __init__(self):
        self.w = np.random.default_rng(0).normal(0.0, 0.5, (4, 1))
        self.s = np.array([1.5])
        self.first = {"w": np.zeros((4, 1)), "s": np.zeros(1)}  # moments under names the kit does not pair: only the
        self.second = {"w": np.zeros((4, 1)), "s": np.zeros(1)}  # updates show the gradients, and Adam's first hides their size
        self.t = 0

    def train_step(self, X, y):
        z = X @ self.w
        out = self.s * z
        loss = ((out - y) ** 2).mean()
        dout = 2.0 * (out - y) / len(X)
        grads = {"w": X.T @ (dout * self.s), "s": {ds}}
        self.t += 1
        for name, g in grads.items():
            self.first[name] = 0.9 * self.first[name] + 0.1 * g
            self.second[name] = 0.999 * self.second[name] + 0.001 * g * g
            m_hat = self.first[name] / (1 - 0.9 ** self.t)
            v_hat = self.second[name] / (1 - 0.999 ** self.t)
            setattr(self, name, getattr(self, name) - 0.01 * m_hat / (np.sqrt(v_hat) + 1e-8))
        return loss
"""

SCALED_PORT = """import torch
import torch.nn as nn

class Scaled(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.zeros(4, 1))
        self.s = nn.Parameter(torch.zeros(1))

    def forward(self, X):
        return self.s * (X @ self.w)

def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("ds, named, paired", [
    ("np.array([(dout * z).sum()])", False, False),
    ("np.array([-(dout * z).sum()])", True, False),
    ("np.array([-(dout * z).sum()])", True, True),
])
def test_a_gradient_whose_sign_is_lost_under_adam_is_named_by_central_differences(tmp_path, ds, named, paired):
    """Read from the updates (the moments unpaired) or from the moments (paired: the gradient is read from them)."""
    X = np.random.default_rng(1).normal(size=(24, 4))
    np.savez(tmp_path / "data.npz", X=X, y=X[:, :1] - 0.5 * X[:, 1:2])
    (tmp_path / "mine_numpy.py").write_text(SCALED_NUMPY.replace("{ds}", ds))
    (tmp_path / "mine_torch.py").write_text(SCALED_PORT)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine_numpy.py:Scaled", "--torch", f"{tmp_path}/mine_torch.py:Scaled", "--as-written",
        "--init", "net = Scaled()", "--data", str(tmp_path / "data.npz"), "--steps", "3", "--json", str(report),
        "--quiet", "--param", "w=w", "--param", "s=s", *(("--state", "exp_avg=net.first") if paired else ())])
    assert result.exit_code == (1 if named else 0), result.output
    if named:
        top = json.loads(report.read_text())["diagnosis"][0]
        assert top["evidence"].get("side") == "numpy" and top["evidence"]["parameter"] == "s", top
        assert ("negated" in top["explanation"] and "sign lost" in top["explanation"]), top["explanation"]
