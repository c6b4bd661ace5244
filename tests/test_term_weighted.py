"""A one-number term each program adds to its loss (a penalty of no form the kit fits, a divergence), apart by a small fraction: one term
weighted otherwise, read from the two numbers only where their ratio is such a fraction."""

import json
import textwrap

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli
from parity.diagnosis.precedence import term_weighted

NUMPY = """
import numpy as np

class Ridge:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0, 0.5, (4, 2))

    def train_step(self, X, y):
        out = X @ self.W
        loss = np.mean((out - y) ** 2) + 0.01 * np.sum(np.cosh(self.W))
        self.W -= 0.1 * (X.T @ (2 * (out - y) / out.size) + 0.01 * np.sinh(self.W))
        return loss
"""

PORT = """
import torch
from torch import nn

class Ridge(nn.Module):
    def __init__(self):
        super().__init__()
        self.W = nn.Parameter(torch.zeros(4, 2))

    def forward(self, X):
        return X @ self.W

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean() + WEIGHT * torch.cosh(model.W).sum()
    loss.backward()
    optimizer.step()
    return loss
"""


@pytest.mark.parametrize("weight, words", [("0.01", None), ("0.03", "1/3 of the port's"), ("0.0107", "")])
def test_a_penalty_weighted_a_fraction_apart_is_read_from_its_two_numbers(tmp_path, weight, words):
    (tmp_path / "ridge.py").write_text(textwrap.dedent(NUMPY))
    (tmp_path / "port.py").write_text(textwrap.dedent(PORT.replace("WEIGHT", weight)))
    X = np.random.default_rng(1).normal(size=(24, 4))
    np.savez(tmp_path / "d.npz", X=X, y=X[:, :2] - X[:, 2:])
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/ridge.py:Ridge", "--torch", f"{tmp_path}/port.py:Ridge",
                                      "--as-written", "--init", "net = Ridge()", "--data", f"{tmp_path}/d.npz", "--steps", "3",
                                      "--param", "W=W", "--json", str(report)])
    assert result.exit_code == (0 if words is None else 1), result.output
    if words is not None:
        explanation = json.loads(report.read_text())["diagnosis"][0]["explanation"]
        assert (words in explanation) if words else "weighted otherwise" not in explanation, explanation


def test_a_ratio_of_the_data_rows_to_the_batch_rows_is_said_as_such():
    assert "the data's 48 rows against the batch's 16" in term_weighted(6.0, 18.0, 16, 48)
    assert term_weighted(6.0, -18.0, 16, 48) == "" and term_weighted(6.0, 6.0, 16, 48) == ""
