"""An optimizer's state read with the port's coupled weight decay in the gradient it is made of (torch adds λ·p to
the gradient first): an Adagrad sum overwritten each step is this step's (g + λ·p)² alone; a sum made of the gradient
before the decay, where the port's is made of the decayed one, is the decay left out of it. Every update √(1 - α)
apart, with the port's learning rate on both sides, is that constant of the port's optimizer, not the gradients."""

import textwrap

import numpy as np

from tests.helpers import check_pair

ADAGRAD_PORT = """
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, X):
        return self.fc(X)


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.1, weight_decay=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""

ADAGRAD_NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.params = {"W": rng.normal(0, 0.5, (4, 2)), "b": np.zeros(2)}
        self.sum = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        out = X @ p["W"] + p["b"]
        loss = np.mean((out - y) ** 2)
        d = 2 * (out - y) / out.size
        grads = {"W": X.T @ d, "b": d.sum(axis=0)}
        for k in p:
            g = grads[k] + 0.01 * p[k]
            self.sum[k] += g * g
            p[k] -= 0.1 * g / (np.sqrt(self.sum[k]) + 1e-10)
        self.grads = grads
        return loss
"""


def _adagrad(tmp_path, numpy_text: str) -> tuple[int, dict]:
    rng = np.random.default_rng(9)
    return check_pair(tmp_path, textwrap.dedent(numpy_text), textwrap.dedent(ADAGRAD_PORT),
                      {"X": rng.normal(size=(16, 4)), "y": rng.normal(size=(16, 2))}, ["params['W']=fc.weight.T", "params['b']=fc.bias"],
                      "--steps", "4", "--dtype", "float64", "--state", "sum=net.sum", "--grads", "net.grads")


def test_adagrad_with_weight_decay_passes(tmp_path):
    assert _adagrad(tmp_path, ADAGRAD_NUMPY)[0] == 0


def test_an_accumulator_overwritten_is_read_with_the_decayed_gradient(tmp_path):
    status, top = _adagrad(tmp_path, ADAGRAD_NUMPY.replace("self.sum[k] += g * g", "self.sum[k] = g * g"))
    assert status == 1 and top["name"] == "update-law" and "squared gradient alone" in top["explanation"], top


def test_an_accumulator_made_of_the_gradient_before_decay_is_read_as_such(tmp_path):
    status, top = _adagrad(tmp_path, ADAGRAD_NUMPY.replace("self.sum[k] += g * g", "self.sum[k] += grads[k] ** 2"))
    assert status == 1 and top["name"] == "weight-decay" and "before weight decay" in top["explanation"], top


RMS_PORT = ADAGRAD_PORT.replace("torch.optim.Adagrad(model.parameters(), lr=0.1, weight_decay=0.01)",
                                "torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.9)")

RMS_NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.params = {"W": rng.normal(0, 0.5, (4, 2)), "b": np.zeros(2)}
        self.avg = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr = 0.01

    def train_step(self, X, y):
        p = self.params
        out = X @ p["W"] + p["b"]
        loss = np.mean((out - y) ** 2)
        d = 2 * (out - y) / out.size
        grads = {"W": X.T @ d, "b": d.sum(axis=0)}
        for k in p:
            self.avg[k] = 0.9 * self.avg[k] + 0.1 * grads[k] ** 2
            p[k] -= self.lr * grads[k] / (np.sqrt(self.avg[k]) + 1e-8)
        return loss
"""


def test_a_square_average_without_its_weight_is_no_gradient_scale(tmp_path):
    rng = np.random.default_rng(9)
    data = {"X": rng.normal(size=(16, 4)), "y": rng.normal(size=(16, 2))}
    pairs = ["params['W']=fc.weight.T", "params['b']=fc.bias"]
    assert check_pair(tmp_path, textwrap.dedent(RMS_NUMPY), textwrap.dedent(RMS_PORT), data, pairs, "--steps", "4", "--dtype", "float64")[0] == 0
    status, top = check_pair(tmp_path, textwrap.dedent(RMS_NUMPY.replace("+ 0.1 * grads[k] ** 2", "+ grads[k] ** 2")),
                             textwrap.dedent(RMS_PORT), data, pairs, "--steps", "4", "--dtype", "float64")
    assert status == 1 and top["name"] != "gradient-scale", top  # √(1 - α) is the optimizer's constant, not the gradients'
    assert "1 - α" in top["explanation"], top["explanation"]


UNUSED_BIAS_PORT = ADAGRAD_PORT.replace("self.fc = nn.Linear(4, 2)", "self.fc = nn.Linear(4, 2, bias=False)\n        self.b = nn.Parameter(torch.zeros(2))") \
    .replace("weight_decay=0.01", "weight_decay=0.0")


def test_a_port_parameter_the_loss_never_uses_is_said_still_before_its_state(tmp_path):
    """The port declares its bias and never adds it: no gradient reaches it, torch's Adagrad skips it and its sum stays
    0. The first tensor apart is that sum; the reading is the parameter never moved, and why (measured)."""
    rng = np.random.default_rng(9)
    numpy_text = ADAGRAD_NUMPY.replace("g = grads[k] + 0.01 * p[k]", "g = grads[k]")
    status, top = check_pair(tmp_path, textwrap.dedent(numpy_text), textwrap.dedent(UNUSED_BIAS_PORT),
                             {"X": rng.normal(size=(16, 4)), "y": rng.normal(size=(16, 2))}, ["params['W']=fc.weight.T", "params['b']=b"],
                             "--steps", "4", "--dtype", "float64", "--state", "sum=net.sum")
    assert status == 1 and top["name"] == "not-updated" and "delivers it no gradient" in top["explanation"], top
