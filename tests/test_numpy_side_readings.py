"""Slips read from whole programs as users write them: binary labels in the other coding, two operators grouped
otherwise, a bias correction beside a scheduler, clipping by another norm, a backward slip beside a port that clips,
a scheduler stepped before the update. Each fires on the slip and stays silent on the correct program."""

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


ADAM_NUMPY = """
import numpy as np

class Regressor:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W, self.b = rng.normal(0.0, 0.5, (4, 2)), np.zeros(2)
        self.m = {"W": np.zeros((4, 2)), "b": np.zeros(2)}
        self.v = {"W": np.zeros((4, 2)), "b": np.zeros(2)}
        self.t = 0

    def train_step(self, X, y):
        r = X @ self.W + self.b - y
        loss = np.mean(r ** 2)
        d = 2 * r / r.size
        grads = {"W": X.T @ d, "b": d.sum(axis=0)}
        lr = 0.001 + (0.05 - 0.001) * (1 + np.cos(np.pi * self.t / 10)) / 2
        self.t += 1
        for k, g in grads.items():
            self.m[k] = 0.9 * self.m[k] + 0.1 * g
            self.v[k] = 0.999 * self.v[k] + 0.001 * g * g
            m_hat, v_hat = self.m[k] / (1 - 0.9 ** self.t), self.v[k] / (1 - {beta} ** self.t)
            getattr(self, k)[...] *= 1 - lr * 0.1
            getattr(self, k)[...] -= lr * m_hat / (np.sqrt(v_hat) + 1e-8)
        return loss
"""

ADAM_PORT = """
import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import CosineAnnealingLR

class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, X):
        return self.fc(X)

def make_optimizer(model):
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.05, weight_decay=0.1)
    return optimizer, CosineAnnealingLR(optimizer, T_max=10, eta_min=0.001)

def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
"""


def test_adams_bias_correction_is_read_beside_a_scheduler_the_ports_step_moves_on(tmp_path):
    """The rate a step uses is read before the port's train_step steps its scheduler on: with a cosine schedule the
    NumPy program's second moment corrected with β1 is still read by its law beside a decoupled weight decay."""
    rng = np.random.default_rng(5)
    np.savez(tmp_path / "reg.npz", X=rng.normal(size=(24, 4)), y=rng.normal(size=(24, 2)))
    (tmp_path / "reg_numpy.py").write_text(ADAM_NUMPY.replace("{beta}", "0.9"))
    (tmp_path / "reg_torch.py").write_text(ADAM_PORT)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/reg_numpy.py:Regressor", "--torch", f"{tmp_path}/reg_torch.py:Regressor", "--as-written",
        "--init", "net = Regressor()", "--data", str(tmp_path / "reg.npz"), "--steps", "5", "--param", "W=fc.weight.T",
        "--param", "b=fc.bias", "--json", str(report), "--quiet"])
    assert result.exit_code == 1, result.output
    top = json.loads(report.read_text())["diagnosis"][0]
    assert top["name"] == "bias-correction" and "the other moment's β" in top["explanation"], top


CLIP_NUMPY = """
import numpy as np

class Clipped:
    def __init__(self):
        self.W, self.b = np.random.default_rng(0).normal(0.0, 0.5, (4, 2)), np.zeros(2)
        self.s = {"W": np.zeros((4, 2)), "b": np.zeros(2)}

    def train_step(self, X, y):
        r = X @ self.W + self.b - y
        d = 2 * r / r.size
        grads = {"W": X.T @ d, "b": d.sum(axis=0)}
        norm = {norm}
        for k, g in grads.items():
            g = g * {scale}
            self.s[k] = 0.99 * self.s[k] + 0.01 * g * g
            getattr(self, k)[...] -= 0.01 * g / (np.sqrt(self.s[k]) + 1e-8)
        return np.mean(r ** 2)
"""

CLIP_PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class Clipped(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, X):
        return self.fc(X)

def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.99, eps=1e-8)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    {clip_before}
    optimizer.step()
    {clip_after}
    return loss.item()
