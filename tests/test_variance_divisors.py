"""A variance divided by n on one side and by n - 1 on the other, measured on the two programs' values: the divisor
each side uses, read from the ratio of the port's torch.var to the NumPy program's value, and the port blamed only
where it leaves torch's default on."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

NUMPY = """
import numpy as np

class Spread:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W, self.b = rng.normal(0, 0.5, (4, 3)), np.zeros(3)

    def train_step(self, X, y):
        n = len(X)
        h = X @ self.W + self.b
        centred = h - h.mean(axis=0)
        var = (centred ** 2).sum(axis=0) / (n - {ddof})
        loss = ((h - y) ** 2).mean() + 0.3 * var.sum()
        dh = 2 * (h - y) / h.size + 0.3 * 2 * centred / (n - {ddof})
        self.W -= 0.1 * X.T @ dh
        self.b -= 0.1 * dh.sum(axis=0)
        return loss
"""

PORT = """
import torch
from torch import nn

class Spread(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        return self.fc(x)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    h = model(X)
    loss = ((h - y) ** 2).mean() + 0.3 * {var}.sum()
    loss.backward()
    optimizer.step()
    return loss
"""


def _check(tmp_path, ddof: int, var: str) -> tuple[int, list[dict]]:
    X = np.random.default_rng(1).normal(size=(24, 4))
    np.savez(tmp_path / "d.npz", X=X, y=X[:, :3] * 0.5)
    (tmp_path / "mine.py").write_text(NUMPY.format(ddof=ddof))
    (tmp_path / "port.py").write_text(PORT.format(var=var))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine.py:Spread", "--torch", f"{tmp_path}/port.py:Spread", "--as-written",
        "--data", str(tmp_path / "d.npz"), "--param", "W=fc.weight.T", "--param", "b=fc.bias", "--steps", "3",
        "--dtype", "float64", "--json", str(report), "--quiet"])
    return result.exit_code, (json.loads(report.read_text())["diagnosis"] if result.exit_code == 1 else [])


@pytest.mark.parametrize("ddof, var, divisors, side", [
    (0, "h.var(dim=0)", ("divided by n = 24 in the NumPy program", "by n - 1 = 23 in the port"), "torch"),
    (1, "h.var(dim=0, unbiased=False)", ("divided by n - 1 = 23 in the NumPy program", "by n = 24 in the port"), None),
])
def test_a_variance_divided_by_another_count_on_each_side_is_measured(tmp_path, ddof, var, divisors, side):
    code, diagnosis = _check(tmp_path, ddof, var)
    assert code == 1
    said = diagnosis[0]["explanation"]
    assert diagnosis[0]["name"] == "forward" and all(d in said for d in divisors) and "Bessel" in said, said
    assert diagnosis[0]["evidence"].get("side") == side


@pytest.mark.parametrize("ddof, var", [(1, "h.var(dim=0)"), (0, "h.var(dim=0, correction=0)")])
def test_the_same_divisor_on_both_sides_passes(tmp_path, ddof, var):
    assert _check(tmp_path, ddof, var)[0] == 0
