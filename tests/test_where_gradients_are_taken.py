"""A step that back-propagates again after moving its weights within itself (SAM: climb to w + ρ·g/‖g‖, take the
gradient there, come back and step with it) takes its gradient elsewhere than the step's start, on both sides: finite
differences at the start judge neither. The port's passes are measured by hooks (each pass's gradient, the weights it
is taken at) and the NumPy program's move is read from the values its step writes; the gradients are then judged
where they are taken."""

import textwrap

import numpy as np
import torch

from parity.engine.sides import faithful_copy
from tests.helpers import check_pair

NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1, self.b1 = rng.normal(0, 0.5, (4, 6)), np.zeros(6)
        self.W2, self.b2 = rng.normal(0, 0.5, (6, 2)), np.zeros(2)
        self.grads = {name: np.zeros_like(p) for name, p in zip(("W1", "b1", "W2", "b2"), self.params())}

    def params(self):
        return [self.W1, self.b1, self.W2, self.b2]

    def loss(self, X, y):
        self.X = X
        self.h = np.tanh(X @ self.W1 + self.b1)
        self.out = self.h @ self.W2 + self.b2
        return np.mean((self.out - y) ** 2)

    def backward(self, y):
        d = 2 * (self.out - y) / self.out.size
        dz = d @ self.W2.T * (1 - self.h ** 2)
        return [self.X.T @ dz, dz.sum(axis=0), self.h.T @ d, d.sum(axis=0)]

    def train_step(self, X, y):
        loss = self.loss(X, y)
        g = self.backward(y)
        norm = np.sqrt(sum(np.sum(gi ** 2) for gi in g))
        saved = [p.copy() for p in self.params()]
        for p, gi in zip(self.params(), g):
            p += 0.05 * gi / norm
        self.loss(X, y)
        g = self.backward(y)
        self.grads = dict(zip(("W1", "b1", "W2", "b2"), g))
        for p, s, gi in zip(self.params(), saved, g):
            p[...] = s - 0.1 * gi
        return loss
"""

PORT = """
import torch
from torch import nn
from torch.nn import functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(4, 6), nn.Linear(6, 2)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))


class SAM(torch.optim.Optimizer):
    def __init__(self, params, rho=0.05, lr=0.1):
        super().__init__(params, dict(rho=rho))
        self.base = torch.optim.SGD(self.param_groups, lr=lr)

    @torch.no_grad()
    def climb(self):
        params = [p for g in self.param_groups for p in g["params"]]
        norm = torch.norm(torch.stack([p.grad.norm() for p in params]))
        for p in params:
            self.state[p]["start"] = p.clone()
            p.add_(p.grad * self.param_groups[0]["rho"] / norm)

    @torch.no_grad()
    def back_and_step(self):
        for g in self.param_groups:
            for p in g["params"]:
                p.copy_(self.state[p]["start"])
        self.base.step()


def make_optimizer(model):
    return SAM(model.parameters())


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.climb()
    optimizer.zero_grad()
    F.mse_loss(model(X), y).backward()
    optimizer.back_and_step()
    return loss
"""

PAIRS = ["W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias"]


def _check(tmp_path, numpy: str = NUMPY, port: str = PORT) -> tuple[int, dict]:
    rng = np.random.default_rng(3)
    data = {"X": rng.normal(size=(16, 4)), "y": rng.normal(size=(16, 2))}
    return check_pair(tmp_path, textwrap.dedent(numpy), textwrap.dedent(port), data, PAIRS, "--steps", "3",
                      "--dtype", "float32")


def test_a_sam_port_as_written_passes(tmp_path):
    assert _check(tmp_path)[0] == 0


def test_a_port_that_keeps_the_first_pass_gradient_is_named_on_its_side(tmp_path):
    status, top = _check(tmp_path, port=PORT.replace("    optimizer.zero_grad()\n    F.mse_loss", "    F.mse_loss"))
    assert status == 1 and top["name"] == "gradient-accumulation" and top["evidence"]["side"] == "torch", top
    assert "sum of the gradients" in top["explanation"] and "not zeroed between the passes" in top["explanation"]


def test_a_numpy_climb_the_other_way_is_read_from_the_moves_not_blamed_by_finite_differences(tmp_path):
    status, top = _check(tmp_path, numpy=NUMPY.replace("p += 0.05 * gi / norm", "p -= 0.05 * gi / norm"))
    assert status == 1 and top["name"] == "moved-within-step" and "minus the port's move" in top["explanation"], top


def test_a_climb_normalised_per_tensor_is_said_with_the_side_that_does_it(tmp_path):
    status, top = _check(tmp_path, numpy=NUMPY.replace("p += 0.05 * gi / norm", "p += 0.05 * gi / np.linalg.norm(gi)"))
    assert status == 1 and top["name"] == "moved-within-step", top
    assert "the NumPy program moves each tensor by the same norm" in top["explanation"], top


def test_a_later_backward_on_the_first_forward_values_is_named_on_the_numpy_side(tmp_path):
    status, top = _check(tmp_path, numpy=NUMPY.replace("        self.loss(X, y)\n        g = self.backward(y)",
                                                       "        g = self.backward(y)"))
    assert status == 1 and top["evidence"].get("side") == "numpy", top
    assert "no pass's at all" in top["explanation"] or "at the weights the port's step moves to" in top["explanation"], top


def test_an_optimizer_subclass_is_copied_with_its_own_attributes():
    model = torch.nn.Linear(2, 1)
    sgd = torch.optim.SGD(model.parameters(), lr=0.1)
    outer = torch.optim.Adam(model.parameters())
    outer.inner, outer.k = sgd, 5  # the attributes a wrapper class adds; Optimizer.__getstate__ keeps none of them
    copied = faithful_copy({"model": model, "optimizer": outer})["optimizer"]
    assert copied.k == 5 and isinstance(copied.inner, torch.optim.SGD)
    assert copied.inner.param_groups[0]["params"][0] is copied.param_groups[0]["params"][0]
    assert copied.inner.param_groups[0]["params"][0] is not model.weight


CENTRED_NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0, 0.4, (4, 3))
        self.grads = {"W": np.zeros_like(self.W)}

    def loss(self, X, y):
        return np.mean((X @ self.W - y) ** 2)

    def train_step(self, X, y):
        out = X @ self.W
        g = X.T @ (2 * (out - y) / out.size)
        self.grads = {"W": g}
        d = g + 0.01 * self.W
        self.W -= 0.1 * (d - d.mean(axis=0, keepdims=True))
        return np.mean((out - y) ** 2)
"""

