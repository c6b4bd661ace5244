"""Readings of a step measured on both programs' numbers: a schedule's factor applied to the current rate (the
factors compound) against a LambdaLR, a parameter stepped with another parameter's gradient (a scatter with the
other table's index), and gradients scaled together on the NumPy side (a clip by the global norm) where the port
clips by value, which central differences alone would read as a NumPy backward wrong at one parameter."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

SCHEDULED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W = rng.normal(0.0, 0.5, (5, 1))
        self.b = np.zeros(1)
        self.lr, self.t = 0.1, 0

    def train_step(self, X, y):
        self.t += 1
        {rate}
        out = X @ self.W + self.b
        d = 2 * (out - y) / len(X)
        self.W -= self.lr * X.T @ d
        self.b -= self.lr * d.sum(axis=0)
        return float(np.mean((out - y) ** 2))
"""
COMPOUNDING = "self.lr = self.lr * (1 - self.t / 40)"
LINEAR = "self.lr = 0.1 * (1 - self.t / 40)"

SCHEDULED_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 1)

def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: 1 - (s + 1) / 40)

def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = ((model.fc(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
"""

TABLES_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.w = rng.normal(0.0, 0.5, 3)
        self.bu = rng.normal(0.0, 0.1, 6)
        self.bv = rng.normal(0.0, 0.1, 6)

    def train_step(self, X, y):
        u, v, x = X[:, 0].astype(int), X[:, 1].astype(int), X[:, 2:]
        out = x @ self.w + self.bu[u] + self.bv[v]
        d = 2 * (out - y[:, 0]) / len(X)
        gu, gv = np.zeros_like(self.bu), np.zeros_like(self.bv)
        np.add.at(gu, u, d)
        np.add.at(gv, {index}, d)
        self.w -= 0.1 * x.T @ d
        self.bu -= 0.1 * gu
        self.bv -= 0.1 * gv
        return float(np.mean((out - y[:, 0]) ** 2))
"""

TABLES_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.zeros(3))
        self.bu = nn.Parameter(torch.zeros(6))
        self.bv = nn.Parameter(torch.zeros(6))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    u, v = X[:, 0].long(), X[:, 1].long()
    out = X[:, 2:] @ model.w + model.bu[u] + model.bv[v]
    loss = ((out - y[:, 0]) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""

CLIPPED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1 = rng.normal(0.0, 0.5, (5, 8))
        self.b1 = np.zeros(8)
        self.W2 = rng.normal(0.0, 0.5, (8, 1))
        self.b2 = np.zeros(1)
        self.grads = {}

    def loss(self, X, y):
        return float(np.mean((np.tanh(X @ self.W1 + self.b1) @ self.W2 + self.b2 - y) ** 2))

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        d = 2 * (out - y) / len(X)
        dz = (d @ self.W2.T) * (1 - h ** 2)
        g = {"W2": h.T @ d, "b2": d.sum(axis=0), "W1": X.T @ dz, "b1": dz.sum(axis=0)}
        norm = np.sqrt(sum(np.sum(v ** 2) for v in g.values()))
        {clip}
        self.grads = g
        for k in g:
            setattr(self, k, getattr(self, k) - 0.1 * g[k])
        return float(np.mean((out - y) ** 2))
"""
GLOBAL_CLIP = "g = {k: v * min(1.0, 0.5 / norm) for k, v in g.items()}"
VALUE_CLIP = "g = {k: np.clip(v, -5.0, 5.0) for k, v in g.items()}"

CLIPPED_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 8)
        self.fc2 = nn.Linear(8, 1)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model.fc2(torch.tanh(model.fc1(X))) - y) ** 2).mean()
    loss.backward()
    nn.utils.clip_grad_value_(model.parameters(), 5.0)  # a bound these gradients never reach
    optimizer.step()
    return loss.item()
"""
CLIPPED_PAIRS = ["W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias"]


def _check(tmp_path, numpy_text: str, port_text: str, data: dict, pairs: list[str], steps: int = 3,
           extra: tuple = ()) -> tuple[int, dict]:
    np.savez(tmp_path / "data.npz", **data)
    (tmp_path / "mine_numpy.py").write_text(numpy_text)
    (tmp_path / "mine_torch.py").write_text(port_text)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine_numpy.py:Net", "--torch", f"{tmp_path}/mine_torch.py:Net", "--as-written",
        "--init", "net = Net()", "--data", str(tmp_path / "data.npz"), "--steps", str(steps), "--json", str(report),
        "--quiet", *(a for p in pairs for a in ("--param", p)), *extra])
    first = json.loads(report.read_text())["diagnosis"][0] if result.exit_code == 1 else {}
    return result.exit_code, first


def _rows(seed: int = 3) -> dict:
    X = np.random.default_rng(seed).normal(size=(32, 5))
    return {"X": X, "y": np.tanh(X[:, :1] - 0.5 * X[:, 1:2])}


@pytest.mark.parametrize("rate, words", [(LINEAR, None), (COMPOUNDING, "the factors compound on the NumPy program's side")])
def test_a_schedules_factor_applied_to_the_current_rate_is_read_as_compounding(tmp_path, rate, words):
    code, first = _check(tmp_path, SCHEDULED_NUMPY.replace("{rate}", rate), SCHEDULED_PORT, _rows(),
                         ["W=fc.weight.T", "b=fc.bias"], steps=10)
    if words is None:
        assert code == 0, first
        return
    assert code == 1 and first["name"] == "learning-rate-schedule" and words in first["explanation"], first
    assert "clip" not in first["explanation"], first  # a rate apart parts the largest entries first: no bound on g


@pytest.mark.parametrize("index, words", [("v", None), ("u", "is the port's gradient of bu, not its gradient of bv")])
def test_a_parameter_stepped_with_another_parameters_gradient_is_named(tmp_path, index, words):
    rng = np.random.default_rng(5)
    X = np.column_stack([rng.integers(0, 6, 40), rng.integers(0, 6, 40), rng.normal(size=(40, 3))]).astype(np.float64)
    data = {"X": X, "y": (X[:, 2:] @ np.array([0.5, -1.0, 0.3]) + 0.1 * X[:, 0])[:, None]}
    numpy_text = TABLES_NUMPY.replace("{index}", index)
    code, first = _check(tmp_path, numpy_text, TABLES_PORT, data, ["w=w", "bu=bu", "bv=bv"])
    if words is None:
        assert code == 0, first
        return
    assert code == 1 and words in first["explanation"] and first["evidence"]["side"] == "numpy", first


@pytest.mark.parametrize("clip, finding", [(VALUE_CLIP, None), (GLOBAL_CLIP, "gradient-clipping")])
def test_gradients_scaled_together_on_one_side_are_a_clip_not_a_backward_wrong_at_one_parameter(tmp_path, clip, finding):
    code, first = _check(tmp_path, CLIPPED_NUMPY.replace("{clip}", clip), CLIPPED_PORT, _rows(), CLIPPED_PAIRS)
    if finding is None:
        assert code == 0, first
        return
    assert code == 1 and first["name"] == finding, first
    assert "clipping by a global norm, to 0.5" in first["explanation"], first  # not the NumPy backward at one parameter


GROUPED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 1))
        self.b = np.zeros(1)
        self.m = {k: 0.0 for k in ("W", "b")}
        self.v = {k: 0.0 for k in ("W", "b")}
        self.t = 0

    def train_step(self, X, y):
        self.t += 1
        out = X @ self.W + self.b
        d = 2 * (out - y) / len(X)
        for k, g, lr in (("W", X.T @ d, 0.05), ("b", d.sum(axis=0), 0.01)):
            self.m[k] = 0.9 * self.m[k] + 0.1 * g
            self.v[k] = 0.999 * self.v[k] + 0.001 * g * g
            step = lr * (self.m[k] / (1 - 0.9 ** self.t)) / (np.sqrt(self.v[k] / (1 - 0.999 ** self.t)) + 1e-8)
            setattr(self, k, getattr(self, k) - step)
        return float(np.mean((out - y) ** 2))
