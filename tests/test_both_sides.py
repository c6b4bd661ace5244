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

def flat_target(model, optimizer, X, y):
    optimizer.zero_grad()
    ((model(X) - y.view(-1)) ** 2).sum().backward()
    optimizer.step()

def flat_target_bce(model, optimizer, X, y):
    optimizer.zero_grad()
    out, target = model(X), y.view(-1)
    (-(target * torch.log(out) + (1 - target) * torch.log(1 - out))).mean().backward()
    optimizer.step()

def step_first(model, optimizer, X, y):
    optimizer.step()
    optimizer.zero_grad()
    ((model(X) - y) ** 2).sum().backward()

def micro_batches(model, optimizer, X, y):
    optimizer.zero_grad()
    for xb, yb in zip(X.chunk(4), y.chunk(4)):
        torch.nn.functional.mse_loss(model(xb), yb).backward()
    optimizer.step()

def sigmoid_again(model, optimizer, X, y):
    optimizer.zero_grad()
    torch.nn.functional.binary_cross_entropy_with_logits(model(X), y).backward()
    optimizer.step()

def decayed_by_hand(model, optimizer, X, y):
    optimizer.zero_grad()
    ((model(X) - y) ** 2).sum().backward()
    with torch.no_grad():
        for p in model.parameters():
            p.grad += 0.01 * p
    optimizer.step()
