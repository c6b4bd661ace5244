"""NumPy-side slips read from whole programs as users write them: binary labels in the other coding and two
operators grouped otherwise. Each fires on the slip and stays silent on the correct program."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

MARGIN_NUMPY = """
import numpy as np

class Margin:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W = rng.normal(0.0, 0.5, (4, 1))
        self.b = np.zeros(1)
        self.s = np.exp(rng.normal(0.0, 0.3, 4))

    def signs(self, y):
        return {signs}

    def train_step(self, X, y):
        n = len(X)
        xs = X / {scaled}
        f = xs @ self.W + self.b
        m = self.signs(y) * f
        loss = np.mean(np.log1p(np.exp(-m)))
        dm = -1.0 / (1.0 + np.exp(m)) / n
        df = dm * self.signs(y)
        self.W -= 0.5 * xs.T @ df
        self.b -= 0.5 * df.sum(axis=0)
        return loss
"""

BCE_PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class Margin(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 1)
        self.s = nn.Parameter(torch.exp(torch.randn(4) * 0.3), requires_grad=False)

    def forward(self, X):
        return self.fc(X / (2.0 * self.s))

def make_optimizer(model):
    return torch.optim.SGD(model.fc.parameters(), lr=0.5)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def _check(tmp_path, signs: str, scaled: str):
    rng = np.random.default_rng(3)
    X = rng.normal(size=(32, 4))
    np.savez(tmp_path / "margin.npz", X=X, y=(X[:, :1] + 0.3 * rng.normal(size=(32, 1)) > 0).astype(float))
    (tmp_path / "margin_numpy.py").write_text(MARGIN_NUMPY.format(signs=signs, scaled=scaled))
    (tmp_path / "margin_torch.py").write_text(BCE_PORT)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/margin_numpy.py:Margin", "--torch", f"{tmp_path}/margin_torch.py:Margin", "--as-written",
        "--init", "net = Margin()", "--data", str(tmp_path / "margin.npz"), "--steps", "3", "--param", "W=fc.weight.T",
        "--param", "b=fc.bias", "--param", "s=s", "--json", str(report), "--quiet"])
    return result, (json.loads(report.read_text())["diagnosis"] if result.exit_code == 1 else [])


@pytest.mark.parametrize("signs, finding", [("2.0 * y - 1.0", None), ("y", "label-coding")])
def test_binary_labels_fed_to_a_margin_form_loss_are_read_as_the_other_coding(tmp_path, signs, finding):
    result, diagnosis = _check(tmp_path, signs, "(2.0 * self.s)")
    if finding is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1, result.output
    top = diagnosis[0]
    assert top["name"] == finding and top["evidence"]["side"] == "numpy" and "2y - 1" in top["explanation"], top


def test_a_division_grouped_otherwise_is_read_as_operator_precedence(tmp_path):
    result, diagnosis = _check(tmp_path, "2.0 * y - 1.0", "2.0 * self.s")  # X / 2 * s where X / (2 s) is meant
    assert result.exit_code == 1, result.output
    top = diagnosis[0]
    assert "grouped otherwise" in top["explanation"] and "a / b * c as (a / b) * c" in top["explanation"], top
