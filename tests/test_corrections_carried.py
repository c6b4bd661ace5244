"""A reading that says how the NumPy program should have computed a value (from another source, masked) is a cause
only where the program, so corrected, meets the port again after it: the correction carried through the ops the
program goes on to make. A squash's scale read with |s|² for 1 + |s|² lands on the port's gradient one op further
back by an identity of the formula, and goes on to values the port never has. A detach is read where the loss is made
from it, not where the loss itself is detached for logging: undone, the port follows the NumPy program."""

import textwrap

import numpy as np

from parity.diagnosis.carried_down import meets_again
from tests.helpers import check_pair
from tests.test_trace_readings import values

SQUASH_NUMPY = """
import numpy as np


def squash(s):
    n2 = np.sum(s * s, axis=-1, keepdims=True)
    r = np.sqrt(n2 + 1e-7)
    f = n2 / (1.0 + n2) / r
    return f * s, (n2, r, f)


def squash_backward(s, cache, dv):
    n2, r, f = cache
    dfdn2 = 1.0 / (1.0 + n2) ** 2 / r - 0.5 * n2 / (1.0 + n2) / r ** 3
    return f * dv + 2.0 * dfdn2 * np.sum(dv * s, axis=-1, keepdims=True) * s


class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1, self.W2 = rng.normal(0, 0.5, (6, 8)), rng.normal(0, 0.5, (4, 4))

    def train_step(self, X, y):
        s1 = (X @ self.W1).reshape(len(X), 2, 4)
        u, c1 = squash(s1)
        s2 = u @ self.W2
        v, c2 = squash(s2)
        loss = 0.5 * np.sum((v - y.reshape(v.shape)) ** 2) / len(X)
        dv = (v - y.reshape(v.shape)) / len(X)
        ds2 = squash_backward(s2, c2, dv)
        gW2 = np.einsum("nki,nkj->ij", u, ds2)
        ds1 = squash_backward(s1, c1, ds2 @ self.W2.T)
        self.W1 -= 0.1 * X.T @ ds1.reshape(len(X), 8)
        self.W2 -= 0.1 * gW2
        return loss
"""

SQUASH_PORT = """
import torch
from torch import nn


def squash(s):
    n2 = (s * s).sum(dim=-1, keepdim=True)
    return n2 / (1 + n2) * s / torch.sqrt(n2 + 1e-7)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1, self.W2 = nn.Parameter(torch.zeros(6, 8)), nn.Parameter(torch.zeros(4, 4))

    def forward(self, X):
        return squash(squash((X @ self.W1).reshape(len(X), 2, 4)) @ self.W2)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    v = model(X)
    loss = 0.5 * ((v - y.reshape(v.shape)) ** 2).sum() / len(X)
    loss.backward()
    optimizer.step()
    return loss
"""


def _squash(tmp_path, numpy_text: str) -> tuple[int, dict]:
    rng = np.random.default_rng(5)
    return check_pair(tmp_path, textwrap.dedent(numpy_text), textwrap.dedent(SQUASH_PORT),
                      {"X": rng.normal(size=(16, 6)), "y": rng.normal(0, 0.3, size=(16, 8))}, ["W1=W1", "W2=W2"],
                      "--steps", "3", "--dtype", "float64")


def test_a_correct_squash_backward_passes(tmp_path):
    assert _squash(tmp_path, SQUASH_NUMPY)[0] == 0


def test_a_term_left_out_of_a_squash_backward_is_no_value_from_the_wrong_source(tmp_path):
    status, top = _squash(tmp_path, SQUASH_NUMPY.replace(
        "return f * dv + 2.0 * dfdn2 * np.sum(dv * s, axis=-1, keepdims=True) * s", "return f * dv"))
    assert status == 1 and top["evidence"]["side"] == "numpy", top
    assert "wrong source" not in top["explanation"], top["explanation"]  # |s|² for 1 + |s|²: the gradient at f·s
    assert "term" in top["explanation"], top["explanation"]