"""
GLOBAL_NORM = "np.sqrt(sum(np.sum(g * g) for g in grads.values()))"
CLIP = "torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.5)"


def _clipped(tmp_path, norm: str, scale: str = "min(1.0, 0.5 / (norm + 1e-6))", after: bool = False, size: float = 5.0):
    rng = np.random.default_rng(7)
    np.savez(tmp_path / "c.npz", X=rng.normal(size=(24, 4)), y=size * rng.normal(size=(24, 2)))
    (tmp_path / "c_numpy.py").write_text(CLIP_NUMPY.replace("{norm}", norm).replace("{scale}", scale))
    (tmp_path / "c_torch.py").write_text(CLIP_PORT.replace("{clip_before}", "" if after else CLIP)
                                         .replace("{clip_after}", CLIP if after else ""))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/c_numpy.py:Clipped", "--torch", f"{tmp_path}/c_torch.py:Clipped", "--as-written",
        "--init", "net = Clipped()", "--data", str(tmp_path / "c.npz"), "--steps", "6", "--param", "W=fc.weight.T",
        "--param", "b=fc.bias", "--json", str(report), "--quiet"])
    return result, (json.loads(report.read_text())["diagnosis"][0] if result.exit_code == 1 else None)


def test_a_normalisation_where_a_clip_belongs_and_a_clip_after_the_step_are_read_by_stepping_again(tmp_path):
    """min(1, c/‖g‖) left out scales small gradients up; a port that clips after optimizer.step() leaves .grad clipped
    but stepped with the raw gradients. The first reads data whose gradients stay below the bound."""
    result, top = _clipped(tmp_path, GLOBAL_NORM, scale="0.5 / (norm + 1e-6)", size=0.1)
    assert result.exit_code == 1 and "the min(1, ·) left out" in top["explanation"], top
    result, top = _clipped(tmp_path, GLOBAL_NORM, after=True)
    assert result.exit_code == 1 and "clip_grad_norm_ called after optimizer.step()" in top["explanation"], top
    assert top["evidence"]["side"] == "torch", top


@pytest.mark.parametrize("norm, said", [
    ("np.sqrt(sum(np.sum(g * g) for g in grads.values()))", None),
    ("sum(np.sum(g * g) for g in grads.values())", "the squared norm"),
    ("sum(np.sqrt(np.sum(g * g)) for g in grads.values())", "the sum of each parameter's L2 norm")])
def test_a_numpy_program_that_clips_by_another_norm_is_read_by_stepping_the_ports_optimizer_again(norm, said, tmp_path):
    """RMSprop's first update hides the gradient's scale; the NumPy program keeps its gradients and state to itself."""
    result, top = _clipped(tmp_path, norm)
    if said is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1, result.output
    assert top["name"] == "gradient-clipping" and said in top["explanation"] and "to 0.5" in top["explanation"], top


def test_a_clipping_per_parameter_beside_a_port_that_changes_its_gradients_first_is_read_at_the_ports_clip_call(tmp_path):
    """The port adds a decay to .grad before clip_grad_norm_: back-propagation's own gradients are not what it clips, so
    its clipping call itself is replaced by each candidate clipping."""
    decayed = CLIP_NUMPY.replace('grads = {"W": X.T @ d, "b": d.sum(axis=0)}',
                                 'grads = {"W": X.T @ d + 0.05 * self.W, "b": d.sum(axis=0) + 0.05 * self.b}')
    decay = "[p.grad.add_(0.05 * p.detach()) for p in model.parameters()]\n    "
    for per_parameter in (True, False):
        scale = "min(1.0, 0.5 / (np.sqrt(np.sum(g * g)) + 1e-6))" if per_parameter else "min(1.0, 0.5 / (norm + 1e-6))"
        rng = np.random.default_rng(7)
        np.savez(tmp_path / "c.npz", X=rng.normal(size=(24, 4)), y=5.0 * rng.normal(size=(24, 2)))
        (tmp_path / "c_numpy.py").write_text(decayed.replace("{norm}", GLOBAL_NORM).replace("{scale}", scale))
        (tmp_path / "c_torch.py").write_text(CLIP_PORT.replace("{clip_before}", decay + CLIP).replace("{clip_after}", ""))
        report = tmp_path / "r.json"
        result = CliRunner().invoke(cli, [
            "check", f"{tmp_path}/c_numpy.py:Clipped", "--torch", f"{tmp_path}/c_torch.py:Clipped", "--as-written",
            "--init", "net = Clipped()", "--data", str(tmp_path / "c.npz"), "--steps", "6", "--param", "W=fc.weight.T",
            "--param", "b=fc.bias", "--json", str(report), "--quiet"])
        if not per_parameter:
            assert result.exit_code == 0, result.output
            continue
        top = json.loads(report.read_text())["diagnosis"][0]
        assert result.exit_code == 1 and top["name"] == "gradient-clipping", top
        assert "per parameter" in top["explanation"] and "clipping call" in top["explanation"], top


CLIPPED_MLP_NUMPY = """
import numpy as np

