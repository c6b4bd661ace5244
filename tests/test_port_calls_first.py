"""Where the port's loss is a sum of two of torch's losses on the agreeing output, each of its own calls is called
again with an argument changed before the two programs' ops are compared by their operands: a second loss with
reduction='sum' where the NumPy program takes the mean is that argument, measured, not "another value compared"."""

import textwrap

import numpy as np

from tests.helpers import check_pair

NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0, 0.4, (4, 2))

    def train_step(self, X, y):
        out = X @ self.W
        t = X[:, :2] * 0.5
        loss = np.mean((out - y) ** 2) + 0.3 * np.mean((out - t) ** 2)
        d = 2 * (out - y) / out.size + 0.3 * 2 * (out - t) / out.size
        self.W -= 0.1 * X.T @ d
        return loss
"""

PORT = """
import torch
from torch import nn
from torch.nn import functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2, bias=False)

    def forward(self, X):
        return self.fc(X)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    loss = F.mse_loss(out, y) + 0.3 * F.mse_loss(out, X[:, :2] * 0.5)
    loss.backward()
    optimizer.step()
    return loss
"""


def _check(tmp_path, port: str) -> tuple[int, dict]:
    rng = np.random.default_rng(2)
    return check_pair(tmp_path, textwrap.dedent(NUMPY), textwrap.dedent(port), {"X": rng.normal(size=(16, 4)), "y": rng.normal(size=(16, 2))},
                      ["W=fc.weight.T"], "--steps", "3", "--dtype", "float64")


def test_the_port_as_written_passes(tmp_path):
    assert _check(tmp_path, PORT)[0] == 0


def test_a_second_loss_summed_is_read_by_calling_it_again(tmp_path):
    status, top = _check(tmp_path, PORT.replace("X[:, :2] * 0.5)", "X[:, :2] * 0.5, reduction='sum')"))
    assert status == 1 and "called again" in top["explanation"] and "reduction='mean'" in top["explanation"], top


SOFT_NUMPY = """
import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0, 0.4, (4, 3))

    def train_step(self, X, y):
        out = X @ self.W
        p, q = softmax(out), softmax(X[:, :3] * 0.5)
        loss = np.mean((out - y) ** 2) + 0.3 * np.mean((p - q) ** 2)
        g = 0.3 * 2 * (p - q) / p.size
        d = 2 * (out - y) / out.size + p * (g - np.sum(g * p, axis=1, keepdims=True))
        self.W -= 0.1 * X.T @ d
        return loss
"""

SOFT_PORT = PORT.replace("nn.Linear(4, 2, bias=False)", "nn.Linear(4, 3, bias=False)").replace(
    "F.mse_loss(out, X[:, :2] * 0.5)", "F.mse_loss(out.softmax(dim=1), (X[:, :3] * 0.5).softmax(dim=1))")


def _soft(tmp_path, port: str) -> tuple[int, dict]:
    rng = np.random.default_rng(2)
    return check_pair(tmp_path, textwrap.dedent(SOFT_NUMPY), textwrap.dedent(port), {"X": rng.normal(size=(16, 4)), "y": rng.normal(size=(16, 3))},
                      ["W=fc.weight.T"], "--steps", "3", "--dtype", "float64")


def test_a_loss_of_two_shared_values_compared_before_their_softmax_is_read_by_calling_it_with_both(tmp_path):
    assert _soft(tmp_path, SOFT_PORT)[0] == 0
    status, top = _soft(tmp_path, SOFT_PORT.replace("F.mse_loss(out.softmax(dim=1), (X[:, :3] * 0.5).softmax(dim=1))", "F.mse_loss(out, X[:, :3] * 0.5)"))
    assert status == 1 and "input and target = the NumPy program's" in top["explanation"], top


L2_NUMPY = NUMPY.replace("t = X[:, :2] * 0.5\n        loss = np.mean((out - y) ** 2) + 0.3 * np.mean((out - t) ** 2)",
                         "loss = np.mean((out - y) ** 2) + 0.01 * np.sum(self.W[:2] ** 2)").replace(
    "d = 2 * (out - y) / out.size + 0.3 * 2 * (out - t) / out.size\n        self.W -= 0.1 * X.T @ d",
    "d = 2 * (out - y) / out.size\n        g = X.T @ d\n        g[:2] += 0.02 * self.W[:2]\n        self.W -= 0.1 * g")
DECAYED_PORT = PORT.replace("lr=0.1)", "lr=0.1, weight_decay=0.02)").replace(" + 0.3 * F.mse_loss(out, X[:, :2] * 0.5)", "")


def test_a_penalty_moved_into_the_port_s_optimizer_is_said_with_its_weight_decay(tmp_path):
    """The NumPy program's loss holds an L2 term on the rows it reads (here the first two); the port decays every
    entry in its optimizer instead and its loss lacks the term."""
    rng = np.random.default_rng(2)
    status, top = check_pair(tmp_path, textwrap.dedent(L2_NUMPY), textwrap.dedent(DECAYED_PORT),
                             {"X": rng.normal(size=(16, 4)), "y": rng.normal(size=(16, 2))}, ["W=fc.weight.T"], "--steps", "3",
                             "--dtype", "float64")
    assert status == 1 and "holds weight_decay=0.02" in top["explanation"], top


ONE_OUT_NUMPY = NUMPY.replace("(4, 2)", "(4, 1)").replace("t = X[:, :2] * 0.5\n        loss = np.mean((out - y) ** 2) + 0.3 * np.mean((out - t) ** 2)",
                                                          "loss = np.mean((out - y) ** 2)").replace(
    "d = 2 * (out - y) / out.size + 0.3 * 2 * (out - t) / out.size", "d = 2 * (out - y) / out.size")
CENTRED_PORT = PORT.replace("nn.Linear(4, 2, bias=False)", "nn.Linear(4, 1, bias=False)").replace(
    " + 0.3 * F.mse_loss(out, X[:, :2] * 0.5)", "").replace(
    "    loss.backward()\n", "    loss.backward()\n    for p in model.parameters():\n        p.grad -= p.grad.mean(dim=0, keepdim=True)\n")


def test_a_gradient_the_port_s_step_zeroes_after_backward_is_said_with_what_back_propagation_delivers(tmp_path):
    """Gradient centralisation over the outputs of a one-output layer: the mean is the gradient itself, and .grad is 0
    as the optimizer takes it, though back-propagation delivered one."""
    rng = np.random.default_rng(2)
    status, top = check_pair(tmp_path, textwrap.dedent(ONE_OUT_NUMPY), textwrap.dedent(CENTRED_PORT),
                             {"X": rng.normal(size=(16, 4)), "y": rng.normal(size=(16, 1))}, ["W=fc.weight.T"], "--steps", "3",
                             "--dtype", "float64")
    assert status == 1 and "delivers it a gradient of up to" in top["explanation"], top
