"""A NumPy backward pass that takes targets the program made before another step of making them (the one-hot where
the smoothed targets belong): read by putting each made target in the place of the one used, the correction carried."""

import textwrap

import numpy as np

from tests.helpers import check_pair

PORT = """
import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 3)

    def forward(self, X):
        return self.fc(X)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.long(), label_smoothing=0.1)
    loss.backward()
    optimizer.step()
    return loss
"""

NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        self.W, self.b = np.random.default_rng(0).normal(0, 0.5, (5, 3)), np.zeros(3)

    def train_step(self, X, y):
        onehot = np.eye(3)[y.astype(int)]
        T = 0.9 * onehot + 0.1 / 3
        z = X @ self.W + self.b
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -(T * logp).sum(axis=1).mean()
        dz = (np.exp(logp) - T) / len(X)
        self.W -= 0.5 * X.T @ dz
        self.b -= 0.5 * dz.sum(axis=0)
        return loss
"""


def _run(tmp_path, numpy_text: str) -> tuple[int, dict]:
    rng = np.random.default_rng(12)
    return check_pair(tmp_path, textwrap.dedent(numpy_text), textwrap.dedent(PORT),
                      {"X": rng.normal(size=(16, 5)), "y": rng.integers(0, 3, 16).astype(float)}, ["W=fc.weight.T", "b=fc.bias"],
                      "--steps", "3", "--dtype", "float64")


def test_smoothed_targets_pass(tmp_path):
    assert _run(tmp_path, NUMPY)[0] == 0


def test_the_one_hot_where_the_smoothed_targets_belong_is_read_as_the_wrong_source(tmp_path):
    status, top = _run(tmp_path, NUMPY.replace("dz = (np.exp(logp) - T) / len(X)", "dz = (np.exp(logp) - onehot) / len(X)"))
    assert status == 1 and "wrong source" in top["explanation"] and top["evidence"]["side"] == "numpy", top