class Mlp:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1, self.W2 = rng.normal(0.0, 0.5, (4, 6)), rng.normal(0.0, 0.5, (6, 1))
        self.v = {"W1": np.zeros((4, 6)), "W2": np.zeros((6, 1))}

    def train_step(self, X, y):
        z = X @ self.W1
        h = np.tanh(z)
        r = h @ self.W2 - y
        d = 2 * r / r.size
        dz = d @ self.W2.T * (1 - {square})
        grads = {"W1": X.T @ dz, "W2": h.T @ d}
        norm = np.sqrt(sum(np.sum(g * g) for g in grads.values()))
        for k, g in grads.items():
            self.v[k] = 0.9 * self.v[k] + g * min(1.0, 0.2 / (norm + 1e-6))
            getattr(self, k)[...] -= 0.1 * self.v[k]
        return np.mean(r ** 2)
"""

CLIPPED_MLP_PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(4, 6, bias=False), nn.Linear(6, 1, bias=False)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 0.2)
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("square, located", [("h ** 2", False), ("z ** 2", True)])
def test_a_numpy_backward_slip_is_located_beside_a_port_whose_step_clips_its_gradients(square, located, tmp_path):
    """The port's .grad, clipped by its step, is the derivative times one factor: back-propagation's own gradients are
    the yardstick there, and the NumPy program's backward pass is read against them."""
    rng = np.random.default_rng(8)
    np.savez(tmp_path / "m.npz", X=rng.normal(size=(20, 4)), y=3 * rng.normal(size=(20, 1)))
    (tmp_path / "m_numpy.py").write_text(CLIPPED_MLP_NUMPY.replace("{square}", square))
    (tmp_path / "m_torch.py").write_text(CLIPPED_MLP_PORT)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/m_numpy.py:Mlp", "--torch", f"{tmp_path}/m_torch.py:Mlp", "--as-written", "--init",
        "net = Mlp()", "--data", str(tmp_path / "m.npz"), "--steps", "3", "--param", "W1=fc1.weight.T",
        "--param", "W2=fc2.weight.T", "--dtype", "float32", "--json", str(report), "--quiet"])
    if not located:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1, result.output
    top = json.loads(report.read_text())["diagnosis"][0]
    assert top["name"] == "numpy-backward" and top["evidence"].get("agree_up_to"), top


STEPLR_NUMPY = """
import numpy as np

class Decayed:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (3, 2))
        self.v, self.t = np.zeros((3, 2)), 0

    def train_step(self, X, y):
        self.t += 1
        r = X @ self.W - y
        self.v = 0.9 * self.v + X.T @ (2 * r / r.size)
        self.W -= 0.1 * 0.5 ** ((self.t - 1) // 4) * self.v
        return np.mean(r ** 2)
"""

STEPLR_PORT = """
import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import StepLR

class Decayed(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2, bias=False)

    def forward(self, X):
        return self.fc(X)

def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    return optimizer, StepLR(optimizer, step_size=4, gamma=0.5)

def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    {first}
    {second}
    return loss.item()
"""


@pytest.mark.parametrize("order", ["right", "scheduler first"])
def test_a_scheduler_stepped_before_the_update_is_read_from_the_rate_the_optimizer_steps_at(order, tmp_path):
    rng = np.random.default_rng(4)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(16, 3)), y=rng.normal(size=(16, 2)))
    calls = ["optimizer.step()", "scheduler.step()"]
    first, second = calls if order == "right" else calls[::-1]
    (tmp_path / "d_numpy.py").write_text(STEPLR_NUMPY)
    (tmp_path / "d_torch.py").write_text(STEPLR_PORT.replace("{first}", first).replace("{second}", second))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/d_numpy.py:Decayed", "--torch", f"{tmp_path}/d_torch.py:Decayed", "--as-written", "--init",
        "net = Decayed()", "--data", str(tmp_path / "d.npz"), "--steps", "8", "--param", "W=fc.weight.T",
        "--json", str(report), "--quiet"])
    if order == "right":
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1, result.output
    top = json.loads(report.read_text())["diagnosis"][0]
    assert top["name"] == "learning-rate-schedule" and "one step behind" in top["explanation"], top