"""



@pytest.mark.parametrize("optimizer, step, finding, side", [
    ("torch.optim.SGD(model.out.parameters(), lr=0.5)", "train_step", "not-updated", "torch"),
    ("torch.optim.SGD(model.parameters(), lr=0.5)", "decayed_by_hand", "weight-decay", "torch"),
    ("torch.optim.SGD(model.parameters(), lr=0.5)", "never_zeroed", "gradient-accumulation", "torch"),
    ("torch.optim.SGD(model.parameters(), lr=0.5)", "flat_target", "target-broadcast", "torch"),
    ("torch.optim.SGD(model.parameters(), lr=0.5)", "flat_target_bce --loss bce",
     "target-broadcast", "torch"),
    ("torch.optim.SGD(model.parameters(), lr=0.5)", "sigmoid_again --loss bce", "activation-twice", "torch"),
    ("torch.optim.SGD(model.parameters(), lr=0.5)", "step_first", "one-step-late", "torch"),
    # one factor on every layer in float32: never "the output layer follows a rate, the layers below depart"
    ("torch.optim.SGD(model.parameters(), lr=0.5)", "micro_batches --loss mse --data random:32,3", "model-family|update-scale", "torch"),
    # a declared setting the run does not have (dampening, which SGD without momentum ignores) is named only as the cause
    ("torch.optim.SGD(model.parameters(), lr=0.5, dampening=0.5)", "never_zeroed", "gradient-accumulation", "torch"),
])
def test_port_side_bugs_are_named_on_the_port_side(optimizer, step, finding, side, tmp_path):
    (tmp_path / "port.py").write_text(PORT)
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/port.py:Net", "--torch-optimizer", optimizer,
                                      "--torch-step", f"{step.split()[0]}(model, optimizer, X, y)", "--lr", "0.5", "--steps", "5",
                                      "--json", str(path), *step.split()[1:]])
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] in finding.split("|") and top["evidence"].get("side") in (side, None) and top["evidence"].get("layer") != "output", top


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



PROGRAM_WITH_DELTA = '''
import numpy as np

class Net:
    def __init__(self, X, y):
        rng = np.random.default_rng(3)
        self.W1, self.b1 = rng.normal(0, 0.5, (X.shape[1], 6)), np.zeros(6)
        self.W2, self.b2 = rng.normal(0, 0.5, (6, y.shape[1])), np.zeros(y.shape[1])

    def train(self, X, y, lr):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        OUTPUT
        delta = DELTA
        dh = delta @ self.W2.T * (1 - h ** 2)
        self.W2 -= lr * h.T @ delta
        self.b2 -= lr * delta.sum(axis=0)
        self.W1 -= lr * X.T @ dh
        self.b1 -= lr * dh.sum(axis=0)
'''
SOFTMAX = "e = np.exp(z - z.max(axis=1, keepdims=True)); o = e / e.sum(axis=1, keepdims=True)"
SIGMOID = "o = 1 / (1 + np.exp(-z))"


def _top_finding(tmp_path, output: str, delta: str, *options: str) -> dict:
    (tmp_path / "net.py").write_text(PROGRAM_WITH_DELTA.replace("OUTPUT", output).replace("DELTA", delta))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--step", "net.train(X, y, 0.5)", "--hidden-activation",
                                      "tanh", "--steps", "4", "--lr", "0.5", "--json", str(path), *options])
    assert result.exit_code == 1, result.output
    return json.loads(path.read_text())["diagnosis"][0]


def test_a_reduction_over_every_element_is_read_from_the_fitted_rate(tmp_path):
    top = _top_finding(tmp_path, SOFTMAX, "(o - y) / y.size", "--data", "random:40,5,4", "--output-activation", "softmax", "--loss", "ce")
    assert top["name"] == "model-family"
    assert "divided by y.size (40 rows × 4 columns) where --loss ce divides by the 40 rows" in top["explanation"], top
    assert "by the 40 rows (the batch size), not by y.size" in top["fix"]


def test_the_sigmoid_derivative_after_a_cross_entropy_is_read_as_applied_twice(tmp_path):
    top = _top_finding(tmp_path, SIGMOID, "(o - y) / y.size * o * (1 - o)", "--data", "random:32,3", "--loss", "bce")
    assert top["name"] == "model-family" and "the derivative applied twice" in top["explanation"], top
    assert "drop the sigmoid's derivative" in top["fix"]


def test_a_learning_rate_that_is_no_reduction_gets_no_reading(tmp_path):
    top = _top_finding(tmp_path, SIGMOID, "0.3 * (o - y) / y.size", "--data", "random:32,3", "--loss", "bce")
    assert top["name"] == "model-family" and "learning rate of 0.15" in top["explanation"], top
    assert "divided by" not in top["explanation"] and "reduce its loss" not in top["fix"]


@pytest.mark.parametrize("rate, delta, name", [(0.5, "2 * (o - y) / y.size", "gradient-scale"),
                                              (1.0, "(o - y) / y.size", "model-family")])
def test_a_factor_on_every_update_of_a_program_naming_the_runs_rate_is_read_in_its_gradients(tmp_path, rate, delta, name):
    program = PROGRAM_WITH_DELTA.replace("OUTPUT", SIGMOID).replace("DELTA", delta).replace("lr *", "self.lr *")
    (tmp_path / "net.py").write_text(program.replace("def train(self, X, y, lr):", f"lr = {rate}\n\n    def train(self, X, y):"))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--step", "net.train(X, y)", "--hidden-activation",
                                      "tanh", "--steps", "4", "--lr", "0.5", "--data", "random:32,3", "--loss", "bce",
                                      "--json", str(path)])
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == name, top
    if name == "gradient-scale":  # the program steps with the run's 0.5: the factor 2 is in its gradients
        assert "2 times the run's model's" in top["explanation"] and "learning rate (0.5)" in top["explanation"], top
    else:  # the program's own rate is another: a learning rate it is
        assert "a learning rate of 1, not --lr 0.5" in top["explanation"], top


@pytest.mark.parametrize("optimizer, options, settings", [
    ("torch.optim.SGD(model.parameters(), lr=0.5, weight_decay=0.01)", [], {"weight_decay": ["0.01", "0"]}),
    ("torch.optim.SGD(model.parameters(), lr=0.05)", [], {"lr": ["0.05", "0.5"]}),
    ("torch.optim.Adam(model.parameters(), lr=0.5, amsgrad=True)", ["--optimizer", "adam", "--steps", "12"], {"amsgrad": ["True", "False"]}),
    ("torch.optim.Adam(model.parameters(), lr=0.5, betas=(0.999, 0.9))", ["--optimizer", "adam"], {"betas": ["(0.999, 0.9)", "(0.9, 0.999)"]}),
    ("torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9, nesterov=True)", ["--optimizer", "momentum", "--momentum", "0.9"],
     {"nesterov": ["True", "False"]}),
])
def test_a_ports_own_optimizer_settings_are_read_and_confirmed(optimizer, options, settings, tmp_path):
    (tmp_path / "port.py").write_text(PORT)
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/port.py:Net", "--torch-optimizer", optimizer,
                                      "--torch-step", "train_step(model, optimizer, X, y)", "--lr", "0.5", "--steps", "5",
                                      "--json", str(path), *options])
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == "optimizer-settings" and top["evidence"] == {"side": "torch", "settings": settings, "confirmed": True}


def test_a_ports_optimizer_of_the_runs_settings_passes(tmp_path):
    (tmp_path / "port.py").write_text(PORT)
    result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/port.py:Net", "--torch-optimizer",
                                      "torch.optim.Adam(model.parameters(), lr=0.5, betas=(0.9, 0.999), eps=1e-8)",
                                      "--torch-step", "train_step(model, optimizer, X, y)", "--lr", "0.5", "--optimizer", "adam"])
    assert result.exit_code == 0, result.output


SOFTMAX_PORT = """
import torch
from torch import nn
import torch.nn.functional as F

