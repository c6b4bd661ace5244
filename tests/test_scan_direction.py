"""A cumulative sum run the other way in a NumPy backward pass (the prefix sum of the forward written again where
its derivative is the suffix sum): read by recomputing with the scan flipped, and silent on the correct program."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

PREFIX_NUMPY = """import numpy as np

class Prefix:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W = rng.normal(0.0, 0.4, (5, 6))
        self.v = rng.normal(0.0, 0.4, (6, 1))

    def train_step(self, X, y):
        h = X @ self.W
        c = np.cumsum(h, axis=1)
        out = c @ self.v
        loss = ((out - y) ** 2).mean()
        dout = 2.0 * (out - y) / len(X)
        dc = dout @ self.v.T
        dh = {dh}
        self.v -= 0.05 * c.T @ dout
        self.W -= 0.05 * X.T @ dh
        return loss
"""

PREFIX_PORT = """import torch
import torch.nn as nn

class Prefix(nn.Module):
    def __init__(self):
        super().__init__()
        self.W = nn.Parameter(torch.zeros(5, 6))
        self.v = nn.Parameter(torch.zeros(6, 1))

    def forward(self, X):
        return torch.cumsum(X @ self.W, dim=1) @ self.v

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("dh, read", [
    ("np.flip(np.cumsum(np.flip(dc, axis=1), axis=1), axis=1)", False),
    ("np.cumsum(dc, axis=1)", True),
])
def test_a_cumulative_sum_run_the_other_way_in_the_backward_is_read(tmp_path, dh, read):
    X = np.random.default_rng(1).normal(size=(20, 5))
    np.savez(tmp_path / "data.npz", X=X, y=X[:, :1] - X[:, 2:3])
    (tmp_path / "mine_numpy.py").write_text(PREFIX_NUMPY.format(dh=dh))
    (tmp_path / "mine_torch.py").write_text(PREFIX_PORT)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine_numpy.py:Prefix", "--torch", f"{tmp_path}/mine_torch.py:Prefix", "--as-written",
        "--init", "net = Prefix()", "--data", str(tmp_path / "data.npz"), "--steps", "3", "--json", str(report),
        "--quiet", "--param", "W=W", "--param", "v=v"])
    assert result.exit_code == (1 if read else 0), result.output
    if read:
        top = json.loads(report.read_text())["diagnosis"][0]
        assert top["evidence"].get("side") == "numpy" and top["evidence"]["parameter"] == "W", top
        assert "cumsum runs in the other direction" in top["explanation"], top["explanation"]