def test_two_infinite_losses_are_no_loss_in_the_other_coding():
    from parity.diagnosis.label_coding import _same
    assert _same(0.70478022, 0.70478022 * (1 + 1e-12)) and not _same(0.7, 0.7001)
    assert not _same(float("-inf"), float("-inf")) and not _same(float("nan"), float("nan"))


REPORTING_NUMPY = """import numpy as np

class Ridge:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W = rng.normal(0.0, 0.5, (5, 2))
        self.b = np.zeros(2)

    def train_step(self, X, y):
        out = X @ self.W + self.b
        fit = np.mean((out - y) ** 2)
        penalty = 0.05 * np.sum(self.W ** 2)
        dout = 2.0 * (out - y) / out.size
        self.W -= 0.1 * (X.T @ dout + 0.1 * self.W)
        self.b -= 0.1 * dout.sum(axis=0)
        return {reported}
"""

REPORTING_PORT = """import torch
from torch import nn

class Ridge(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 2)

    def forward(self, X):
        return self.fc(X)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    fit = ((model(X) - y) ** 2).mean()
    loss = fit + 0.05 * (model.fc.weight ** 2).sum()
    loss.backward()
    optimizer.step()
    return {returned}.item()
"""


@pytest.mark.parametrize("reported, returned, side", [("fit + penalty", "loss", None), ("fit", "loss", "numpy"),
                                                      ("fit + penalty", "fit", "either")])
def test_a_loss_reported_without_the_term_its_gradient_has_is_read_when_only_the_loss_parts(tmp_path, reported, returned, side):
    """Every update agrees, the losses do not: one side reports a loss it does not descend. Central differences of the
    NumPy program's reported loss against the shared gradient say where it is the NumPy program's; where they agree,
    the reports differ by a term with no gradient, and no side is said."""
    rng = np.random.default_rng(3)
    X = rng.normal(size=(32, 5))
    np.savez(tmp_path / "d.npz", X=X, y=0.5 * X[:, :2] + 0.1 * rng.normal(size=(32, 2)))
    (tmp_path / "r_numpy.py").write_text(REPORTING_NUMPY.replace("{reported}", reported))
    (tmp_path / "r_torch.py").write_text(REPORTING_PORT.replace("{returned}", returned))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/r_numpy.py:Ridge", "--torch", f"{tmp_path}/r_torch.py:Ridge", "--as-written", "--init",
        "net = Ridge()", "--data", str(tmp_path / "d.npz"), "--steps", "3", "--param", "W=fc.weight.T", "--param",
        "b=fc.bias", "--json", str(report), "--quiet"])
    assert result.exit_code == (0 if side is None else 1), result.output
    if side:  # first, or beside a reading of the term itself (a penalty's form) at the same fit
        found = json.loads(report.read_text())["diagnosis"]
        alone = next(f for f in found[:2] if f["explanation"].startswith("Only the loss parts"))
        assert alone["name"] == "loss-function" and alone["evidence"].get("side", "either") == side, found
        assert side != "either" or "a term with no gradient" in alone["explanation"], alone


CLAMPED_NUMPY = """
import numpy as np

class Latent:
    def __init__(self):
        self.W = np.random.default_rng(0).uniform(-0.9, 0.9, (4, 2))
        self.b = np.zeros(2)

    def train_step(self, X, y):
        out = X @ self.W + self.b
        d = 2.0 * (out - y) / out.size
        self.W -= 0.5 * X.T @ d
        self.b -= 0.5 * d.sum(axis=0)
        np.clip(self.W, -1.0, 1.0, out=self.W)
        return np.mean((out - y) ** 2)
"""

CLAMPED_PORT = """
import torch
from torch import nn

class Latent(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, X):
        return self.fc(X)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        model.fc.weight.{clamp}(-1.0, 1.0)
    return loss.item()
"""


