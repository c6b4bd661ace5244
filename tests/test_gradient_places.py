"""Where a gradient is made otherwise: a bias's gradient summed over every axis (one number for a vector), a
normalisation's gain stepped with its shift's gradient (the port's gain reshaped inside the written-out batch norm),
and a pooling mean over other axes of a 4-D value. Each fires on its slip and stays silent where both agree."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli
from parity.diagnosis.gradient_sizes import sizes_apart

HEAD_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.params = {"W": np.random.default_rng(0).normal(0.0, 0.5, (5, 3)), "b": np.zeros(3)}

    def train_step(self, X, y):
        out = X @ self.params["W"] + self.params["b"]
        loss = np.mean((out - y) ** 2)
        dout = 2 * (out - y) / out.size
        self.grads = {"W": X.T @ dout, "b": {bias_sum}}  # the gradients kept, as the kit reads them
        for k in self.params:
            self.params[k] = self.params[k] - 0.1 * self.grads[k]
        return loss
"""

HEAD_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 3)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model.fc(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""

GAIN_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1 = rng.normal(0.0, 0.5, (5, 4))
        self.gamma, self.beta = np.ones(4), np.zeros(4)
        self.W2 = rng.normal(0.0, 0.5, (4, 1))

    def train_step(self, X, y):
        n = len(X)
        z = X @ self.W1
        mu, var = z.mean(axis=0), z.var(axis=0)
        xhat = (z - mu) / np.sqrt(var + 1e-5)
        a = np.tanh(self.gamma * xhat + self.beta)
        out = a @ self.W2
        loss = np.mean((out - y) ** 2)
        dout = 2 * (out - y) / n
        dzn = (dout @ self.W2.T) * (1 - a ** 2)
        dgamma, dbeta = {dgamma}, dzn.sum(axis=0)
        dxhat = dzn * self.gamma
        dz = (dxhat - dxhat.mean(axis=0) - xhat * (dxhat * xhat).mean(axis=0)) / np.sqrt(var + 1e-5)
        self.W2 -= 0.1 * a.T @ dout
        self.gamma -= 0.1 * dgamma
        self.beta -= 0.1 * dbeta
        self.W1 -= 0.1 * X.T @ dz
        return loss
"""

GAIN_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 4, bias=False)
        self.bn = nn.BatchNorm1d(4)
        self.fc2 = nn.Linear(4, 1, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model.fc2(torch.tanh(model.bn(model.fc1(X)))) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""

POOL_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (3, 1))

    def train_step(self, X, y):
        n = len(X)
        pooled = X.reshape(n, 3, 3, 3).mean(axis=(2, 3))
        out = pooled @ self.W
        loss = np.mean((out - y) ** 2)
        self.W -= 0.1 * pooled.T @ (2 * (out - y) / n)
        return loss
"""

POOL_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 1, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    pooled = X.reshape(len(X), 3, 3, 3).mean(dim={dims})
    loss = ((model.fc(pooled) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def _check(tmp_path, numpy_text: str, port_text: str, pairs: list[str], features: int = 5, outputs: int = 1) -> tuple[int, str]:
    X = np.random.default_rng(41).normal(size=(32, features))
    np.savez(tmp_path / "data.npz", X=X, y=np.tanh(X[:, :outputs] - X[:, 1:2]))
    (tmp_path / "mine_numpy.py").write_text(numpy_text)
    (tmp_path / "mine_torch.py").write_text(port_text)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine_numpy.py:Net", "--torch", f"{tmp_path}/mine_torch.py:Net", "--as-written",
        "--init", "net = Net()", "--data", str(tmp_path / "data.npz"), "--steps", "3", "--json", str(report), "--quiet",
        *(a for p in pairs for a in ("--param", p))])
    said = json.loads(report.read_text())["diagnosis"][0]["explanation"] if result.exit_code == 1 else ""
    return result.exit_code, said


@pytest.mark.parametrize("bias_sum, words", [("dout.sum(axis=0)", None), ("dout.sum()", "a gradient summed over every axis")])
def test_a_bias_gradient_summed_to_one_number_is_said_as_such(tmp_path, bias_sum, words):
    code, said = _check(tmp_path, HEAD_NUMPY.replace("{bias_sum}", bias_sum), HEAD_PORT,
                        ["params['W']=fc.weight.T", "params['b']=fc.bias"], outputs=3)
    if words is None:
        assert code == 0, said
        return
    assert code == 1 and "every axis" in said, said  # said where it is made, or (no trace of it) by the gradients' sizes


def test_a_gradient_of_fewer_numbers_is_read_against_the_ports_reduced():
    port = np.array([0.5, -0.25, 1.0])
    summed = sizes_apart("b", np.array(port.sum()), port, 1)
    assert summed is not None and summed.name == "gradient-shape" and "sum of the other's 3 entries" in summed.explanation
    other = sizes_apart("b", np.array(7.0), port, 1)
    assert other is not None and other.score < 0.8 and "sum" not in other.explanation
    assert sizes_apart("b", port, port, 1) is None


@pytest.mark.parametrize("dgamma, words", [("(dzn * xhat).sum(axis=0)", None), ("dzn.sum(axis=0)", "the port's gradient of beta")])
def test_a_gain_stepped_with_its_shifts_gradient_is_said_as_such(tmp_path, dgamma, words):
    code, said = _check(tmp_path, GAIN_NUMPY.replace("{dgamma}", dgamma), GAIN_PORT,
                        ["W1=fc1.weight.T", "gamma=bn.weight", "beta=bn.bias", "W2=fc2.weight.T"])
    if words is None:
        assert code == 0, said
        return
    assert code == 1 and words in said and "gamma is stepped with another parameter's gradient" in said, said


@pytest.mark.parametrize("dims, words", [("(2, 3)", None), ("(1, 2)", "the port's mean over axes (1, 2)")])
def test_a_mean_over_a_tuple_of_other_axes_is_said_with_both_tuples(tmp_path, dims, words):
    code, said = _check(tmp_path, POOL_NUMPY, POOL_PORT.replace("{dims}", dims), ["W=fc.weight.T"], features=27)
    if words is None:
        assert code == 0, said
        return
    assert code == 1 and words in said and "runs over axes (2, 3)" in said, said


@pytest.mark.parametrize("weights, read", [({0.0: 1.0, 1.0: 3.0}, True), ({0.0: 2730.67, 1.0: 8192.0}, False)])
def test_a_per_label_factor_is_a_class_weight_only_at_the_size_of_one(weights, read):
    """A quotient's denominator left out of a Dice gradient splits by label too, by factors in the thousands: no class
    weight a program writes."""
    from parity.diagnosis.class_weights import label_weighted
    from tests.test_backward_sources import values
    rng = np.random.default_rng(43)
    y = (rng.random(12) > 0.5).astype(float)
    g = rng.normal(size=12)
    mine = values(("y", y, (), ""), ("subtract", g * np.where(y == 1, weights[1.0], weights[0.0]), (0,), ""))
    port = values(("grad", g, (), ""))
    found = label_weighted([mine.values[1]], [port.values[0]], mine, lambda v: "the port's gradient")
    assert bool(found) == read, found