def test_a_correction_is_carried_to_the_port_values_after_it():
    x = np.linspace(-1.0, 1.0, 12).reshape(4, 3)
    wrong, right = x, 3 * x
    mine = values(("X", x, (), ""), ("multiply", wrong, (0, 1.0), ""), ("multiply", 2 * wrong, (1, 2.0), ""),
                  ("sum", (2 * wrong).sum(axis=0), (2,), "axis=0"))
    port = values(("X", x, (), ""), ("grad", (2 * right).sum(axis=0), (0,), ""))
    assert meets_again(mine, 1, right, port, 1e-9) is True  # so corrected, its sum is the port's
    assert meets_again(mine, 1, x ** 2, port, 1e-9) is False  # another correction meets nothing of the port's
    held = values(("X", x, (), ""), ("multiply", wrong, (0, 1.0), ""), ("take", wrong[:, 0], (1,), "idx"))
    assert meets_again(held, 1, right, port, 1e-9) is None  # an op it cannot redo shows nothing


def test_an_index_is_carried_through_as_written():
    x = np.arange(6.0).reshape(2, 3)
    mine = values(("X", x, (), ""), ("multiply", x, (0, 1.0), ""), ("getitem", x[:, None, 1:], (1,), ":, None, 1:"))
    port = values(("X", x, (), ""), ("grad", (2 * x)[:, None, 1:], (0,), ""))
    assert meets_again(mine, 1, 2 * x, port, 1e-9) is True


TOWERS_PORT = """
import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.tower = nn.Linear(3, 4)
        self.score = nn.Linear(4, 1, bias=False)

    def forward(self, X):
        left = F.normalize(self.tower(X[:, :3]), dim=1)
        right = F.normalize(self.tower(X[:, 3:]), dim=1)DETACH
        return (self.score(left) - self.score(right)).squeeze(1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss
"""

TOWERS_NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W, self.b, self.v = rng.normal(0, 0.5, (3, 4)), np.zeros(4), rng.normal(0, 0.5, (4, 1))

    def _embed(self, x):
        h = x @ self.W + self.b
        n = np.sqrt(np.sum(h * h, axis=1, keepdims=True))
        return h, n, h / n

    def _back(self, x, h, n, de):
        e = h / n
        dh = (de - e * np.sum(de * e, axis=1, keepdims=True)) / n
        return x.T @ dh, dh.sum(axis=0)

    def train_step(self, X, y):
        (h1, n1, e1), (h2, n2, e2) = self._embed(X[:, :3]), self._embed(X[:, 3:])
        z = ((e1 - e2) @ self.v)[:, 0]
        p = 1 / (1 + np.exp(-z))
        loss = np.mean(np.logaddexp(0, z) - y * z)
        dz = (p - y) / len(X)
        dv = (e1 - e2).T @ dz[:, None]
        gW1, gb1 = self._back(X[:, :3], h1, n1, np.outer(dz, self.v[:, 0]))
        gW2, gb2 = self._back(X[:, 3:], h2, n2, -np.outer(dz, self.v[:, 0]))
        self.W -= 0.1 * (gW1 + gW2)
        self.b -= 0.1 * (gb1 + gb2)
        self.v -= 0.1 * dv
        return loss