@pytest.mark.parametrize("clamp", ["clamp_", "clamp"])
def test_a_clamp_whose_result_is_dropped_is_read_as_the_parameter_clipped_on_one_side_only(tmp_path, clamp):
    rng = np.random.default_rng(3)
    X = rng.normal(size=(32, 4))
    np.savez(tmp_path / "d.npz", X=X, y=3.0 * X[:, :2])
    (tmp_path / "l_numpy.py").write_text(CLAMPED_NUMPY)
    (tmp_path / "l_torch.py").write_text(CLAMPED_PORT.replace("{clamp}", clamp))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/l_numpy.py:Latent", "--torch", f"{tmp_path}/l_torch.py:Latent", "--as-written", "--init",
        "net = Latent()", "--data", str(tmp_path / "d.npz"), "--steps", "3", "--param", "W=fc.weight.T", "--param",
        "b=fc.bias", "--json", str(report), "--quiet"])
    assert result.exit_code == (0 if clamp == "clamp_" else 1), result.output
    if clamp == "clamp":
        top = json.loads(report.read_text())["diagnosis"][0]
        assert top["name"] == "norm-constraint" and top["evidence"]["side"] == "torch", top
        assert "clipped to [-1, 1] after the step on one side only" in top["explanation"]


RMS_NUMPY = """
import numpy as np

class Rms:
    def __init__(self):
        self.W, self.b = np.random.default_rng(0).normal(0.0, 0.5, (4, 2)), np.zeros(2)
        self.s = {"W": np.zeros((4, 2)), "b": np.zeros(2)}

    def train_step(self, X, y):
        r = X @ self.W + self.b - y
        d = 2 * r / r.size
        for k, g in {"W": X.T @ d, "b": d.sum(axis=0)}.items():
            self.s[k] = 0.99 * self.s[k] + 0.01 * g * g
            getattr(self, k)[...] -= 0.01 * g / (np.sqrt(self.s[k]) + 1e-5)
        return np.mean(r ** 2)
"""


@pytest.mark.parametrize("eps", ["eps=1e-5", "alpha=0.99"])
def test_an_epsilon_left_at_torchs_default_is_read_at_the_small_number_the_numpy_program_writes(tmp_path, eps):
    rng = np.random.default_rng(7)
    X = rng.normal(size=(24, 4))
    np.savez(tmp_path / "d.npz", X=X, y=1e-3 * rng.normal(size=(24, 2)))  # small gradients: ε shows beside √s
    (tmp_path / "r_numpy.py").write_text(RMS_NUMPY)
    (tmp_path / "r_torch.py").write_text(CLIP_PORT.replace("Clipped", "Rms").replace("{clip_before}", "").replace(
        "{clip_after}", "").replace("alpha=0.99, eps=1e-8", eps))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/r_numpy.py:Rms", "--torch", f"{tmp_path}/r_torch.py:Rms", "--as-written", "--init",
        "net = Rms()", "--data", str(tmp_path / "d.npz"), "--steps", "3", "--param", "W=fc.weight.T", "--param",
        "b=fc.bias", "--json", str(report), "--quiet"])
    assert result.exit_code == (0 if eps == "eps=1e-5" else 1), result.output
    if eps != "eps=1e-5":
        top = json.loads(report.read_text())["diagnosis"][0]
        assert top["name"] == "optimizer-settings" and top["evidence"]["change"] == "eps=1e-05", top


def test_a_numpy_clipping_by_the_squared_norm_beside_a_port_that_clips_is_read_as_that_norm_not_as_an_unseen_clip(tmp_path):
    """The ratio of the updates times ‖g‖ is one number here too; the port's clip_grad_norm_ binds and its step sees
    it, so the law's "the port clips where its step never sees it" would be a guess: stepping the port again says."""
    rng = np.random.default_rng(8)
    np.savez(tmp_path / "m.npz", X=rng.normal(size=(20, 4)), y=3 * rng.normal(size=(20, 1)))
    squared = CLIPPED_MLP_NUMPY.replace("{square}", "h ** 2").replace(
        "norm = np.sqrt(sum(np.sum(g * g) for g in grads.values()))", "norm = sum(np.sum(g * g) for g in grads.values())")
    (tmp_path / "m_numpy.py").write_text(squared)
    (tmp_path / "m_torch.py").write_text(CLIPPED_MLP_PORT)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/m_numpy.py:Mlp", "--torch", f"{tmp_path}/m_torch.py:Mlp", "--as-written", "--init",
        "net = Mlp()", "--data", str(tmp_path / "m.npz"), "--steps", "6", "--param", "W1=fc1.weight.T",
        "--param", "W2=fc2.weight.T", "--json", str(report), "--quiet"])
    assert result.exit_code == 1, result.output
    top = json.loads(report.read_text())["diagnosis"][0]
    assert top["name"] == "gradient-clipping" and "the squared norm" in top["explanation"], top
    assert "never sees" not in top["explanation"], top


