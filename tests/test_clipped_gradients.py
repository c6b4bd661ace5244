"""Programs that clip by the global norm: the finite differences read a gradient up to the clip's factor, and a count
divided out at the end of the NumPy backward is no loss scale."""

import json
import textwrap

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli
from parity.diagnosis.loss_differences import follows as _follows

NUMPY = """
import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1, self.b1 = rng.normal(0, 0.5, (5, 8)), np.zeros(8)
        self.W2, self.b2 = rng.normal(0, 0.5, (8, 2)), np.zeros(2)
        self.grads = {}

    def _forward(self, X):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        return h, z, np.log1p(np.exp(z))

    def loss(self, X, y):
        return float(np.mean((self._forward(X)[2] - y) ** 2))

    def train_step(self, X, y):
        h, z, pred = self._forward(X)
        s = 1.0 / (1.0 + np.exp(-z))
        n = pred.size
        dz = 2 * (pred - y) * DERIVATIVE
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        self.grads = {"W2": h.T @ dz / n, "b2": dz.sum(axis=0) / n, "W1": X.T @ dh / n, "b1": dh.sum(axis=0) / n}
        norm = np.sqrt(sum(float((g ** 2).sum()) for g in self.grads.values()))
        coef = min(1.0, MAX_NORM / (norm + 1e-6))
        for k in self.grads:
            self.grads[k] = self.grads[k] * coef
            setattr(self, k, getattr(self, k) - 0.1 * self.grads[k])
        return float(np.mean((pred - y) ** 2))
"""

PORT = """
import torch
from torch import nn
import torch.nn.functional as F

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(5, 8), nn.Linear(8, 2)

    def forward(self, X):
        return F.softplus(self.fc2(torch.tanh(self.fc1(X))))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 0.05)
    optimizer.step()
    return loss
"""


def _top(tmp_path, derivative: str, max_norm: str) -> dict:
    (tmp_path / "net.py").write_text(textwrap.dedent(NUMPY.replace("DERIVATIVE", derivative).replace("MAX_NORM", max_norm)))
    (tmp_path / "port.py").write_text(textwrap.dedent(PORT))
    X = np.random.default_rng(1).normal(size=(24, 5))
    np.savez(tmp_path / "d.npz", X=X, y=np.stack([np.abs(X[:, 0]), X[:, 1] ** 2], axis=1))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--torch", f"{tmp_path}/port.py:Net", "--as-written",
                                      "--data", f"{tmp_path}/d.npz", "--steps", "3", "--dtype", "float64",
                                      "--param", "W1=fc1.weight.T", "--param", "b1=fc1.bias", "--param", "W2=fc2.weight.T",
                                      "--param", "b2=fc2.bias", "--grads", "net.grads", "--json", str(report)])
    assert result.exit_code == 1, result.output
    return json.loads(report.read_text())["diagnosis"][0]


def test_a_wrong_derivative_under_clipping_is_placed_by_the_ports_gradient_up_to_the_clips_factor(tmp_path):
    top = _top(tmp_path, "s * (1 - s)", "0.05")  # softplus's derivative written as the sigmoid's
    assert top["name"] == "numpy-backward" and top["evidence"]["side"] == "numpy"
    assert 0 < top["evidence"]["torch_scaled"] < 1 and "numpy_scaled" not in top["evidence"]


def test_a_count_divided_out_at_the_end_is_no_loss_scale(tmp_path):
    top = _top(tmp_path, "s", "0.04")  # correct gradients, clipped to another bound
    assert top["name"] == "gradient-clipping", top


@pytest.mark.parametrize("scaled, follows", [({"numpy_scaled": 0.5, "torch_scaled": 0.7}, (False, False)),
                                             ({"torch_scaled": 0.7}, (False, True)), ({}, (False, False))])
def test_a_factor_over_the_tensor_says_a_side_only_where_the_other_side_has_none(scaled, follows):
    oracle = {"numpy_follows": False, "torch_follows": False, **scaled}
    assert (_follows(oracle, "numpy"), _follows(oracle, "torch")) == follows