class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(5, 6)
        self.out = nn.Linear(6, 3)

    def forward(self, x):
        return torch.softmax(self.out(torch.tanh(self.hidden(x))), dim=1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    F.cross_entropy(model(X), y).backward()
    optimizer.step()
"""


def test_a_softmax_given_to_cross_entropy_is_named_on_the_port(tmp_path):
    (tmp_path / "port.py").write_text(SOFTMAX_PORT)
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/port.py:Classifier", "--torch-step", "train_step(model, optimizer, X, y)",
                                      "--data", "random:30,5,3", "--hidden-activation", "tanh", "--output-activation", "softmax",
                                      "--loss", "ce", "--lr", "0.5", "--steps", "4", "--json", str(path)])
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == "activation-twice" and top["evidence"]["side"] == "torch" and top["evidence"]["activation"] == "softmax"


@pytest.mark.parametrize("change, words", [
    (("m_hat, v_hat = self.m[k] / (1 - 0.9 ** self.t)", "m_hat, v_hat = self.m[k]"), "the first moment's bias correction left out"),
    (("self.t += 1", "self.t = 1"), "the step counter t stuck at 1"),
])
def test_adams_bias_corrections_are_read_by_their_law_in_the_right_direction(change, words, tmp_path):
    (tmp_path / "net.py").write_text(ADAM_WITH_DICTS.replace(*change))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--step", "net.train(X, y)", "--optimizer", "adam",
                                      "--lr", "0.01", "--dtype", "float64", "--steps", "8", "--json", str(path)])
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == "bias-correction" and words in top["explanation"], top


HUBER_NUMPY = """
import numpy as np

class Huber:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (3, 2))

    def train_step(self, X, y):
        e = X @ self.W - y
        small = np.abs(e) <= 1.5
        loss = np.mean(np.where(small, 0.5 * e ** 2, 1.5 * (np.abs(e) - 0.75)))
        self.W -= 0.1 * X.T @ (np.where(small, e, 1.5 * np.sign(e)) / e.size)
        return loss
"""

HUBER_PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class Huber(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2, bias=False)

    def forward(self, X):
        return self.fc(X)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.{call}(model(X), y, {keyword}=1.5)
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("call, keyword", [("huber_loss", "delta"), ("smooth_l1_loss", "beta")])
def test_a_loss_ratio_that_is_a_keyword_of_the_ports_loss_is_named_though_it_is_no_count(call, keyword, tmp_path):
    import numpy as np
    rng = np.random.default_rng(2)
    np.savez(tmp_path / "h.npz", X=rng.normal(size=(16, 3)), y=3 * rng.normal(size=(16, 2)))
    (tmp_path / "h_numpy.py").write_text(HUBER_NUMPY)
    (tmp_path / "h_torch.py").write_text(HUBER_PORT.format(call=call, keyword=keyword))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/h_numpy.py:Huber", "--torch", f"{tmp_path}/h_torch.py:Huber",
                                      "--as-written", "--init", "net = Huber()", "--data", str(tmp_path / "h.npz"), "--steps", "3",
                                      "--param", "W=fc.weight.T", "--json", str(report), "--quiet"])
    if call == "huber_loss":
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1, result.output
    top = json.loads(report.read_text())["diagnosis"][0]
    assert top["name"] == "loss-function" and "smooth_l1_loss(beta=1.5)" in top["explanation"], top


TWO_TASKS_NUMPY = """
import numpy as np

class TwoTasks:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (3, 2))

    def train_step(self, X, y):
        out = X @ self.W
        r1, r2 = out[:, 0] - y[:, 0], out[:, 1] - y[:, 1]
        loss = np.mean(r1 ** 2) + 0.5 * np.mean(r2 ** 2)
        d = np.stack([2 * r1 / len(X), r2 / len(X)], axis=1)
        self.W -= 0.1 * X.T @ d
        return loss
"""

TWO_TASKS_PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class TwoTasks(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2, bias=False)

    def forward(self, X):
        return self.fc(X)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    loss = F.mse_loss(out[:, {first}], y[:, 0]) + 0.5 * F.mse_loss(out[:, 1], y[:, 1])
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("first", ["0", "0:1"])
def test_one_task_loss_given_an_input_of_another_shape_is_named_inside_a_sum_of_losses(first, tmp_path):
    import numpy as np
    rng = np.random.default_rng(3)
    np.savez(tmp_path / "t.npz", X=rng.normal(size=(12, 3)), y=rng.normal(size=(12, 2)))
    (tmp_path / "t_numpy.py").write_text(TWO_TASKS_NUMPY)
    (tmp_path / "t_torch.py").write_text(TWO_TASKS_PORT.replace("{first}", first))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/t_numpy.py:TwoTasks", "--torch", f"{tmp_path}/t_torch.py:TwoTasks",
                                      "--as-written", "--init", "net = TwoTasks()", "--data", str(tmp_path / "t.npz"),
                                      "--steps", "3", "--param", "W=fc.weight.T", "--json", str(report), "--quiet"])
    if first == "0":
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1, result.output
    top = json.loads(report.read_text())["diagnosis"][0]
    assert "the input reshaped to the target's shape (12,)" in top["explanation"], top