def test_no_clipping_beside_the_ports_clip_is_said_with_the_rules_that_never_bind_on_these_gradients(tmp_path):
    """A NumPy program that does not clip where the port clips by the global norm: a clip by value at the port's bound,
    which no entry reaches here, would give the same numbers, and is said beside "not at all"."""
    result, top = _clipped(tmp_path, GLOBAL_NORM, scale="1.0", size=0.5)
    assert result.exit_code == 1 and top["name"] == "gradient-clipping", result.output
    assert "clipped not at all" in top["explanation"] and "by value, at ±0.5" in top["explanation"], top
    assert "per parameter" not in top["explanation"], top  # W's own norm passes 0.5: that rule binds, and is not said


KEPT_CLIPPED = CLIP_NUMPY.replace('''        norm = {norm}
        for k, g in grads.items():
            g = g * {scale}
''', '''        norm = np.sqrt(sum(np.sum(g * g) for g in grads.values()))
        self.grads = {k: g * min(1.0, 0.5 / (norm + 1e-6)) for k, g in grads.items()}
        for k, g in self.grads.items():
''')


def test_a_port_that_clips_each_parameter_in_a_loop_beside_a_global_clip_is_read_per_parameter_with_its_calls(tmp_path):
    """clip_grad_norm_(p, 0.5) for each p: W's own norm is beyond 0.5, b's under it; the NumPy program clips by the
    norm of all, and keeps its gradients (the run parts at a .grad first)."""
    assert "self.grads" in KEPT_CLIPPED
    rng = np.random.default_rng(7)
    np.savez(tmp_path / "c.npz", X=rng.normal(size=(24, 4)), y=0.8 * rng.normal(size=(24, 2)))
    (tmp_path / "c_numpy.py").write_text(KEPT_CLIPPED)
    loop = "for p in model.parameters():\n        torch.nn.utils.clip_grad_norm_(p, max_norm=0.5)"
    (tmp_path / "c_torch.py").write_text(CLIP_PORT.replace("{clip_before}", loop).replace("{clip_after}", ""))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/c_numpy.py:Clipped", "--torch", f"{tmp_path}/c_torch.py:Clipped", "--as-written",
        "--init", "net = Clipped()", "--data", str(tmp_path / "c.npz"), "--steps", "6", "--param", "W=fc.weight.T",
        "--param", "b=fc.bias", "--json", str(report), "--quiet"])
    assert result.exit_code == 1, result.output
    top = json.loads(report.read_text())["diagnosis"][0]
    assert top["name"] == "gradient-clipping" and "a norm per parameter: W" in top["explanation"], top
    assert "runs 2 times in one step" in top["explanation"], top


PENALISED_NUMPY = """
import numpy as np

class Mlp:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1, self.b1 = rng.normal(0.0, 0.5, (4, 6)), np.zeros(6)
        self.W2, self.b2 = rng.normal(0.0, 0.5, (6, 2)), np.zeros(2)
        self.v = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        r = h @ self.W2 + self.b2 - y
        d = 2 * r / {count}
        dz = d @ self.W2.T * (1 - h ** 2)
        grads = {"W1": X.T @ dz + {l2_w1}, "b1": dz.sum(0), "W2": h.T @ d + 0.01 * self.W2, "b2": d.sum(0)}
        loss = np.mean(r ** 2) + 0.005 * (np.sum(self.W1 ** 2) + np.sum(self.W2 ** 2))
        norm = np.sqrt(sum(np.sum(g * g) for g in grads.values()))
        for k, g in grads.items():
            self.v[k] = 0.9 * self.v[k] + g * min(1.0, 0.5 / (norm + 1e-6))
            getattr(self, k)[...] -= 0.1 * self.v[k]
        return loss
"""

