"""A block one program applies once more than the other (a shared residual block at depth 3 against 2, on either
side): measured by calling the port's own next op on the value both agree on, and said as the ops repeated."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

SHARED_NUMPY = """import numpy as np

class Net:
    def __init__(self, depth={depth}):
        rng = np.random.default_rng(0)
        self.depth = depth
        self.W_in = rng.normal(0.0, 0.4, (5, 6))
        self.W_s = rng.normal(0.0, 0.4, (6, 6))
        self.b_s = np.zeros(6)
        self.W_out = rng.normal(0.0, 0.4, (6, 1))

    def train_step(self, X, y):
        n = len(X)
        hs, ts = [X @ self.W_in], []
        for _ in range(self.depth):
            t = np.tanh(hs[-1] @ self.W_s + self.b_s)
            ts.append(t)
            hs.append(hs[-1] + t)
        out = hs[-1] @ self.W_out
        loss = np.mean((out - y) ** 2)
        dout = 2 * (out - y) / n
        dW_out = hs[-1].T @ dout
        dh = dout @ self.W_out.T
        dW_s, db_s = np.zeros_like(self.W_s), np.zeros_like(self.b_s)
        for k in reversed(range(self.depth)):
            dz = dh * (1 - ts[k] ** 2)
            dW_s += hs[k].T @ dz
            db_s += dz.sum(axis=0)
            dh = dh + dz @ self.W_s.T
        dW_in = X.T @ dh
        self.W_out -= 0.05 * dW_out
        self.W_s -= 0.05 * dW_s
        self.b_s -= 0.05 * db_s
        self.W_in -= 0.05 * dW_in
        return loss
"""

SHARED_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self, depth={depth}):
        super().__init__()
        self.depth = depth
        self.inp = nn.Linear(5, 6, bias=False)
        self.block = nn.Linear(6, 6)
        self.head = nn.Linear(6, 1, bias=False)

    def forward(self, X):
        h = self.inp(X)
        for _ in range(self.depth):
            h = h + torch.tanh(self.block(h))
        return self.head(h)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""
PAIRS = ["W_in=inp.weight.T", "W_s=block.weight.T", "b_s=block.bias", "W_out=head.weight.T"]


def _check(tmp_path, numpy_depth: int, port_depth: int) -> tuple[int, str]:
    X = np.random.default_rng(11).normal(size=(32, 5))
    np.savez(tmp_path / "data.npz", X=X, y=np.tanh(X[:, :1] - X[:, 1:2]))
    (tmp_path / "mine_numpy.py").write_text(SHARED_NUMPY.replace("{depth}", str(numpy_depth)))
    (tmp_path / "mine_torch.py").write_text(SHARED_PORT.replace("{depth}", str(port_depth)))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine_numpy.py:Net", "--torch", f"{tmp_path}/mine_torch.py:Net", "--as-written",
        "--init", "net = Net()", "--data", str(tmp_path / "data.npz"), "--steps", "3", "--json", str(report), "--quiet",
        *(a for p in PAIRS for a in ("--param", p))])
    said = json.loads(report.read_text())["diagnosis"][0]["explanation"] if result.exit_code == 1 else ""
    return result.exit_code, said


@pytest.mark.parametrize("numpy_depth, port_depth, who", [(2, 2, None), (2, 3, "The port"), (3, 2, "The NumPy program")])
def test_a_block_applied_once_more_on_one_side_is_said_as_the_ops_repeated(tmp_path, numpy_depth, port_depth, who):
    code, said = _check(tmp_path, numpy_depth, port_depth)
    if who is None:
        assert code == 0, said
        return
    assert code == 1 and f"{who} applies" in said and "ops that made that value, applied once more" in said, said