"""

GROUPED_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 1)

def make_optimizer(model):
    return torch.optim.Adam([{"params": [model.fc.weight]{weight_lr}}, {"params": [model.fc.bias]}], lr=0.01)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model.fc(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("weight_lr, words", [(', "lr": 0.05', None), ("", "steps at lr = 0.01, the lr given to Adam itself")])
def test_a_parameter_group_at_the_optimizers_own_rate_is_named_where_the_numpy_rate_is_another(tmp_path, weight_lr, words):
    code, first = _check(tmp_path, GROUPED_NUMPY, GROUPED_PORT.replace("{weight_lr}", weight_lr), _rows(),
                         ["W=fc.weight.T", "b=fc.bias"])
    if words is None:
        assert code == 0, first
        return
    assert code == 1 and words in first["explanation"] and "rate of 0.05" in first["explanation"], first


ROOTED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 1))
        self.b = np.zeros(1)
        self.s = {"W": np.zeros((5, 1)), "b": np.zeros(1)}

    def train_step(self, X, y):
        out = X @ self.W + self.b
        d = 2 * (out - y) / len(X)
        for k, g in (("W", X.T @ d), ("b", d.sum(axis=0))):
            self.s[k] = 0.9 * self.s[k] + 0.1 * g * g
            setattr(self, k, getattr(self, k) - 0.01 * g / {root})
        return float(np.mean((out - y) ** 2))
"""

