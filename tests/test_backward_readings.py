"""Backward passes written by hand, read from their numbers: an output delta times a function of the output, a unit
inside the loss that is not the unit computed, targets that pass no gradient, a cache shared by the layers (NumPy
program and port alike), hooks that pile up, one element written outside the update. Each planted bug must be named;
each correct program passes the same harness."""

import json

import numpy as np
from click.testing import CliRunner

from parity.cli import cli
from parity.diagnosis.loss_readings import loss_gradient
from tests.test_readings_more import check_port
from tests.test_row_stages import PROGRAM, RIGHT, check

RNG = np.random.default_rng(11)


def test_an_output_delta_times_a_function_of_the_output_is_named(tmp_path):
    code, top = check(tmp_path, PROGRAM, RIGHT, ("--lr", "0.5"), OUTPUT_DELTA="(out - y) * (1 - out) ** 2")
    assert code == 1 and top["evidence"]["stage"] == "output delta", top
    assert "(out - y) times (1 - out)²" in top["explanation"] and "precedence" in top["explanation"], top


def test_a_unit_inside_the_loss_or_targets_that_pass_no_gradient_are_read():
    z, y = RNG.normal(size=(20, 1)), (RNG.random((20, 1)) > 0.5).astype(float)
    step = loss_gradient("bce", "sigmoid", z, y, ((z > 0) - y) / 20, 1e-6)[0]
    assert "[z > 0], a step" in step and "detached" in step
    z3, y3 = RNG.normal(size=(12, 3)), np.eye(3)[RNG.integers(0, 3, 12)]
    p = np.exp(z3) / np.exp(z3).sum(axis=1, keepdims=True)
    assert "toward 0, whatever y" in loss_gradient("ce", "softmax", z3, y3, p / 12, 1e-6)[0]


LAYERS = """
import numpy as np

class Dense:
    CACHE
    def __init__(self, W):
        self.W = W; self.b = np.zeros(W.shape[1])
    def forward(self, a):
        self.cache["a"] = a
        return a @ self.W + self.b

class Net:
    def __init__(self, X, y):
        rng = np.random.default_rng(0)
        self.layers = [Dense(rng.normal(0, 0.5, (6, 6))), Dense(rng.normal(0, 0.5, (6, 6))), Dense(rng.normal(0, 0.5, (6, 1)))]
        for layer in self.layers:
            INIT

    def step(self, X, y):
        h1 = np.tanh(self.layers[0].forward(X))
        h2 = np.tanh(self.layers[1].forward(h1))
        out = 1 / (1 + np.exp(-self.layers[2].forward(h2)))
        d3 = (out - y) / len(X)
        d2 = (d3 @ self.layers[2].W.T) * (1 - h2 ** 2)
        d1 = (d2 @ self.layers[1].W.T) * (1 - h1 ** 2)
        for layer, d in zip(self.layers, (d1, d2, d3)):
            layer.W -= 0.5 * (layer.cache["a"].T @ d); layer.b -= 0.5 * d.sum(0)
"""
PARAMS = tuple(f for i in range(3) for f in ("--param", f"layers[{i}].W=W{i + 1}", "--param", f"layers[{i}].b=b{i + 1}"))


def check_layers(tmp_path, shared: bool) -> tuple[int, dict | None]:
    source = LAYERS.replace("CACHE", "cache = {}" if shared else "pass").replace("INIT", "pass" if shared else "layer.cache = {}")
    (tmp_path / "layers.py").write_text(source)
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/layers.py:Net", "--step", "net.step(X, y)", *PARAMS, "--data",
                                      "random:32,6", "--steps", "3", "--hidden-activation", "tanh", "--loss", "bce",
                                      "--lr", "0.5", "--json", str(path)])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, (json.loads(path.read_text())["diagnosis"][0] if result.exit_code == 1 else None)


def test_a_cache_shared_by_the_layers_is_named(tmp_path):
    assert check_layers(tmp_path, shared=False)[0] == 0
    code, top = check_layers(tmp_path, shared=True)
    assert code == 1 and top["name"] == "layer-input" and "one cache shared by the layers" in top["explanation"], top


def test_hooks_registered_at_every_step_are_named(tmp_path):
    hooks = "[p.register_hook(lambda g: g / 2) for p in model.parameters()]"
    code, top = check_port(tmp_path, (), LOSS="2 * ((out - y) ** 2).sum()", PRE=hooks)
    assert code == 1 and top["name"] == "gradient-scale" and "pile up" in top["explanation"], top


def test_one_element_written_outside_the_update_is_named(tmp_path):
    source = PROGRAM.replace("self.b1 -= self.lr * dz1.sum(0)", "self.b1 -= self.lr * dz1.sum(0); self.W1[1, 2] -= 1e-3")
    code, top = check(tmp_path, source, RIGHT, ("--lr", "0.5"))
    assert code == 1 and top["name"] == "one-element" and "W1[1, 2]" in top["explanation"], top


OWN_ADAM = """
import math
import torch
from torch import nn

class MyAdam(torch.optim.Optimizer):
    def __init__(self, params, lr):
        super().__init__(params, dict(lr=lr))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                st = self.state[p]
                if not st:
                    st["t"], st["m"], st["v"] = 0, torch.zeros_like(p), torch.zeros_like(p)
                st["t"] += 1
                st["m"].mul_(0.9).add_(p.grad, alpha=0.1)
                st["v"].mul_(0.999).addcmul_(p.grad, p.grad, value=0.001)
                denom = DENOMINATOR
                p.addcdiv_(st["m"], denom, value=-group["lr"] / (1 - 0.9 ** st["t"]))

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden, self.out = nn.Linear(4, 6), nn.Linear(6, 1)

    def forward(self, x):
        return torch.sigmoid(self.out(torch.tanh(self.hidden(x))))

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    ((model(X) - y) ** 2).mean().backward()
    optimizer.step()
"""