PENALISED_PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(4, 6), nn.Linear(6, 2)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    penalty = 0.005 * (model.fc1.weight.pow(2).sum() + model.fc2.weight.pow(2).sum())
    loss = F.mse_loss(model(X), y) + penalty
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.5)
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("count, l2_w1, said, fit", [
    ("r.size", "0.01 * self.W1", None, None),
    ("len(r)", "0.01 * self.W1", "as well the loss's own gradient scaled on one side", 0.7),  # a mean over the rows
    ("r.size", "0", "an L2 term or a decay", 0.8)])  # W2 inside the shared factor: W1's term alone parts
def test_a_term_outside_a_clipped_factor_is_said_with_a_scaled_loss_gradient_where_the_port_penalises_every_term(
        count, l2_w1, said, fit, tmp_path):
    rng = np.random.default_rng(3)
    np.savez(tmp_path / "p.npz", X=rng.normal(size=(24, 4)), y=3 * rng.normal(size=(24, 2)))
    (tmp_path / "p_numpy.py").write_text(PENALISED_NUMPY.replace("{count}", count).replace("{l2_w1}", l2_w1))
    (tmp_path / "p_torch.py").write_text(PENALISED_PORT)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/p_numpy.py:Mlp", "--torch", f"{tmp_path}/p_torch.py:Mlp", "--as-written",
        "--data", str(tmp_path / "p.npz"), "--steps", "3", "--param", "W1=fc1.weight.T", "--param", "b1=fc1.bias",
        "--param", "W2=fc2.weight.T", "--param", "b2=fc2.bias", "--json", str(report), "--quiet"])
    if said is None:
        assert result.exit_code == 0, result.output
        return
    top = json.loads(report.read_text())["diagnosis"][0]
    assert result.exit_code == 1 and said in top["explanation"] and top["score"] == fit, top
    assert ("as well the loss's own gradient" in top["explanation"]) == (fit < 0.8), top


ADAM_HALF_NUMPY = """
import numpy as np

class Clipped:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W, self.b = rng.normal(0.0, 0.5, (4, 2)), np.zeros(2)
        self.m = {k: 0.0 for k in ("W", "b")}
        self.v = {k: 0.0 for k in ("W", "b")}
        self.t = 0

    def train_step(self, X, y):
        r = X @ self.W + self.b - y
        d = 2 * r / r.size
        grads = {"W": X.T @ d, "b": d.sum(axis=0)}
        self.t += 1
        for k, g in grads.items():
            self.m[k] = 0.5 * self.m[k] + 0.5 * g
            self.v[k] = 0.999 * self.v[k] + 0.001 * g * g
            m_hat, v_hat = self.m[k] / (1 - 0.5 ** self.t), self.v[k] / (1 - 0.999 ** self.t)
            getattr(self, k)[...] -= {rates}[k] * m_hat / (np.sqrt(v_hat) + 1e-8)
        return np.mean(r ** 2)
"""

ADAM_HALF_PORT = CLIP_PORT.replace("{clip_before}", "").replace("{clip_after}", "").replace(
    "torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.99, eps=1e-8)", "torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.5, 0.999))")


def test_an_update_one_factor_apart_at_every_step_is_said_as_a_rate_or_a_constant_where_both_give_it(tmp_path):
    """β1 = 0.5 makes 2 = 1/(1 - β1): W stepped at twice the rate is that too, and nothing in the numbers parts them."""
    rng = np.random.default_rng(4)
    np.savez(tmp_path / "a.npz", X=rng.normal(size=(16, 4)), y=rng.normal(size=(16, 2)))
    (tmp_path / "a_numpy.py").write_text(ADAM_HALF_NUMPY.replace("{rates}", '{"W": 0.02, "b": 0.01}'))
    (tmp_path / "a_torch.py").write_text(ADAM_HALF_PORT)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/a_numpy.py:Clipped", "--torch", f"{tmp_path}/a_torch.py:Clipped", "--as-written",
        "--data", str(tmp_path / "a.npz"), "--steps", "4", "--param", "W=fc.weight.T", "--param", "b=fc.bias",
        "--json", str(report), "--quiet"])
    top = json.loads(report.read_text())["diagnosis"][0]
    assert result.exit_code == 1 and "a learning rate 2 times the port's" in top["explanation"], top
    assert "do not tell them apart" in top["explanation"] and top["score"] < 0.8, top