ROOTED_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 1)

def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.9, eps=1e-4)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model.fc(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("root, words, size", [
    ("(np.sqrt(self.s[k]) + 1e-4)", None, 0.01),
    ("np.sqrt(self.s[k] + 1e-4)", "divides by √(v + ε), ε inside the square root", 0.01),
    ("(self.s[k] + 1e-4)", "divides by v + ε, the square root left out", 1.0)])
def test_an_epsilon_inside_the_square_root_is_read_from_a_first_step(tmp_path, root, words, size):
    X = np.random.default_rng(6).normal(size=(32, 5)) * size  # small gradients: ε a share of the denominator
    code, first = _check(tmp_path, ROOTED_NUMPY.replace("{root}", root), ROOTED_PORT, {"X": X, "y": 0.01 * X[:, :1]},
                         ["W=fc.weight.T", "b=fc.bias"])
    if words is None:
        assert code == 0, first
        return
    assert code == 1 and words in first["explanation"] and first["evidence"]["side"] == "numpy", first


def test_an_epsilon_inside_the_square_root_is_read_in_its_own_group_with_a_decay_on_the_weights_only(tmp_path):
    numpy = ROOTED_NUMPY.replace("{root}", "np.sqrt(self.s[k] + 1e-4)").replace(
        "            self.s[k] = 0.9", "            g = g + 0.01 * self.W if k == 'W' else g\n            self.s[k] = 0.9")
    port = ROOTED_PORT.replace("torch.optim.RMSprop(model.parameters(),", "torch.optim.RMSprop([{'params': [model.fc.weight], "
                               "'weight_decay': 0.01}, {'params': [model.fc.bias]}],")
    X = np.random.default_rng(6).normal(size=(32, 5)) * 0.01
    code, first = _check(tmp_path, numpy, port, {"X": X, "y": 0.01 * X[:, :1]}, ["W=fc.weight.T", "b=fc.bias"])
    assert code == 1 and "divides by √(v + ε), ε inside the square root" in first["explanation"], first


def test_another_parameters_gradient_is_said_only_where_the_step_goes_against_it():
    from parity.diagnosis.gradient_owner import another_parameters
    from tests.test_trace_readings import values as traced
    theirs, own = np.array([-0.4, 0.3, -0.2]), np.array([0.1, 0.2, 0.3])
    port = traced(("X", own, (), ""), ("b.grad", theirs, (), ""), ("c.grad", own, (), ""))
    twin = port.values[1]
    before = np.zeros(3)
    plain = (before - 0.1 * theirs, before)  # an SGD step with b's gradient
    adaptive = (before - 0.02 * np.sign(theirs), before)  # Adagrad's or Adam's first step with it: lr·sign(g)
    assert "c is stepped with another parameter's gradient" in another_parameters(twin, "c", port, 1e-9, plain)
    assert "c is stepped with another parameter's gradient" in another_parameters(twin, "c", port, 1e-9, adaptive)
    elsewhere = (before - 0.02 * np.sign(np.array([0.05, 0.08, 0.2])), before)  # its own (wrong) gradient's signs
    assert another_parameters(twin, "c", port, 1e-9, elsewhere) == ""  # b's gradient only passed by on the way


FLAGGED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 1))
        self.b = np.zeros(1)

    def train_step(self, X, y):
        out = X @ self.W + self.b
        d = 2 * (out - y) / len(X)
        self.W = self.W - 0.1 * (X.T @ d) / (1 + np.linalg.norm(X.T @ d))  # the weights' step normalised
        self.b = self.b - 0.1 * d.sum(axis=0)  # the bias's plain
        return float(np.mean((out - y) ** 2))
