"""A bias's gradient taken as the mean of a delta that already holds the 1/n, read where the program steps with its own
Adam (whose values no port trace holds) and the bias has as few as two entries: the count taken twice."""

import json

import numpy as np
from click.testing import CliRunner

from parity.cli import cli

NUMPY = """
import numpy as np

class Two:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W, self.b = rng.normal(0, 0.5, (3, 2)), np.zeros(2)
        self.m = {{"W": np.zeros((3, 2)), "b": np.zeros(2)}}
        self.v = {{"W": np.zeros((3, 2)), "b": np.zeros(2)}}
        self.t = 0

    def train_step(self, X, y):
        n = len(X)
        out = X @ self.W + self.b
        loss = ((out - y) ** 2).mean()
        dout = 2 * (out - y) / out.size
        grads = {{"W": X.T @ dout, "b": dout.{reduce}(axis=0)}}
        self.t += 1
        for k, p in (("W", self.W), ("b", self.b)):
            self.m[k] = 0.9 * self.m[k] + 0.1 * grads[k]
            self.v[k] = 0.999 * self.v[k] + 0.001 * grads[k] ** 2
            mhat, vhat = self.m[k] / (1 - 0.9 ** self.t), self.v[k] / (1 - 0.999 ** self.t)
            p -= 0.01 * mhat / (np.sqrt(vhat) + 1e-8)
        return loss
"""

PORT = """
import torch
from torch import nn

class Two(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)

    def forward(self, x):
        return self.fc(x)

def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""


def test_a_mean_of_a_delta_already_divided_by_its_count_is_the_count_taken_twice(tmp_path):
    rng = np.random.default_rng(3)
    X = rng.normal(size=(20, 3))
    np.savez(tmp_path / "d.npz", X=X, y=X[:, :2] * 0.7)
    for reduce, code in (("mean", 1), ("sum", 0)):
        (tmp_path / "mine.py").write_text(NUMPY.format(reduce=reduce))
        (tmp_path / "port.py").write_text(PORT)
        report = tmp_path / "r.json"
        result = CliRunner().invoke(cli, [
            "check", f"{tmp_path}/mine.py:Two", "--torch", f"{tmp_path}/port.py:Two", "--as-written",
            "--data", str(tmp_path / "d.npz"), "--param", "W=fc.weight.T", "--param", "b=fc.bias", "--steps", "2",
            "--dtype", "float64", "--json", str(report), "--quiet"])
        assert result.exit_code == code
        if code:
            said = json.loads(report.read_text())["diagnosis"][0]["explanation"]
            assert "the count taken twice" in said and "gradient of b" in said, said