"""


def _towers(tmp_path, detach: str) -> tuple[int, dict]:
    rng = np.random.default_rng(2)
    return check_pair(tmp_path, textwrap.dedent(TOWERS_NUMPY), textwrap.dedent(TOWERS_PORT.replace("DETACH", detach)),
                      {"X": rng.normal(size=(12, 6)), "y": (rng.random(12) > 0.5).astype(float)},
                      ["W=tower.weight.T", "b=tower.bias", "v=score.weight.T"], "--steps", "3", "--dtype", "float64")


def test_the_port_towers_pass(tmp_path):
    assert _towers(tmp_path, "")[0] == 0


def test_one_tower_detached_is_read_at_its_detach_not_at_the_loss(tmp_path):
    status, top = _towers(tmp_path, ".detach()")
    assert status == 1 and top["name"] == "port-gradient", top
    assert ".detach() of [normalize" in top["explanation"] and "lockstep" in top["explanation"], top["explanation"]  # undone, measured


MARGIN_NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0, 0.5, (6, 4))

    def train_step(self, X, y):
        z = X @ self.W
        L = np.sqrt(z * z + 0.1)
        T = np.eye(4)[y.astype(int)]
        present, absent = np.maximum(0.0, 0.9 - L), np.maximum(0.0, L - 0.1)
        loss = np.sum(T * present ** 2 + 0.5 * (1 - T) * absent ** 2) / len(X)
        dL = (-2.0 * T * present + 2.0 * 0.5 * (1 - T) * absent) / len(X)
        self.W -= 0.1 * X.T @ (dL * z / L)
        return loss
"""

MARGIN_PORT = """
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.W = nn.Parameter(torch.zeros(6, 4))

    def forward(self, X):
        z = X @ self.W
        return torch.sqrt(z * z + 0.1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    L = model(X)
    T = torch.nn.functional.one_hot(y.long(), 4).to(L.dtype)
    present, absent = (0.9 - L).clamp(min=0), (L - 0.1).clamp(min=0)
    loss = (T * present ** 2 + 0.5 * (1 - T) * absent ** 2).sum() / len(X)
    loss.backward()
    optimizer.step()
    return loss
"""


def _margin(tmp_path, numpy_text: str) -> tuple[int, dict]:
    rng = np.random.default_rng(6)
    return check_pair(tmp_path, textwrap.dedent(numpy_text), textwrap.dedent(MARGIN_PORT),
                      {"X": rng.normal(size=(16, 6)), "y": rng.integers(0, 4, 16).astype(float)}, ["W=W"],
                      "--steps", "3", "--dtype", "float64")


def test_a_correct_margin_loss_passes(tmp_path):
    assert _margin(tmp_path, MARGIN_NUMPY)[0] == 0


def test_a_factor_left_out_of_one_term_is_no_mask_left_out(tmp_path):
    status, top = _margin(tmp_path, MARGIN_NUMPY.replace("dL = (-2.0 * T * present", "dL = (-T * present"))
    assert status == 1 and top["evidence"]["side"] == "numpy", top
    assert "mask" not in top["explanation"], top["explanation"]  # the port's gradient at one clamp is 0 where the other term lives


def test_a_delta_a_count_apart_is_no_factor_where_divided_by_it_the_program_still_meets_nothing():
    from parity.diagnosis.delta_factor import _constant_factor
    rng = np.random.default_rng(4)
    x, g, h = rng.normal(size=(8, 3)), rng.normal(size=(8, 1)), rng.normal(size=(8, 1))
    def program(weight: np.ndarray):  # noqa: E306 - the NumPy program's delta per row, weighted, then its weight's gradient
        return values(("X", x, (), ""), ("multiply", 8 * g, (0, 8.0), ""), ("w", weight, (), ""),
                      ("multiply", 8 * g * weight, (1, 2), ""), ("matmul", x.T @ (8 * g * weight), (0, 3), ""))
    port = values(("X", x, (), ""), ("grad", g, (0,), ""), ("grad", x.T @ g, (0,), ""))
    kept = program(np.ones((8, 1)))  # the delta 8 times the port's and never divided: a factor of the chain rule there
    found = _constant_factor(kept.values[1], port.values[1], (...,), kept, port, 1e-9, lambda v: "the port's gradient")
    assert found is not None and "times 8" in found[0], found
    elsewhere = program(h)  # divided by 8 the program still meets nothing: the slip lies in the weight after it
    assert _constant_factor(elsewhere.values[1], port.values[1], (...,), elsewhere, port, 1e-9, lambda v: "the port's gradient") is None