"""

FLAGGED_PORT = """import torch
from torch import nn

class Normalised(torch.optim.Optimizer):
    def __init__(self, params, lr, normalise=True):
        super().__init__(params, dict(lr=lr, normalise=normalise))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                g = p.grad / (1 + p.grad.norm()) if group["normalise"] else p.grad
                p -= group["lr"] * g

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 1)

def make_optimizer(model):
    return Normalised([{"params": [model.fc.weight]}, {"params": [model.fc.bias]{flag}}], lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model.fc(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("flag, words", [(', "normalise": False', None),
                                         ("", "built again with normalise=False in its parameter group 1 (b) alone")])
def test_a_flag_of_the_ports_own_optimizer_left_at_its_default_in_one_group_is_found(tmp_path, flag, words):
    code, first = _check(tmp_path, FLAGGED_NUMPY, FLAGGED_PORT.replace("{flag}", flag), _rows(), ["W=fc.weight.T", "b=fc.bias"])
    if words is None:
        assert code == 0, first
        return
    assert code == 1 and words in first["explanation"], first


def test_a_group_stepped_as_the_other_group_is_found_by_giving_it_every_setting_of_that_group(tmp_path):
    numpy = FLAGGED_NUMPY.replace("self.b - 0.1 * d.sum(axis=0)  # the bias's plain",
                                  "self.b - 0.1 * d.sum(axis=0) / (1 + np.linalg.norm(d.sum(axis=0)))  # as the weights")
    port = FLAGGED_PORT.replace("{flag}", ', "normalise": False, "lr": 0.05')
    code, first = _check(tmp_path, numpy, port, _rows(), ["W=fc.weight.T", "b=fc.bias"])
    assert code == 1 and "built again with lr=0.1, normalise=True in its parameter group 1 (b) alone" in first["explanation"], first
    assert "steps those parameters as the port steps its other group" in first["explanation"], first


NORMALISED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 1))
        self.b = np.zeros(1)

    def train_step(self, X, y):
        out = X @ self.W + self.b
        d = 2 * (out - y) / len(X)
        gW, gb = X.T @ d, d.sum(axis=0)
        norm = np.sqrt((gW ** 2).sum() + (gb ** 2).sum())
        scale = {scale}
        self.W, self.b = self.W - 0.1 * scale * gW, self.b - 0.1 * scale * gb
        return float(np.mean((out - y) ** 2))
"""

HAND_STEPPED_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 1)

def make_optimizer(model):
    return {"lr": 0.1}

def train_step(model, optimizer, X, y):
    model.zero_grad()
    loss = ((model.fc(X) - y) ** 2).mean()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 5.0)
    with torch.no_grad():
        for p in model.parameters():
            p -= optimizer["lr"] * p.grad
    return loss.item()
"""


@pytest.mark.parametrize("scale, words", [("min(1.0, 5.0 / (norm + 1e-6))", None),
                                          ("5.0 / (norm + 1e-6)", "clipped to an L2 norm of exactly 5 at every step")])
def test_a_clipping_beside_an_update_written_by_hand_is_read_by_replacing_the_ports_clipping_call(tmp_path, scale, words):
    code, first = _check(tmp_path, NORMALISED_NUMPY.replace("{scale}", scale), HAND_STEPPED_PORT, _rows(),
                         ["W=fc.weight.T", "b=fc.bias"])
    if words is None:
        assert code == 0, first
        return
    assert code == 1 and words in first["explanation"], first


def test_a_centered_rmsprop_beside_a_plain_one_is_read_by_rebuilding_the_ports_optimizer_not_as_a_fitted_schedule(tmp_path):
    """Centred, the first steps divide by √(v - m²) ≈ √(α^t)·√v while the gradients move slowly: a ratio that a
    schedule's law fits. The port's RMSprop built again with centered=True steps as the NumPy program does."""
    numpy = ROOTED_NUMPY.replace('self.s = {"W": np.zeros((5, 1)), "b": np.zeros(1)}',
                                 'self.s = {"W": np.zeros((5, 1)), "b": np.zeros(1)}\n'
                                 '        self.m = {"W": np.zeros((5, 1)), "b": np.zeros(1)}').replace(
        "            self.s[k] = 0.9", "            self.m[k] = 0.9 * self.m[k] + 0.1 * g\n            self.s[k] = 0.9").replace(
        "{root}", "(np.sqrt(self.s[k] - self.m[k] ** 2) + 1e-4)").replace("0.01 * g", "0.001 * g")
    port = ROOTED_PORT.replace("lr=0.01", "lr=0.001")  # slow gradients: the ratio runs near α^(-t/2), an exponential's
    code, first = _check(tmp_path, numpy, port, _rows(), ["W=fc.weight.T", "b=fc.bias"], steps=10)
    assert code == 1 and "centered=True" in first["explanation"], first


