"""A NumPy gradient that finite differences show wrong, read further in the backward's values: the oracle says the
side, the values say what the program took (a layer's input before the aggregation its forward applies)."""

import json
import textwrap

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

NUMPY = """
import numpy as np

class Graph:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1, self.W2 = rng.normal(0, 0.5, (4, 6)), rng.normal(0, 0.5, (6, 2))
        A = (np.random.default_rng(7).random((20, 20)) < 0.2).astype(float)
        A = np.minimum(A + A.T, 1.0) + np.eye(20)
        d = A.sum(axis=1)
        self.S = A / np.sqrt(np.outer(d, d))
        self.grads = {}

    def loss(self, X, y):
        return float(np.mean((self.S @ np.tanh(X @ self.W1) @ self.W2 - y) ** 2))

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1)
        Sh = self.S @ h
        out = Sh @ self.W2
        dout = 2 * (out - y) / out.size
        dh = (self.S.T @ (dout @ self.W2.T)) * (1 - h ** 2)
        self.grads = {"W2": SOURCE.T @ dout, "W1": X.T @ dh}
        self.W2 -= 0.1 * self.grads["W2"]
        self.W1 -= 0.1 * self.grads["W1"]
        return float(np.mean((out - y) ** 2))
"""

PORT = """
import numpy as np
import torch
from torch import nn

class Graph(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(4, 6, bias=False), nn.Linear(6, 2, bias=False)
        A = (np.random.default_rng(7).random((20, 20)) < 0.2).astype(float)
        A = np.minimum(A + A.T, 1.0) + np.eye(20)
        d = A.sum(axis=1)
        self.register_buffer("S", torch.tensor(A / np.sqrt(np.outer(d, d))))

    def forward(self, X):
        return self.fc2(self.S.to(X.dtype) @ torch.tanh(self.fc1(X)))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""


@pytest.mark.parametrize("source", ["Sh", "h"])
def test_a_gradient_the_oracle_calls_wrong_is_read_for_the_value_it_took(tmp_path, source):
    (tmp_path / "graph.py").write_text(textwrap.dedent(NUMPY.replace("SOURCE", source)))
    (tmp_path / "port.py").write_text(textwrap.dedent(PORT))
    X = np.random.default_rng(1).normal(size=(20, 4))
    np.savez(tmp_path / "d.npz", X=X, y=np.stack([X[:, 0] - X[:, 1], X[:, 2] * X[:, 3]], axis=1))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/graph.py:Graph", "--torch", f"{tmp_path}/port.py:Graph",
                                      "--as-written", "--init", "net = Graph()", "--data", f"{tmp_path}/d.npz", "--steps", "3",
                                      "--dtype", "float32", "--param", "W1=fc1.weight.T", "--param", "W2=fc2.weight.T", "--grads", "net.grads",
                                      "--json", str(report)])
    assert result.exit_code == (0 if source == "Sh" else 1), result.output
    if source == "h":
        top = json.loads(report.read_text())["diagnosis"][0]
        assert top["name"] == "numpy-backward" and "in place of" in top["explanation"] and "wrong source" in top["explanation"], top
