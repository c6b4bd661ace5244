"""Factors on a gradient: a clip by the global norm (finite differences read a gradient up to it), a count the NumPy
backward carries and divides out at the end (no loss scale; its values read up to it), a constant ratio put on the
side finite differences show, and a mask written into a gradient after it is made (applied, not left out)."""

import json
import textwrap

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli
from parity.diagnosis.loss_differences import follows as _follows
from tests.test_trace_readings import values as traced

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


def _found(tmp_path, derivative: str, max_norm: str) -> list[dict]:
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
    return json.loads(report.read_text())["diagnosis"]


def test_a_wrong_derivative_under_clipping_is_read_up_to_the_count_and_placed_by_the_clips_factor(tmp_path):
    found = _found(tmp_path, "s * (1 - s)", "0.05")  # softplus's derivative written as the sigmoid's, 1/n at the end
    top, oracle = found[0], next(f for f in found if "torch_scaled" in f["evidence"])
    assert top["evidence"]["side"] == "numpy" and "times 48" in top["explanation"] and "v(1 - v)" in top["explanation"], top
    assert oracle["name"] == "numpy-backward" and oracle["evidence"]["side"] == "numpy", oracle
    assert 0 < oracle["evidence"]["torch_scaled"] < 1 and "numpy_scaled" not in oracle["evidence"]


def test_a_count_divided_out_at_the_end_is_no_loss_scale(tmp_path):
    top = _found(tmp_path, "s", "0.04")[0]  # correct gradients, clipped to another bound
    assert top["name"] == "gradient-clipping", top


@pytest.mark.parametrize("scaled, follows", [({"numpy_scaled": 0.5, "torch_scaled": 0.7}, (False, False)),
                                             ({"torch_scaled": 0.7}, (False, True)), ({}, (False, False))])
def test_a_factor_over_the_tensor_says_a_side_only_where_the_other_side_has_none(scaled, follows):
    oracle = {"numpy_follows": False, "torch_follows": False, **scaled}
    assert (_follows(oracle, "numpy"), _follows(oracle, "torch")) == follows


@pytest.mark.parametrize("oracle, side", [({"numpy_follows": False, "torch_follows": True, "numpy_error": 0.5}, "numpy"),
                                          ({"numpy_follows": True, "torch_follows": False, "torch_error": 0.5}, "torch"),
                                          ({"numpy_follows": False, "torch_follows": False}, None), (None, None)])
def test_a_constant_ratio_is_put_on_the_side_finite_differences_show(oracle, side):
    from parity.diagnosis.loss_differences import ratio_fix, ratio_side, side_of
    assert side_of(oracle).get("side") == side
    words, fix = ratio_side(oracle, "b1"), ratio_fix(oracle, "b1")
    assert ("Finite differences" in words) == (side is not None)
    assert ("the 2 of a square's derivative" in fix) == (side == "numpy") and ("port's loss" in fix) == (side == "torch")


def test_a_mask_written_into_a_gradient_after_it_is_made_is_no_mask_left_out():
    from parity.diagnosis.masks_left_out import mask_left_out
    rng = np.random.default_rng(5)
    g, keep = rng.normal(size=(10, 3)), rng.random((10, 1)) < 0.4
    port = traced(("grad", np.where(keep, g, 0.0) / 4, (), ""))  # the mean over the rows kept
    mine = traced(("X", g, (), ""), ("divide", g / 10, (0, 10.0), ""))  # over every row: the count slip
    said = mask_left_out([mine.values[1]], port, 1e-9, lambda v: "the port's gradient")
    assert "scaled mask" in said, said  # as far as this value shows, a scaled mask
    masked = traced(("X", g, (), ""), ("divide", g / 10, (0, 10.0), ""), ("setitem (in place)", np.where(keep, g / 10, 0.0), (1, 0.0), ""))
    assert mask_left_out(masked.values[1:], port, 1e-9, lambda v: "the port's gradient") == ""  # dZ[~mask] = 0 follows