DECAYED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 1))
        self.b = np.zeros(1)
        self.t = 0

    def train_step(self, X, y):
        out = X @ self.W + self.b
        d = 2 * (out - y) / len(X)
        lr = 0.05 * (1 - self.t / {horizon}) ** 2
        self.t += 1
        self.W = self.W - lr * (X.T @ d)
        self.b = self.b - lr * d.sum(axis=0)
        return float(np.mean((out - y) ** 2))
"""

DECAYED_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 1)

def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: (1 - t / 40) ** 2)

def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = ((model.fc(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
"""


@pytest.mark.parametrize("horizon, words", [("40", None), ("36", "The learning rates part from step 2")])
def test_a_lambda_schedule_written_with_another_horizon_is_read_by_the_rates_on_both_sides(tmp_path, horizon, words):
    code, first = _check(tmp_path, DECAYED_NUMPY.replace("{horizon}", horizon), DECAYED_PORT, _rows(),
                         ["W=fc.weight.T", "b=fc.bias"], steps=10)
    if words is None:
        assert code == 0, first
        return
    assert code == 1 and first["name"] == "learning-rate-schedule" and words in first["explanation"], first


def test_a_step_schedule_cut_by_another_factor_is_read_by_its_cuts_not_by_its_rates_alone(tmp_path):
    numpy = DECAYED_NUMPY.replace("lr = 0.05 * (1 - self.t / {horizon}) ** 2", "lr = 0.05 * 0.5 ** (self.t // 3)")
    port = DECAYED_PORT.replace("torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: (1 - t / 40) ** 2)",
                                "torch.optim.lr_scheduler.StepLR(optimizer, step_size=3)")  # gamma left at 0.1
    code, first = _check(tmp_path, numpy, port, _rows(), ["W=fc.weight.T", "b=fc.bias"], steps=10)
    assert code == 1 and "is cut to 0.2 of itself" in first["explanation"], first


ADAMAX_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 1))
        self.b = np.zeros(1)
        self.m = {"W": np.zeros((5, 1)), "b": np.zeros(1)}
        self.u = {"W": np.zeros((5, 1)), "b": np.zeros(1)}
        self.t = 0

    def train_step(self, X, y):
        out = X @ self.W + self.b
        d = 2 * (out - y) / len(X)
        grads = {"W": X.T @ d, "b": d.sum(axis=0)}
        self.t += 1
        for k, g in grads.items():
            self.m[k] = 0.9 * self.m[k] + 0.1 * g
            self.u[k] = np.maximum({beta2} * self.u[k], np.abs(g) + 1e-8)
            setattr(self, k, getattr(self, k) - 0.01 / (1 - 0.9 ** self.t) * self.m[k] / self.u[k])
        return float(np.mean((out - y) ** 2))
"""

ADAMAX_PORT = ROOTED_PORT.replace("torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.9, eps=1e-4)",
                                  "torch.optim.Adamax(model.parameters(), lr=0.01)")


@pytest.mark.parametrize("beta2, words", [("0.999", None), ("0.9", "built again with betas=(0.9, 0.9)")])
def test_one_entry_of_the_ports_betas_apart_is_found_by_rebuilding_its_optimizer_with_that_entry_changed(tmp_path, beta2, words):
    """A tuple argument (Adam's betas, Rprop's etas) is changed one entry at a time, to the numbers the NumPy program
    writes: its β2 of 0.9 beside the port's default 0.999."""
    code, first = _check(tmp_path, ADAMAX_NUMPY.replace("{beta2}", beta2), ADAMAX_PORT, _rows(),
                         ["W=fc.weight.T", "b=fc.bias"], steps=12)
    if words is None:
        assert code == 0, first
        return
    assert code == 1 and words in first["explanation"], first


