"""Readings that used to say one cause where the numbers fit another: a column rescaled by a factor of its own is no
constraint applied before the step; a gradient apart by one constant on a branch's entries is a term there, not the
branch's derivative; a count of 2 is a ½ against a sum, not half of another count; a factor a loss function computes
in each of its calls is detached in all of them to be read."""

import textwrap

import numpy as np

from parity.diagnosis.branches import branch_apart
from parity.diagnosis.loss_terms import _count_ratio
from parity.diagnosis.norm_constraint import norm_constraint
from tests.helpers import check_pair
from tests.test_trace_readings import values


def _columns() -> np.ndarray:
    columns = np.random.default_rng(0).normal(size=(6, 5))
    return columns / np.linalg.norm(columns, axis=0) * np.array([0.5, 0.8, 1.5, 2.0, 3.0])  # some norms below 1


def test_columns_rescaled_by_another_norm_are_read_as_such():
    stepped = _columns()
    unit = stepped / np.linalg.norm(stepped, axis=0)
    squared = stepped / np.sum(stepped ** 2, axis=0)  # the square root left out
    found = norm_constraint("W", squared, unit, 1)
    assert found is not None and found.score < 0.8, found
    assert "a factor of its own" in found.explanation and "sum of squares" in found.explanation, found.explanation


def test_a_constraint_applied_before_the_step_is_read_as_such():
    before, step = _columns(), 0.3 * np.random.default_rng(1).normal(size=(6, 5))
    after = (before - step) / np.linalg.norm(before - step, axis=0)
    early = before / np.linalg.norm(before, axis=0) - step  # renormalised, then stepped
    found = norm_constraint("W", after, early, 1)
    assert found is not None and found.score == 0.8 and "before optimizer.step()" in found.explanation, found


def test_a_constant_term_on_a_branch_is_no_branch_derivative():
    z = np.random.default_rng(2).normal(size=(8, 4))
    upstream = np.random.default_rng(3).normal(size=(8, 4))
    port = upstream + 0.025 * (z > 0)  # an L1 penalty's λ/n·sign(h) on the active units
    mine = values(("X", z, (), ""), ("greater", (z > 0).astype(float), (0, 0.0), ""), ("matmul", upstream + 0.1 * (z > 0), (0,), ""))
    theirs = values(("X", z, (), ""), ("grad", port, (0,), ""))
    said = branch_apart([mine.values[2]], mine, theirs, lambda v: "the port's gradient")
    assert "one constant on that branch" in said and "less 0.075" not in said and "plus 0.075" in said, said
    slope = values(("X", z, (), ""), ("greater", (z > 0).astype(float), (0, 0.0), ""),
                   ("matmul", np.where(z > 0, 2 * upstream, upstream), (0,), ""))
    theirs = values(("X", z, (), ""), ("grad", upstream, (0,), ""))
    said = branch_apart([slope.values[2]], slope, theirs, lambda v: "the port's gradient")
    assert "derivative of that branch" in said and "there it is 2 times" in said, said  # a slope: a factor, not a term


def test_a_count_of_two_is_only_a_half_against_a_sum():
    counts = [(48, "X.shape[0], the batch's rows"), (1, "nothing: a sum"), (6, "X.shape[1], the features"), (2, "2")]
    assert _count_ratio(3.0, counts, {"batches": 3}) is None  # 6 / 2: no two counts the programs divide by
    half = _count_ratio(0.5, counts, {"batches": 3})
    assert half is not None and "by 2 (2) where the port divides by 1" in half.explanation, half


FOCAL_PORT = """
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 1)

    def forward(self, X):
        return self.fc(X)[:, 0]


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def focal(z, t):
    p = torch.sigmoid(z * t)
    return ((1 - p) ** 2 * -torch.log(p)).mean()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    loss = 0.5 * focal(z, y) + 0.5 * focal(z, y.flip(0))
    loss.backward()
    optimizer.step()
    return loss
"""

