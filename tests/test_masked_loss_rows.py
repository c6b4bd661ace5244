"""A port's loss over every row where the NumPy program's runs over the rows a 0/1 column keeps (a mask multiplied in,
not an index), beside another loss term: the port's own call, made again on those rows with the other terms as
they are, gives the NumPy program's loss."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

NUMPY = """
import numpy as np

class Masked:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W, self.v = rng.normal(0, 0.5, (3, 3)), rng.normal(0, 0.5, (3, 1))

    def train_step(self, X, y):
        x, keep, n = X[:, :3], X[:, 3], len(X)
        logits = x @ self.W
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        labels = y.astype(int)
        ce = -np.log(p[np.arange(n), labels]) * keep
        count = {count}
        r = (x @ self.v)[:, 0] - x[:, 0]
        loss = ce.sum() / count + (r ** 2).mean()
        onehot = np.eye(3)[labels]
        dlogits = (p - onehot) * keep[:, None] / count
        self.W -= 0.1 * x.T @ dlogits
        self.v -= 0.1 * x.T @ (2 * r[:, None] / n)
        return loss
"""

PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class Masked(nn.Module):
    def __init__(self):
        super().__init__()
        self.cls = nn.Linear(3, 3, bias=False)
        self.reg = nn.Linear(3, 1, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    x = X[:, :3]
    loss = F.cross_entropy(model.cls(x), y.long()) + F.mse_loss(model.reg(x).squeeze(1), x[:, 0])
    loss.backward()
    optimizer.step()
    return loss
"""


@pytest.mark.parametrize("count, code", [("keep.sum()", 1), ("n", 1)])
def test_a_mask_multiplied_in_on_one_side_is_read_by_the_port_s_loss_called_on_its_rows(tmp_path, count, code):
    rng = np.random.default_rng(8)
    x = rng.normal(size=(24, 3))
    np.savez(tmp_path / "d.npz", X=np.hstack([x, (np.arange(24) % 3 == 0)[:, None].astype(float)]),
             y=rng.integers(0, 3, size=24).astype(float))
    (tmp_path / "mine.py").write_text(NUMPY.format(count=count))
    (tmp_path / "port.py").write_text(PORT)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine.py:Masked", "--torch", f"{tmp_path}/port.py:Masked", "--as-written",
        "--data", str(tmp_path / "d.npz"), "--param", "W=cls.weight.T", "--param", "v=reg.weight.T", "--steps", "2",
        "--dtype", "float64", "--json", str(report), "--quiet"])
    assert result.exit_code == code
    top = json.loads(report.read_text())["diagnosis"][0]
    if count == "keep.sum()":
        assert top["name"] == "loss-function" and "cut to the 8 of its 24 rows" in top["explanation"], top["explanation"]
    else:
        assert "cut to the 8 of its 24 rows" not in top["explanation"], top["explanation"]  # a mean over all 24 rows