VELOCITY_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 1))
        self.b = np.zeros(1)
        self.v = {"W": np.zeros((5, 1)), "b": np.zeros(1)}
        self.t = 0

    def train_step(self, X, y):
        out = X @ self.W + self.b
        d = 2 * (out - y) / len(X)
        grads = {"W": X.T @ d, "b": d.sum(axis=0)}
        self.t += 1
        for k, g in grads.items():
{body}
        return float(np.mean((out - y) ** 2))
"""

VELOCITY_PORT = ROOTED_PORT.replace("torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.9, eps=1e-4)",
                                    "torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)")
EARLY = """            setattr(self, k, getattr(self, k) - 0.1 * self.v[k])
            self.v[k] = 0.9 * self.v[k] + g"""
WARMED = """            self.v[k] = 0.9 * self.v[k] + g
            setattr(self, k, getattr(self, k) - 0.1 * min(1.0, (self.t - 1) / 3) * self.v[k])"""


@pytest.mark.parametrize("body, name, words", [(EARLY, "state-order", "applied with the momentum_buffer one step old"),
                                               (WARMED, "not-updated", "a learning rate of 0 there")])
def test_a_first_step_that_moves_nothing_is_read_as_the_state_applied_before_it_is_updated_or_as_a_rate_of_0(
        tmp_path, body, name, words):
    """The velocity applied above the line that updates it: every later update is the port's with the velocity one
    step old. A warm-up from t = 0 moves nothing at the first step too, and its ramp is no state's age."""
    code, first = _check(tmp_path, VELOCITY_NUMPY.replace("{body}", body), VELOCITY_PORT, _rows(),
                         ["W=fc.weight.T", "b=fc.bias"], steps=6)
    assert code == 1 and first["name"] == name and words in first["explanation"], first


def test_a_weight_decay_the_port_leaves_at_its_default_0_is_tried_at_the_fractions_the_numpy_program_writes(tmp_path):
    """The NumPy program adds λ·θ to the gradient its RMSprop state is made of; the port's RMSprop keeps its default
    weight_decay=0. The state parts first, and only the port's optimizer rebuilt at the program's λ says why."""
    numpy = ROOTED_NUMPY.replace('for k, g in (("W", X.T @ d), ("b", d.sum(axis=0))):',
                                 'for k, g in (("W", X.T @ d + 0.03 * self.W), ("b", d.sum(axis=0) + 0.03 * self.b)):').replace(
        "{root}", "(np.sqrt(self.s[k]) + 1e-4)")
    code, first = _check(tmp_path, numpy, ROOTED_PORT, _rows(), ["W=fc.weight.T", "b=fc.bias"], steps=6)
    assert code == 1 and "built again with weight_decay=0.03" in first["explanation"], first


OUTPUTS_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 3))
        self.b = np.zeros(3)
        self.grads = {"W": np.zeros((5, 3)), "b": np.zeros(3)}

    def train_step(self, X, y):
        out = X @ self.W + self.b
        d = 2 * (out - y) / {count}
        self.grads = {"W": X.T @ d, "b": d.sum(axis=0)}
        self.W, self.b = self.W - 0.1 * self.grads["W"], self.b - 0.1 * self.grads["b"]
        return float(((out - y) ** 2).sum(axis=1).mean())
"""

OUTPUTS_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 3)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model.fc(X) - y) ** 2).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def test_one_factor_on_every_gradient_that_is_a_count_is_read_as_the_loss_divided_by_another_count(tmp_path):
    """The NumPy loss's gradient divided by out.size (every element) where its loss is a mean over the rows: one factor
    of 1/3 on every gradient, y's 3 columns, no clipping."""
    rows = _rows()
    rows["y"] = np.concatenate([rows["y"], -rows["y"], 0.5 * rows["y"]], axis=1)
    code, first = _check(tmp_path, OUTPUTS_NUMPY.replace("{count}", "out.size"), OUTPUTS_PORT, rows,
                         ["W=fc.weight.T", "b=fc.bias"])
    assert code == 1 and first["name"] == "loss-reduction" and "one over y's 3 columns" in first["explanation"], first


