"""A NumPy optimizer written out, read where its arithmetic leaves torch's (`written_update`): Adadelta's ε added after
the root (√v + ε) where torch adds it inside (√(v + ε)) is said as the two ops in the other order (torch's in-place
sqrt_ and add_ are its sqrt and add), at the update; the same program with ε inside the root passes. A parameter
keyed with a dot is reported without it, so the readings of its gradient find it."""

import numpy as np
import pytest

from tests.helpers import check_pair

ADADELTA_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 3))
        self.v = np.zeros_like(self.W)
        self.u = np.zeros_like(self.W)

    def train_step(self, X, y):
        err = X @ self.W - y
        loss = (err ** 2).mean()
        grad = X.T @ (2 * err / err.size)
        self.v = 0.9 * self.v + 0.1 * grad ** 2
        delta = np.sqrt(self.u + 1e-4) / {denominator} * grad
        self.u = 0.9 * self.u + 0.1 * delta ** 2
        self.W -= 1.0 * delta
        return loss
"""

ADADELTA_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Linear(5, 3, bias=False)

def make_optimizer(model):
    return torch.optim.Adadelta(model.parameters(), lr=1.0, rho=0.9, eps=1e-4)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model.w(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("denominator, said", [("(np.sqrt(self.v) + 1e-4)", True), ("np.sqrt(self.v + 1e-4)", False)])
def test_an_epsilon_inside_the_root_is_read_as_two_ops_in_the_other_order(tmp_path, denominator, said):
    rng = np.random.default_rng(3)
    data = {"X": rng.normal(size=(16, 5)).astype(np.float32), "y": rng.normal(scale=0.1, size=(16, 3)).astype(np.float32)}
    code, top = check_pair(tmp_path, ADADELTA_NUMPY.replace("{denominator}", denominator), ADADELTA_PORT, data,
                           ["W=w.weight.T"], "--steps", "2", "--dtype", "float32")
    if not said:
        assert code == 0, top
        return
    assert code == 1 and "in the other order" in top["explanation"], top
    assert "sqrt(x) + b against sqrt(x + b)" in top["explanation"] and top["evidence"]["stage"] == "update", top


DOTTED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.params = {"l1.W": rng.normal(0.0, 0.5, (5, 8)), "l2.W": rng.normal(0.0, 0.5, (8, 3))}

    def train_step(self, X, y):
        p = self.params
        h = np.tanh(X @ p["l1.W"])
        err = h @ p["l2.W"] - y
        loss = (err ** 2).mean()
        d_out = 2 * err / err.size
        d_h = d_out @ p["l2.W"].T * {derivative}
        p["l2.W"] -= 0.1 * h.T @ d_out
        p["l1.W"] -= 0.1 * X.T @ d_h
        return loss
"""

DOTTED_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(5, 8, bias=False)
        self.l2 = nn.Linear(8, 3, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model.l2(torch.tanh(model.l1(X))) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def test_a_parameter_keyed_with_a_dot_is_reported_without_it_and_its_backward_is_located(tmp_path):
    rng = np.random.default_rng(4)
    data = {"X": rng.normal(size=(16, 5)).astype(np.float32), "y": rng.normal(size=(16, 3)).astype(np.float32)}
    pairs = ["params['l1.W']=l1.weight.T", "params['l2.W']=l2.weight.T"]
    code, _ = check_pair(tmp_path, DOTTED_NUMPY.replace("{derivative}", "(1 - h ** 2)"), DOTTED_PORT, data, pairs, "--steps", "2")
    assert code == 0
    code, top = check_pair(tmp_path, DOTTED_NUMPY.replace("{derivative}", "(1 - h)"), DOTTED_PORT, data, pairs, "--steps", "2")
    assert code == 1 and top["evidence"].get("parameter") == "l1_W" and "agree_up_to" in top["evidence"], top


DOTTED_KEPT = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.params = {"l1.W": rng.normal(0.0, 0.5, (5, 8)), "l2.W": rng.normal(0.0, 0.5, (8, 3))}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p, g = self.params, self.grads
        {reset}
        h = np.tanh(X @ p["l1.W"])
        err = h @ p["l2.W"] - y
        d_out = 2 * err / err.size
        g["l2.W"] += h.T @ d_out
        g["l1.W"] += X.T @ (d_out @ p["l2.W"].T * (1 - h ** 2))
        for k in p:
            p[k] -= 0.1 * g[k]
        return (err ** 2).mean()
"""


def test_gradients_kept_under_keys_with_a_dot_are_read_as_the_parameters_and_a_sum_over_steps_is_named(tmp_path):
    rng = np.random.default_rng(4)
    data = {"X": rng.normal(size=(16, 5)).astype(np.float32), "y": rng.normal(size=(16, 3)).astype(np.float32)}
    pairs = ["params['l1.W']=l1.weight.T", "params['l2.W']=l2.weight.T"]
    reset = "for k in g: g[k][...] = 0.0"
    code, _ = check_pair(tmp_path, DOTTED_KEPT.replace("{reset}", reset), DOTTED_PORT, data, pairs, "--steps", "3")
    assert code == 0
    code, top = check_pair(tmp_path, DOTTED_KEPT.replace("{reset}", "pass"), DOTTED_PORT, data, pairs, "--steps", "3")
    assert code == 1 and top["name"] == "gradient-accumulation" and top["evidence"]["side"] == "numpy", top