CENTRED_PORT = """
import torch
from torch import nn
from torch.nn import functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3, bias=False)

    def forward(self, X):
        return self.fc(X)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, weight_decay=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    g = model.fc.weight.grad
    g -= g.mean(dim=1, keepdim=True)
    optimizer.step()
    return loss
"""


def test_a_gradient_the_port_changes_after_backward_is_not_blamed_on_its_loss(tmp_path):
    """The port centres .grad between backward() and step(); the NumPy program keeps back-propagation's gradient and
    centres inside its update (after its decay): the port's loss is right, and the port is not said to compute another."""
    rng = np.random.default_rng(4)
    status, top = check_pair(tmp_path, textwrap.dedent(CENTRED_NUMPY), textwrap.dedent(CENTRED_PORT),
                             {"X": rng.normal(size=(16, 4)), "y": rng.normal(size=(16, 3))}, ["W=fc.weight.T"],
                             "--steps", "3", "--dtype", "float32")
    assert status == 1 and "another loss or forward pass" not in top["explanation"], top
    assert top["evidence"].get("side") != "torch", top


def test_a_copied_optimizer_that_a_scheduler_wraps_steps_its_own_parameters():
    """A learning-rate scheduler wraps the optimizer's step in an attribute of the instance that steps the original
    through a weak reference: the copy keeps its class's step, and moves its own parameters only."""
    model = torch.nn.Linear(2, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    torch.optim.lr_scheduler.StepLR(optimizer, 1)
    copied = faithful_copy({"model": model, "optimizer": optimizer})
    before = model.weight.detach().clone()
    for parameter in copied["model"].parameters():
        parameter.grad = torch.ones_like(parameter)
    copied["optimizer"].step()
    assert torch.equal(model.weight, before) and not torch.equal(copied["model"].weight, before)


MICRO_NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0, 0.4, (4, 3))
        self.grads = {"W": np.zeros_like(self.W)}

    def loss(self, X, y):
        return np.sum((X @ self.W - y) ** 2) / len(X)

    def train_step(self, X, y):
        out = X @ self.W
        self.grads = {"W": X.T @ (2 * (out - y) / len(X))}
        self.W -= 0.1 * self.grads["W"]
        return np.sum((out - y) ** 2) / len(X)
"""

MICRO_PORT = """
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3, bias=False)

    def forward(self, X):
        return self.fc(X)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    total = 0.0
    for part_X, part_y in zip(X.chunk(2), y.chunk(2)):
        {reset}loss = ((model(part_X) - part_y) ** 2).sum() / len(X)
        loss.backward()
        total += loss.item()
    optimizer.step()
    return total
"""


def test_micro_batches_whose_gradients_the_port_resets_between_them_are_named(tmp_path):
    rng = np.random.default_rng(7)
    data = {"X": rng.normal(size=(16, 4)), "y": rng.normal(size=(16, 3))}
    right = check_pair(tmp_path, textwrap.dedent(MICRO_NUMPY), textwrap.dedent(MICRO_PORT.replace("{reset}", "")), data,
                       ["W=fc.weight.T"], "--steps", "3", "--dtype", "float32")
    assert right[0] == 0, right
    status, top = check_pair(tmp_path, textwrap.dedent(MICRO_NUMPY), textwrap.dedent(MICRO_PORT.replace(
        "{reset}", "optimizer.zero_grad()\n        ")), data, ["W=fc.weight.T"], "--steps", "3", "--dtype", "float32")
    assert status == 1 and top["name"] == "gradient-accumulation" and top["evidence"]["side"] == "torch", top
    assert "last of its 2 backward passes alone" in top["explanation"], top


def test_two_moves_within_a_step_are_compared_by_their_law():
    from parity.diagnosis.moved_weights import NO_MOVE, moved_finding, moves_apart
    port = {"W": np.array([[0.3, -0.1], [0.2, 0.4]]), "b": np.array([0.05, -0.02])}
    assert moves_apart({k: v.copy() for k, v in port.items()}, port) == ""
    assert "minus the port's move" in moves_apart({k: -v for k, v in port.items()}, port)
    assert "times 0.5 on every parameter" in moves_apart({k: 0.5 * v for k, v in port.items()}, port)
    assert moves_apart({k: np.zeros_like(v) for k, v in port.items()}, port) == NO_MOVE
    otherwise = moves_apart({"W": port["W"][::-1], "b": port["b"]}, port)
    assert "moves W otherwise" in otherwise
    evidence = {"step": 1, "parameter": "b", "stage": "backward"}
    assert moved_finding("b", otherwise, evidence).score < 0.8 <= moved_finding("b", moves_apart(
        {k: -v for k, v in port.items()}, port), evidence).score
    still = {"W": port["W"], "b": np.zeros(2)}  # a parameter the port leaves still moves later, by its own update
    assert moves_apart({"W": port["W"].copy(), "b": np.ones(2)}, still) == ""