FOCAL_NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        self.W, self.b = np.random.default_rng(0).normal(0, 0.5, (5, 1)), np.zeros(1)

    def _focal(self, z, t):
        p = 1 / (1 + np.exp(-z * t))
        q = 1 - p
        loss = np.mean(q ** 2 * -np.log(p))
        dz = (2 * q * p * np.log(p) - q ** 2) * q * t / len(z)
        return loss, dz

    def train_step(self, X, y):
        z = (X @ self.W + self.b)[:, 0]
        (l1, d1), (l2, d2) = self._focal(z, y), self._focal(z, y[::-1])
        dz = 0.5 * d1 + 0.5 * d2
        self.W -= 0.5 * X.T @ dz[:, None]
        self.b -= 0.5 * dz.sum(keepdims=True)
        return 0.5 * l1 + 0.5 * l2
"""


def _focal(tmp_path, numpy_text: str) -> tuple[int, dict]:
    rng = np.random.default_rng(7)
    return check_pair(tmp_path, textwrap.dedent(numpy_text), textwrap.dedent(FOCAL_PORT),
                      {"X": rng.normal(size=(16, 5)), "y": np.where(rng.random(16) > 0.5, 1.0, -1.0)},
                      ["W=fc.weight.T", "b=fc.bias"], "--steps", "3", "--dtype", "float64")


def test_a_focal_loss_called_twice_passes(tmp_path):
    assert _focal(tmp_path, FOCAL_NUMPY)[0] == 0


def test_a_modulating_factor_held_constant_in_each_call_is_read_by_detaching_every_call(tmp_path):
    status, top = _focal(tmp_path, FOCAL_NUMPY.replace("(2 * q * p * np.log(p) - q ** 2) * q * t", "-(q ** 2) * q * t"))
    assert status == 1 and top["name"] == "detached-value", top
    assert "each of the 2 values" in top["explanation"], top["explanation"]


TIED_PORT = """
import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.W, self.b = nn.Parameter(torch.zeros(3, 5)), nn.Parameter(torch.zeros(3))

    def forward(self, X):
        return F.linear(torch.tanh(F.linear(X, self.W, self.b)), self.W.t())


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - X) ** 2).sum() / len(X)
    loss.backward()
    optimizer.step()
    return loss
"""

TIED_NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        self.W, self.b = np.random.default_rng(0).normal(0, 0.5, (5, 3)), np.zeros(3)
        self.vW, self.vb = np.zeros((5, 3)), np.zeros(3)

    def train_step(self, X, y):
        h = np.tanh(X @ self.W + self.b)
        r = h @ self.W.T - X
        loss = np.sum(r ** 2) / len(X)
        dr = 2 * r / len(X)
        dpre = dr @ self.W * (1 - h ** 2)
        gW = dr.T @ h + X.T @ dpre
        self.vW = 0.9 * self.vW + gW
        self.vb = 0.9 * self.vb + dpre.sum(axis=0)
        self.W -= 0.1 * self.vW
        self.b -= 0.1 * self.vb
        return loss
"""


def _tied(tmp_path, numpy_text: str) -> tuple[int, dict]:
    return check_pair(tmp_path, textwrap.dedent(numpy_text), textwrap.dedent(TIED_PORT),
                      {"X": np.random.default_rng(8).normal(size=(12, 5)), "y": np.zeros(12)},
                      ["W=W.T", "b=b"], "--steps", "5", "--dtype", "float64")


def test_a_tied_autoencoder_passes(tmp_path):
    assert _tied(tmp_path, TIED_NUMPY)[0] == 0


def test_a_tied_weight_missing_one_path_is_read_by_detaching_that_use(tmp_path):
    status, top = _tied(tmp_path, TIED_NUMPY.replace("gW = dr.T @ h + X.T @ dpre", "gW = dr.T @ h"))
    assert status == 1 and top["name"] == "detached-value", top
    assert "parameter W detached where its [linear" in top["explanation"], top["explanation"]
