"""Where one side does with a value what the other does not: a column of the data one program goes on with and the
other never reads (a mask or a term on one side only); a factor one side masks; a mean the port takes over another dim,
read by calling its own mean again with the NumPy program's axis."""

import textwrap

import numpy as np

from tests.helpers import check_pair

PORT = """
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 1)

    def forward(self, X):
        return self.fc(X[:, :4])[:, 0]


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    done = X[:, 4]
    target = y + 0.9 * (1 - done) * y.flip(0)
    loss = ((model(X) - target) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""

NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        self.W, self.b = np.random.default_rng(0).normal(0, 0.5, (4, 1)), np.zeros(1)

    def train_step(self, X, y):
        done = X[:, 4]
        target = y + 0.9 * (1 - done) * y[::-1]
        out = (X[:, :4] @ self.W + self.b)[:, 0]
        loss = np.mean((out - target) ** 2)
        d = 2 * (out - target) / len(X)
        self.W -= 0.1 * X[:, :4].T @ d[:, None]
        self.b -= 0.1 * d.sum(keepdims=True)
        return loss
"""


def _run(tmp_path, port_text: str) -> tuple[int, dict]:
    rng = np.random.default_rng(11)
    X = np.hstack([rng.normal(size=(16, 4)), (rng.random((16, 1)) > 0.7).astype(float)])
    return check_pair(tmp_path, textwrap.dedent(NUMPY), textwrap.dedent(port_text), {"X": X, "y": rng.normal(size=16)},
                      ["W=fc.weight.T", "b=fc.bias"], "--steps", "3", "--dtype", "float64")


def test_the_masked_target_passes(tmp_path):
    assert _run(tmp_path, PORT)[0] == 0


def test_a_mask_column_the_port_never_reads_is_said(tmp_path):
    status, top = _run(tmp_path, PORT.replace("target = y + 0.9 * (1 - done) * y.flip(0)", "target = y + 0.9 * y.flip(0)"))
    assert status == 1 and "never reads it" in top["explanation"], top


def test_a_factor_masked_on_one_side_is_said():
    from parity.diagnosis.masked_means import zeroed_on_one_side
    gamma = np.full(8, 0.99)
    masked = gamma * np.array([1, 0, 1, 1, 0, 1, 1, 1.0])
    said = zeroed_on_one_side(gamma, masked)
    assert "The port's is the NumPy program's with 2 of its 8 entries 0" in said, said
    assert zeroed_on_one_side(gamma, 0.5 * masked) == ""  # apart where both keep: no mask alone


NORM_PORT = """
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 1)

    def forward(self, X):
        x = X[:, :4]
        return self.fc(x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-6))[:, 0]


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""

NORM_NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        self.W, self.b = np.random.default_rng(0).normal(0, 0.5, (4, 1)), np.zeros(1)

    def train_step(self, X, y):
        x = X[:, :4]
        n = x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + 1e-6)
        out = (n @ self.W + self.b)[:, 0]
        loss = np.mean((out - y) ** 2)
        d = 2 * (out - y) / len(X)
        self.W -= 0.1 * n.T @ d[:, None]
        self.b -= 0.1 * d.sum(keepdims=True)
        return loss
"""


def test_a_mean_over_another_dim_is_read_by_calling_it_again(tmp_path):
    rng = np.random.default_rng(13)
    data = {"X": rng.normal(size=(16, 5)), "y": rng.normal(size=16)}
    ok = check_pair(tmp_path, textwrap.dedent(NORM_NUMPY), textwrap.dedent(NORM_PORT), data, ["W=fc.weight.T", "b=fc.bias"],
                    "--steps", "3", "--dtype", "float64")
    assert ok[0] == 0
    status, top = check_pair(tmp_path, textwrap.dedent(NORM_NUMPY), textwrap.dedent(NORM_PORT.replace("mean(-1, keepdim", "mean(0, keepdim")),
                             data, ["W=fc.weight.T", "b=fc.bias"], "--steps", "3", "--dtype", "float64")
    assert status == 1 and "The port's own mean, called again on the same tensors with dim=" in top["explanation"], top
