"""A NumPy program that keeps its examples in columns (Z = W @ X.T + b, a bias of shape (h, 1)) against an
nn.Linear port (a bias of shape (h,)): the biases pair by their entries, axes of size one apart."""

import json
import textwrap

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli
from parity.programs.written.pairing import Layout, pair_parameters

COLUMN_NUMPY = """
import numpy as np

class ColNet:
    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0, 0.5, (8, 5)), "b1": np.zeros((8, 1)),
                       "W2": rng.normal(0, 0.5, (1, 8)), "b2": np.zeros((1, 1))}
        self.lr = 0.1

    def train_step(self, X, y):
        p = self.params
        A0 = X.T
        A1 = np.tanh(p["W1"] @ A0 + p["b1"])
        out = 1 / (1 + np.exp(-(p["W2"] @ A1 + p["b2"])))
        n, Y = X.shape[0], y.reshape(1, -1)
        dZ2 = 2 * (out - Y) / n * out * (1 - out)
        dZ1 = (p["W2"].T @ dZ2) * (1 - A1 ** 2)
        g = {"W2": dZ2 @ A1.T, "b2": dZ2.sum(axis=1, keepdims=True),
             "W1": dZ1 @ A0.T, "b1": dZ1.sum(axis=1, keepdims=True)}
        for k in p:
            p[k] -= self.lr * g[k]
        return np.mean((out - Y) ** 2)
"""

LINEAR_PORT = """
import torch
from torch import nn

class ColNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 8)
        self.fc2 = nn.Linear(8, 1)

    def forward(self, X):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(X))))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y.reshape(-1, 1)) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""


def run(tmp_path, numpy_source: str, *extra: str):
    (tmp_path / "colnet.py").write_text(textwrap.dedent(numpy_source))
    (tmp_path / "port.py").write_text(textwrap.dedent(LINEAR_PORT))
    rng = np.random.default_rng(1)
    X = rng.normal(size=(40, 5))
    np.savez(tmp_path / "d.npz", X=X, y=(X[:, 0] > 0).astype(float))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/colnet.py:ColNet", "--torch", f"{tmp_path}/port.py:ColNet",
                                      "--as-written", "--init", "net = ColNet()", "--data", f"{tmp_path}/d.npz",
                                      "--steps", "5", "--dtype", "float32", "--json", str(report), *extra])
    return result, (json.loads(report.read_text()) if report.exists() else None)


def test_a_column_bias_pairs_with_the_ports_bias_and_the_correct_pair_passes(tmp_path):
    result, report = run(tmp_path, COLUMN_NUMPY)
    assert result.exit_code == 0, result.output
    assert "params['b1'] = fc1.bias.reshape(8,1)" in result.output


def test_a_bug_in_the_column_bias_gradient_fails_at_that_bias(tmp_path):
    buggy = COLUMN_NUMPY.replace('"b1": dZ1.sum(axis=1, keepdims=True)', '"b1": dZ1.mean(axis=1, keepdims=True)')
    result, report = run(tmp_path, buggy)
    assert result.exit_code == 1, result.output
    assert report["first_failure"]["tensor"].startswith("b1"), report["first_failure"]


def test_a_reshape_given_with_param_is_checked_against_both_shapes(tmp_path):
    result, _ = run(tmp_path, COLUMN_NUMPY, "--param", "params['b1']=fc1.bias.view(8,1)")
    assert result.exit_code == 0, result.output
    result, _ = run(tmp_path, COLUMN_NUMPY, "--param", "params['b1']=fc1.bias.reshape(1,7)")
    assert result.exit_code == 2 and "reshape" in result.output, result.output


class Held:
    def __init__(self):
        self.params = {"W": np.zeros((4, 3)), "b": np.zeros((4, 1)), "c": np.zeros((1, 2))}


def test_only_axes_of_size_one_apart_pair_and_the_layout_writes_back_the_torch_shape():
    pairs = {p.torch: p for p in pair_parameters(Held(), {"fc.weight": (4, 3), "fc.bias": (4,), "out.bias": (2,)}, ())}
    assert pairs["fc.bias"].layout == Layout(numpy_shape=(4, 1), torch_shape=(4,))
    assert pairs["out.bias"].numpy == "params['c']" and pairs["fc.weight"].layout == Layout()
    layout = pairs["fc.bias"].layout
    assert layout.to_torch(np.arange(4.0).reshape(4, 1)).shape == (4,)
    assert np.array_equal(layout.to_numpy(np.arange(4.0)), np.arange(4.0).reshape(4, 1))
    with pytest.raises(Exception, match="by shape alone"):
        pair_parameters(Held(), {"fc.weight": (4, 3), "fc.bias": (2, 2), "out.bias": (2,)}, ())
