"""Issue 24's mechanisms, each on a program written the way people write it: named, and never called rounding."""

import json

import numpy_net
import pytest
from click.testing import CliRunner

from parity import RunConfig, run
from parity.cli import cli


class TanhSquareMissing(numpy_net.Trainer):
    """tanh's derivative written 1 - a: the square left out."""

    def backward(self, X, acts, y):
        delta = self.loss.delta(acts.logits, acts.output, y)
        grads = {"W2": acts.layers[0].T @ delta, "b2": delta.sum(axis=0)}
        hidden = (delta @ self.params["W2"].T) * (1 - acts.layers[0])
        return {**grads, "W1": X.T @ hidden, "b1": hidden.sum(axis=0)}


class ReluFromActivation(numpy_net.Trainer):
    """ReLU's derivative taken of the activation: a >= 0 is always true."""

    def backward(self, X, acts, y):
        delta = self.loss.delta(acts.logits, acts.output, y)
        grads = {"W2": acts.layers[0].T @ delta, "b2": delta.sum(axis=0)}
        hidden = (delta @ self.params["W2"].T) * (acts.layers[0] >= 0)
        return {**grads, "W1": X.T @ hidden, "b1": hidden.sum(axis=0)}


def test_a_derivative_written_another_way_is_named_by_measurement():
    for trainer, activation, words in ((TanhSquareMissing, "tanh", "square missing"), (ReluFromActivation, "relu", "a >= 0")):
        report = run(RunConfig(steps=5, data="random:64,4", hidden=8, hidden_activation=activation), numpy_trainer=trainer)
        assert not report.passed
        top = report.diagnosis[0]
        assert top.name == "activation-derivative" and words in top.explanation, top


ADAM_WITH_DICTS = '''
import numpy as np

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

class Net:
    def __init__(self, X, y):
        rng = np.random.default_rng(0)
        self.W1, self.b1 = rng.standard_normal((X.shape[1], 4)), np.zeros(4)
        self.W2, self.b2 = rng.standard_normal((4, 1)), np.zeros(1)
        self.m = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.t = 0

    def train(self, X, y, lr=0.01):
        h = sigmoid(X @ self.W1 + self.b1)
        o = sigmoid(h @ self.W2 + self.b2)
        d2 = 2 * (o - y) * o * (1 - o)
        d1 = (d2 @ self.W2.T) * h * (1 - h)
        grads = {"W2": h.T @ d2, "b2": d2.sum(0), "W1": X.T @ d1, "b1": d1.sum(0)}
        self.t += 1
        for k, g in grads.items():
            self.m[k] = 0.9 * self.m[k] + 0.1 * g
            self.v[k] = 0.999 * self.v[k] + 0.001 * g * g
            m_hat, v_hat = self.m[k] / (1 - 0.9 ** self.t), self.v[k] / (1 - 0.999 ** self.t)
            setattr(self, k, getattr(self, k) - lr * m_hat / (np.sqrt(v_hat) + 1e-8))
'''


def test_adam_moments_kept_in_dicts_keyed_like_the_weights_are_state_not_layers(tmp_path):
    (tmp_path / "net.py").write_text(ADAM_WITH_DICTS)
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--step", "net.train(X, y)", "--optimizer", "adam",
                                      "--lr", "0.01", "--dtype", "float64", "--steps", "10"])
    assert result.exit_code == 0, result.output
    assert "parameters: W1 = W1, b1 = b1, W2 = W2, b2 = b2" in result.stdout


PORT_ONE_BIAS = '''
import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(3, 4)
        self.out = nn.Linear(4, 1, bias=False)

    def forward(self, x):
        return torch.sigmoid(self.out(torch.sigmoid(self.hidden(x))))
'''


def test_a_port_with_a_bias_in_one_layer_only_is_named_not_an_internal_error(tmp_path):
    (tmp_path / "port.py").write_text(PORT_ONE_BIAS)
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/port.py:Net", "--steps", "5", "--json", str(path)])
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == "missing-bias" and top["evidence"] == {"side": "torch", "parameter": "b2", "missing": ["b2.update", "b2"]}


def test_both_programs_the_users_the_advice_names_the_program_not_a_flag():
    numpy_file, port_file = "examples/tutorial_sse.py:NeuralNetwork", "examples/tutorial_port.py:Net"
    mean_step = "optimizer.zero_grad(); nn.MSELoss()(model(X), y).backward(); optimizer.step()"
    for loss in ("sse", "mse"):
        result = CliRunner().invoke(cli, ["check", numpy_file, "--torch", port_file, "--torch-step", mean_step,
                                          "--steps", "3", "--loss", loss])
        assert result.exit_code == 1, result.output
        assert "no flag makes both agree" in result.stdout and "Change your" in result.stdout
        assert "Pass --loss" not in result.stdout and "Run with" not in result.stdout


PORT = """
import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(3, 4)
        self.out = nn.Linear(4, 1)

    def forward(self, x):
        return torch.sigmoid(self.out(torch.sigmoid(self.hidden(x))))

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    ((model(X) - y) ** 2).sum().backward()
    optimizer.step()

def never_zeroed(model, optimizer, X, y):
    ((model(X) - y) ** 2).sum().backward()
    optimizer.step()
"""



@pytest.mark.parametrize("optimizer, step, finding, side", [
    ("torch.optim.SGD(model.out.parameters(), lr=0.5)", "train_step", "not-updated", "torch"),
    ("torch.optim.SGD(model.parameters(), lr=0.5, weight_decay=0.01)", "train_step", "weight-decay", "torch"),
    ("torch.optim.SGD(model.parameters(), lr=0.5)", "never_zeroed", "gradient-accumulation", "torch"),
])
def test_port_side_bugs_are_named_on_the_port_side(optimizer, step, finding, side, tmp_path):
    (tmp_path / "port.py").write_text(PORT)
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/port.py:Net", "--torch-optimizer", optimizer,
                                      "--torch-step", f"{step}(model, optimizer, X, y)", "--lr", "0.5", "--steps", "5",
                                      "--json", str(path)])
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == finding and top["evidence"]["side"] == side


def test_adam_with_another_epsilon_passes_in_float64_when_told(tmp_path):
    """A correct Adam with ε = 1e-7 (Keras's) fails against torch's 1e-8 in float64, and passes with --eps 1e-7."""
    (tmp_path / "net.py").write_text(ADAM_WITH_DICTS.replace("+ 1e-8", "+ 1e-7"))
    args = ["check", f"{tmp_path}/net.py:Net", "--step", "net.train(X, y)", "--optimizer", "adam", "--lr", "0.01",
            "--dtype", "float64", "--steps", "10"]
    assert CliRunner().invoke(cli, args).exit_code == 1
    result = CliRunner().invoke(cli, [*args, "--eps", "1e-7"])
    assert result.exit_code == 0, result.output


def test_adam_weight_decay_on_the_kits_twins_agrees():
    assert run(RunConfig(optimizer="adam", lr=0.05, weight_decay=0.01, steps=20, dtype="float64")).passed
