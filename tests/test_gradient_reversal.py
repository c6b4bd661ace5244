"""A gradient reversal (DANN): neither program's gradient is its loss's derivative, by design, so central differences
judge neither side; a difference read against the port's values is said without a side, whichever program has the
slip."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

NUMPY = """
import numpy as np

class Dann:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1, self.b1 = rng.normal(0, 0.5, (3, 4)), np.zeros(4)
        self.w2, self.w3 = rng.normal(0, 0.5, (4, 1)), rng.normal(0, 0.5, (4, 1))

    def train_step(self, X, y):
        n, lam = len(X), 0.5
        x, d = X[:, :3], X[:, 3:]
        h = np.tanh(x @ self.W1 + self.b1)
        yhat, logit = h @ self.w2, h @ self.w3
        p = 1 / (1 + np.exp(-logit))
        loss = ((yhat[:, 0] - y) ** 2).mean() - (d * np.log(p) + (1 - d) * np.log(1 - p)).mean()
        dy = 2 * (yhat[:, 0] - y)[:, None] / n
        dl = (p - d) / n
        dh = dy @ self.w2.T {reversal} dl @ self.w3.T
        dz = dh * (1 - h ** 2)
        self.w2 -= 0.1 * h.T @ dy
        self.w3 -= 0.1 * h.T @ dl
        self.W1 -= 0.1 * x.T @ dz
        self.b1 -= 0.1 * dz.sum(axis=0)
        return loss
"""

PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class Reverse(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, lam):
        ctx.lam = lam
        return x.view_as(x)

    @staticmethod
    def backward(ctx, g):
        return {sign}ctx.lam * g, None

class Dann(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Linear(3, 4)
        self.label = nn.Linear(4, 1, bias=False)
        self.domain = nn.Linear(4, 1, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    h = torch.tanh(model.features(X[:, :3]))
    loss = F.mse_loss(model.label(h).squeeze(1), y) + F.binary_cross_entropy_with_logits(
        model.domain(Reverse.apply(h, 0.5)), X[:, 3:])
    loss.backward()
    optimizer.step()
    return loss
"""


def _check(tmp_path, reversal: str, sign: str) -> tuple[int, list[dict]]:
    rng = np.random.default_rng(6)
    x = rng.normal(size=(32, 3))
    np.savez(tmp_path / "d.npz", X=np.hstack([x, (x[:, :1] > 0).astype(float)]), y=x[:, 1] - 0.5 * x[:, 2])
    (tmp_path / "mine.py").write_text(NUMPY.format(reversal=reversal))
    (tmp_path / "port.py").write_text(PORT.format(sign=sign))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine.py:Dann", "--torch", f"{tmp_path}/port.py:Dann", "--as-written",
        "--data", str(tmp_path / "d.npz"), "--param", "W1=features.weight.T", "--param", "b1=features.bias",
        "--param", "w2=label.weight.T", "--param", "w3=domain.weight.T", "--steps", "3", "--dtype", "float64",
        "--json", str(report), "--quiet"])
    return result.exit_code, (json.loads(report.read_text())["diagnosis"] if result.exit_code == 1 else [])


@pytest.mark.parametrize("reversal, sign", [("- 0.5 *", ""), ("-", "-"), ("- 0.5 *", "-")])
def test_a_difference_behind_a_gradient_reversal_is_said_without_a_side(tmp_path, reversal, sign):
    code, diagnosis = _check(tmp_path, reversal, sign)
    if (reversal, sign) == ("- 0.5 *", "-"):
        assert code == 0  # the same reversal on both sides
        return
    assert code == 1
    top = diagnosis[0]
    assert "side" not in top["evidence"] and top["evidence"].get("oracle") == "none", top
    assert "Neither side's gradient of" in top["explanation"] and "no oracle says which side parts" in top["explanation"], top