def test_a_factor_that_is_k_of_the_batchs_rows_is_said_as_two_counts_below_the_confident_line():
    from types import SimpleNamespace
    from parity.diagnosis.clipped_together import _counted
    setup = SimpleNamespace(data=SimpleNamespace(X=np.zeros((40, 2)), y=np.zeros(40)), rows=lambda step: slice(None))
    said, fit = _counted(15 / 40, setup, None, 1)
    assert "15/40" in said and "all 40 rows" in said and fit < 0.8, said
    assert _counted(0.37, setup, None, 1) is None  # 14.8 rows: no count


AVERAGED_PORT = VELOCITY_PORT.replace("momentum=0.9", "momentum=0.5").replace(
    "    optimizer.step()\n", "    optimizer.step()\n    model.out = model.fc(X).detach()\n")
AVERAGED_NUMPY = VELOCITY_NUMPY.replace("{body}", """            self.v[k] = 0.9 * self.v[k] + g
            setattr(self, k, getattr(self, k) - 0.1 * self.v[k])""").replace(
    "        return float(np.mean((out - y) ** 2))", "        self.out = X @ self.W + self.b\n        return float(np.mean((out - y) ** 2))")


def test_an_output_read_after_the_step_that_parts_while_the_loss_agrees_is_read_at_the_update_that_parts(tmp_path):
    """The output, made after the step, parts first in the report's order; the loss of the same step agrees, so the
    programs part in the step: the port's SGD rebuilt with the NumPy program's momentum steps alike."""
    code, first = _check(tmp_path, AVERAGED_NUMPY, AVERAGED_PORT, _rows(), ["W=fc.weight.T", "b=fc.bias"], steps=6,
                         extra=("--output", "net.out", "--torch-output", "model.out"))
    assert code == 1 and "built again with momentum=0.9" in first["explanation"], first


@pytest.mark.parametrize("moved, name", [(True, "optimizer-state"), (False, "not-updated")])
def test_a_state_all_zeros_on_one_side_is_a_skip_only_where_that_side_leaves_the_parameter_too(moved, name):
    """A Lookahead's slow weights synchronised on another schedule stay 0 while the parameter moves: that state alone is
    held. A warm-up written as a skip holds both."""
    from parity.diagnosis.state_stage import _state_still
    g = np.array([0.5, -0.2, 0.1])
    numpy_record = {"b.slow": np.zeros(3), "b.update": -0.1 * g if moved else np.zeros(3), "b.grad": g}
    torch_record = {"b.slow": np.array([0.1, 0.2, 0.3]), "b.update": -0.1 * g, "b.grad": g}
    found = _state_still("b.slow", numpy_record, torch_record, 1)
    assert found.name == name and found.evidence["side"] == "numpy", found
    assert ("alone is not kept" in found.explanation) == moved, found


EXPONENTIAL_PORT = SCHEDULED_PORT.replace("torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: 1 - (s + 1) / 40)",
                                          "torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.9)")
DECAYING = "self.lr = 0.1 * 0.9 ** (self.t - 1)"


@pytest.mark.parametrize("order, name", [("    optimizer.step()\n    scheduler.step()\n", None),
                                         ("    scheduler.step()\n    optimizer.step()\n", "learning-rate-schedule")])
def test_a_scheduler_stepped_before_the_optimizer_is_read_from_the_rate_the_port_steps_at(tmp_path, order, name):
    """An exponential schedule one step ahead is one factor, 1/γ, on every update: a rate apart in number. The rate the
    port's optimizer steps at is the one its scheduler leaves for the next step, and its step began at the NumPy
    program's: the scheduler stepped first."""
    port = EXPONENTIAL_PORT.replace("    optimizer.step()\n    scheduler.step()\n", order)
    code, first = _check(tmp_path, SCHEDULED_NUMPY.replace("{rate}", DECAYING), port, _rows(), ["W=fc.weight.T", "b=fc.bias"],
                         steps=6)
    if name is None:
        assert code == 0, first
        return
    assert code == 1 and first["name"] == name and "scheduler.step() before optimizer.step()" in first["explanation"], first


