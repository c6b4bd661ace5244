"""The port's loss called again otherwise: on the rows the NumPy program's loss picks (a graph's labelled nodes: a
loss over every row on one side), or as the loss written in its place (smooth L1 for Huber), beside other terms."""

import json
import textwrap

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

NUMPY = """
import numpy as np

class Nodes:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0, 0.5, (5, 3))
        self.mask = np.arange(24) % 3 != 0

    def train_step(self, X, y):
        z = X @ self.W
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        m = self.mask
        loss = -np.mean(np.log(p[m, y[m].astype(int)]))
        d = p.copy()
        d[np.arange(len(y)), y.astype(int)] -= 1.0
        d = d * m[:, None] / m.sum()
        self.W -= 0.5 * X.T @ d
        return loss
"""

PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class Nodes(nn.Module):
    def __init__(self):
        super().__init__()
        self.W = nn.Parameter(torch.zeros(5, 3))
        self.register_buffer("mask", torch.arange(24) % 3 != 0)

    def forward(self, X):
        return X @ self.W

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits, m = model(X), model.mask
    loss = LOSS
    loss.backward()
    optimizer.step()
    return loss
"""


@pytest.mark.parametrize("loss, named", [("F.cross_entropy(logits[m], y[m].long())", False),
                                         ("F.cross_entropy(logits, y.long())", True)])
def test_a_loss_over_every_row_where_the_numpy_program_masks_rows_is_named(tmp_path, loss, named):
    (tmp_path / "nodes.py").write_text(textwrap.dedent(NUMPY))
    (tmp_path / "port.py").write_text(textwrap.dedent(PORT.replace("LOSS", loss)))
    X = np.random.default_rng(1).normal(size=(24, 5))
    np.savez(tmp_path / "d.npz", X=X, y=np.argmax(X[:, :3], axis=1).astype(float))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/nodes.py:Nodes", "--torch", f"{tmp_path}/port.py:Nodes",
                                      "--as-written", "--init", "net = Nodes()", "--data", f"{tmp_path}/d.npz", "--steps", "3",
                                      "--param", "W=W", "--json", str(report)])
    assert result.exit_code == (1 if named else 0), result.output
    if named:
        top = json.loads(report.read_text())["diagnosis"][0]
        assert top["name"] == "loss-function" and "cut to the 16 of its 24 rows" in top["explanation"], top


HUBER_NUMPY = """
import numpy as np

class Robust:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0, 0.5, (4, 2))

    def train_step(self, X, y):
        out = X @ self.W
        r = out - y
        huber = np.where(np.abs(r) <= 0.5, 0.5 * r ** 2, 0.5 * (np.abs(r) - 0.25))
        loss = np.mean(huber) + 0.1 * np.mean(out ** 2)
        d = (np.clip(r, -0.5, 0.5) + 0.2 * out) / r.size
        self.W -= 0.1 * X.T @ d
        return loss
"""

HUBER_PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class Robust(nn.Module):
    def __init__(self):
        super().__init__()
        self.W = nn.Parameter(torch.zeros(4, 2))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = X @ model.W
    loss = LOSS + 0.1 * (out ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""


@pytest.mark.parametrize("loss, named", [("F.huber_loss(out, y, delta=0.5)", False), ("F.smooth_l1_loss(out, y, beta=0.5)", True)])
def test_smooth_l1_written_for_a_huber_loss_beside_another_term_is_named(tmp_path, loss, named):
    (tmp_path / "robust.py").write_text(textwrap.dedent(HUBER_NUMPY))
    (tmp_path / "port.py").write_text(textwrap.dedent(HUBER_PORT.replace("LOSS", loss)))
    X = np.random.default_rng(1).normal(size=(24, 4))
    np.savez(tmp_path / "d.npz", X=X, y=2.0 * (X[:, :2] - X[:, 2:]))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/robust.py:Robust", "--torch", f"{tmp_path}/port.py:Robust",
                                      "--as-written", "--init", "net = Robust()", "--data", f"{tmp_path}/d.npz", "--steps", "3",
                                      "--param", "W=W", "--json", str(report)])
    assert result.exit_code == (1 if named else 0), result.output
    if named:
        top = json.loads(report.read_text())["diagnosis"][0]
        assert top["name"] == "loss-function" and "huber_loss in its place" in top["explanation"], top
        assert "other terms" in top["explanation"], top
