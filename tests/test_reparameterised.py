"""A parameter the port puts through an elementwise function first (σ = softplus(ρ)), whose NumPy gradient leaves
that function's derivative out of the chain rule: read entry by entry against the port's, at the gradient or at a
momentum that is the gradient at step 1."""

import json
import textwrap

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

NUMPY = """
import numpy as np

class Noisy:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.mu, self.rho = rng.normal(0, 0.5, (4, 2)), rng.normal(-2.0, 0.5, (4, 2))
        self.eps = np.random.default_rng(5).normal(size=(4, 2))
        self.v = {"mu": np.zeros((4, 2)), "rho": np.zeros((4, 2))}
        self.grads = {}

    def train_step(self, X, y):
        s = 1 / (1 + np.exp(-self.rho))
        W = self.mu + np.log1p(np.exp(self.rho)) * self.eps
        out = X @ W
        d = 2 * (out - y) / out.size
        dW = X.T @ d
        self.grads = {"mu": dW, "rho": dW * self.eps * FACTOR}
        for k in ("mu", "rho"):
            self.v[k] = 0.9 * self.v[k] + self.grads[k]
        self.mu -= 0.1 * self.v["mu"]
        self.rho -= 0.1 * self.v["rho"]
        return float(np.mean((out - y) ** 2))
"""

PORT = """
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

class Noisy(nn.Module):
    def __init__(self):
        super().__init__()
        self.mu, self.rho = nn.Parameter(torch.zeros(4, 2)), nn.Parameter(torch.zeros(4, 2))
        self.register_buffer("eps", torch.tensor(np.random.default_rng(5).normal(size=(4, 2))))

    def forward(self, X):
        return X @ (self.mu + F.softplus(self.rho) * self.eps.to(X.dtype))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""


@pytest.mark.parametrize("factor, grads", [("s", True), ("1.0", True), ("1.0", False), ("s * s", False)])
def test_a_softplus_derivative_left_out_or_taken_twice_is_read_entry_by_entry(tmp_path, factor, grads):
    (tmp_path / "noisy.py").write_text(textwrap.dedent(NUMPY.replace("FACTOR", factor)))
    (tmp_path / "port.py").write_text(textwrap.dedent(PORT))
    X = np.random.default_rng(1).normal(size=(16, 4))
    np.savez(tmp_path / "d.npz", X=X, y=X[:, :2] * 0.5)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/noisy.py:Noisy", "--torch", f"{tmp_path}/port.py:Noisy",
                                      "--as-written", "--init", "net = Noisy()", "--data", f"{tmp_path}/d.npz", "--steps", "3",
                                      "--param", "mu=mu", "--param", "rho=rho", "--state", "momentum_buffer=net.v",
                                      "--json", str(report), *(["--grads", "net.grads"] if grads else [])])
    assert result.exit_code == (0 if factor == "s" else 1), result.output
    if factor != "s":
        top = json.loads(report.read_text())["diagnosis"][0]
        how = "left out of" if factor == "1.0" else "taken once more in"
        assert top["name"] == "numpy-backward" and "softplus" in top["explanation"] and how in top["explanation"], top