def check_own_adam(tmp_path, denominator: str) -> tuple[int, dict | None]:
    (tmp_path / "own.py").write_text(OWN_ADAM.replace("DENOMINATOR", denominator))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/own.py:Net", "--torch-step", "train_step(model, optimizer, X, y)",
                                      "--torch-optimizer", "MyAdam(model.parameters(), lr)", "--data", "random:32,4",
                                      "--hidden-activation", "tanh", "--loss", "mse", "--optimizer", "adam", "--lr", "0.01",
                                      "--steps", "4", "--json", str(path)])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, (json.loads(path.read_text())["diagnosis"][0] if result.exit_code == 1 else None)


def test_an_optimizer_class_of_the_ports_own_is_driven_beside_the_runs(tmp_path):
    assert check_own_adam(tmp_path, 'st["v"].div(1 - 0.999 ** st["t"]).sqrt().add(1e-8)')[0] == 0
    code, top = check_own_adam(tmp_path, 'st["v"].div_(1 - 0.999 ** st["t"]).sqrt_().add_(1e-8)')
    assert code == 1 and top["name"] == "optimizer-variant" and "parts at step 2" in top["explanation"], top
    assert "in-place" in top["explanation"], top


def test_the_runs_unit_altered_is_read():
    from parity.diagnosis import activation_readings as acts
    z = RNG.normal(size=(30, 4))
    sigmoid = 1 / (1 + np.exp(-z))
    assert acts.activation(z, (z > 0).astype(float), 1e-6, "sigmoid")[1] == "thresholded"
    assert acts.activation(z, np.tanh(z).astype(np.float16).astype(float), 1e-6, "tanh")[1] == "float16"
    clipped = 1 / (1 + np.exp(-np.clip(z, 1e-7, 1 - 1e-7)))
    assert acts.activation(z, clipped, 1e-6, "sigmoid")[1] == "clipped-logit"
    small = np.abs(RNG.normal(size=(30, 1))) * 0.5  # no z above 1: relu and a clip to [0, 1] are one here
    words, name = acts.activation(small - 0.2, np.clip(small - 0.2, 0, 1), 1e-9, "linear")
    assert "or on these rows alike" in words and "clip01" in name
    assert acts.activation(z, sigmoid, 1e-9, "sigmoid")[1] == "sigmoid"


def test_targets_as_a_column_of_class_numbers_or_made_whole_are_read():
    z, labels = RNG.normal(size=(12, 3)), RNG.integers(0, 3, 12)
    y = np.eye(3)[labels]
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    column = loss_gradient("ce", "softmax", z, y, (p - labels[:, None]) / 12, 1e-6)[0]
    assert "class number" in column and "(n, 1)" in column
    zr, yr = RNG.normal(size=(16, 2)), RNG.normal(0, 2, size=(16, 2))
    truncated = loss_gradient("mse", "linear", zr, yr, 2 * (zr - np.trunc(yr)) / 32, 1e-6)[0]
    assert "truncated toward zero" in truncated


MANUAL_PORT = """
import torch
from torch import nn

class Tanh:
    def forward(self, z):
        self.out = torch.tanh(z)
        return self.out

    def backward(self, grad):
        return grad * (1.0 - self.out ** 2)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(4, 5), nn.Linear(5, 5), nn.Linear(5, 1)])
        self.acts = ACTS

    def forward(self, x):
        self.inputs = []
        for i, layer in enumerate(self.layers):
            self.inputs.append(x)
            x = layer(x)
            if i < 2:
                x = self.acts[i].forward(x)
        return x

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    with torch.no_grad():
        out = model(X)
        grad = 2.0 * (out - y) / out.numel()
        for i in reversed(range(3)):
            if i < 2:
                grad = model.acts[i].backward(grad)
            model.layers[i].weight.grad = grad.T @ model.inputs[i]
            model.layers[i].bias.grad = grad.sum(dim=0)
            grad = grad @ model.layers[i].weight
    optimizer.step()
"""


def test_a_port_writing_its_own_gradients_is_read_one_row_at_a_time(tmp_path):
    def run(acts: str) -> tuple[int, dict | None]:
        (tmp_path / "manual.py").write_text(MANUAL_PORT.replace("ACTS", acts))
        path = tmp_path / "r.json"
        result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/manual.py:Net", "--torch-step",
                                          "train_step(model, optimizer, X, y)", "--data", "random:24,4",
                                          "--hidden-activation", "tanh", "--output-activation", "linear", "--loss",
                                          "mse", "--lr", "0.1", "--steps", "3", "--json", str(path)])
        assert result.exit_code in (0, 1), result.output
        return result.exit_code, (json.loads(path.read_text())["diagnosis"][0] if result.exit_code == 1 else None)

    assert run("[Tanh() for _ in range(2)]")[0] == 0
    code, top = run("[Tanh()] * 2")  # one object: its cache holds the last hidden layer's activation
    assert code == 1 and top["evidence"]["side"] == "torch" and "In the port" in top["explanation"], top
    assert "hidden layer 2's activation" in top["explanation"], top