def test_a_loss_half_the_ports_with_two_columns_of_y_is_said_both_ways(tmp_path):
    """0.5·Σ against Σ, or a mean over y's 2 columns where the rows' count belongs: the number alone does not tell."""
    rows = _rows()
    rows["y"] = np.concatenate([rows["y"], -rows["y"]], axis=1)
    numpy = OUTPUTS_NUMPY.replace("(5, 3)", "(5, 2)").replace("np.zeros(3)", "np.zeros(2)").replace("{count}", "out.size").replace(
        "((out - y) ** 2).sum(axis=1).mean()", "np.mean((out - y) ** 2)")
    code, first = _check(tmp_path, numpy, OUTPUTS_PORT.replace("nn.Linear(5, 3)", "nn.Linear(5, 2)"), rows, ["W=fc.weight.T", "b=fc.bias"])
    assert code == 1 and "half" in first["explanation"] and "one over y's 2 columns" in first["explanation"], first


AVERAGE_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 1))
        self.b = np.zeros(1)
        self.avg = np.zeros((5, 1))

    def train_step(self, X, y):
        out = X @ self.W + self.b
        d = 2 * (out - y) / len(X)
        self.W, self.b = self.W - 0.1 * X.T @ d, self.b - 0.1 * d.sum(axis=0)
        self.avg = {decay} * self.avg + (1 - {decay}) * self.W
        self.out = X @ self.avg
        return float(np.mean((out - y) ** 2))
"""

AVERAGE_PORT = VELOCITY_PORT.replace("lr=0.1, momentum=0.9", "lr=0.1").replace(
    "        self.fc = nn.Linear(5, 1)\n", "        self.fc = nn.Linear(5, 1)\n        self.register_buffer(\"avg\", torch.zeros(1, 5))\n").replace(
    "    optimizer.step()\n", "    optimizer.step()\n    model.avg.mul_(0.9).add_(0.1 * model.fc.weight.detach())\n"
    "    model.out = X @ model.avg.T\n")


@pytest.mark.parametrize("decay, words", [("0.9", None), ("0.5", "the output is read after the step")])
def test_an_output_made_after_the_step_from_an_average_kept_beside_the_weights_is_said_as_such(tmp_path, decay, words):
    code, first = _check(tmp_path, AVERAGE_NUMPY.replace("{decay}", decay), AVERAGE_PORT, _rows(), ["W=fc.weight.T", "b=fc.bias"],
                         steps=4, extra=("--output", "net.out", "--torch-output", "model.out"))
    if words is None:
        assert code == 0, first
        return
    assert code == 1 and words in first["explanation"] and "average of the weights" in first["explanation"], first


def test_a_gradient_a_power_of_its_parameter_apart_is_said_with_the_power():
    from parity.diagnosis.entry_factors import _power_apart
    s, g = np.array([0.5, 1.2, 2.0, 0.8]), np.array([0.3, -0.1, 0.7, 0.2])
    said = _power_apart(g * s, g, s, "s")
    assert "times s, entry by entry" in said and "off by 1" in said, said
    assert "s^-2" in _power_apart(g / s**2, g, s, "s")
    assert _power_apart(g * np.array([1.0, 3.0, 0.2, 5.0]), g, s, "s") == ""  # no power of s


def test_a_gain_gradient_without_its_weights_norm_is_said_with_the_norm_and_its_axis():
    from parity.diagnosis.entry_factors import entry_factor
    v, g = np.random.default_rng(2).normal(size=(5, 4)), np.array([0.3, -0.1, 0.7, 0.2])
    norms = np.linalg.norm(v, axis=0)
    said = entry_factor(g * norms, g, {"v": v, "gain": np.ones(4)}, "gain")
    assert "norm of v's column" in said and "left out" in said, said
    assert "taken twice" in entry_factor(g / norms, g, {"v": v, "gain": np.ones(4)}, "gain")
    assert entry_factor(g * 2.0, g, {"v": v, "gain": np.ones(4)}, "gain") == ""  # one factor, no norm


def test_a_state_the_negative_of_the_ports_while_the_gradients_agree_is_read_as_its_update_signed_otherwise():
    from parity.diagnosis.state_stage import state_findings
    g, slow = np.array([0.5, -0.2, 0.1]), np.array([0.3, 0.1, -0.4])
    numpy_record = {"b.slow": -slow, "b.grad": g, "b.update": -0.1 * g}
    torch_record = {"b.slow": slow, "b.grad": g, "b.update": -0.1 * g}
    found = state_findings("b.slow", numpy_record, torch_record, 5)[0]
    assert found.name == "sign-flip" and "the other sign" in found.explanation, found
    torch_record["b.slow"] = 2 * slow  # a factor, not a sign
    assert state_findings("b.slow", numpy_record, torch_record, 5)[0].name != "sign-flip"
