"""Updates of one size, lr·sign(c) (Lion, signSGD), part at a few entries at a time: a port's optimizer built again
with another setting agrees with them for a few steps under many settings. Where the port's own updates part at few
entries, a setting is said only where it makes every update of the whole run agree."""

import textwrap

import numpy as np

from tests.helpers import check_pair

NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1, self.W2 = rng.normal(0, 0.5, (5, 8)), rng.normal(0, 0.5, (8, 1))
        self.m = [np.zeros_like(self.W1), np.zeros_like(self.W2)]

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1)
        out = h @ self.W2
        d = 2 * (out - y) / out.size
        grads = [X.T @ (d @ self.W2.T * (1 - h ** 2)), h.T @ d]
        for p, m, g in zip((self.W1, self.W2), self.m, grads):
            c = 0.9 * m + 0.1 * g
            p -= 0.01 * np.sign(c)
            m *= 0.99
            m += 0.01 * g
        return np.mean((out - y) ** 2)
"""

PORT = """
import torch
from torch import nn


class Lion(torch.optim.Optimizer):
    def __init__(self, params, lr=0.01, betas=(0.9, 0.99)):
        super().__init__(params, dict(lr=lr, betas=betas))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            b1, b2 = group["betas"]
            for p in group["params"]:
                m = self.state[p].setdefault("exp_avg", torch.zeros_like(p))
                p.add_(torch.sign(b1 * m + (1 - b1) * p.grad), alpha=-group["lr"])
                m.mul_(b2).add_(p.grad, alpha=1 - b2)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(5, 8, bias=False), nn.Linear(8, 1, bias=False)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))


def make_optimizer(model):
    return Lion(model.parameters())


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""


def _check(tmp_path, numpy: str) -> tuple[int, dict]:
    rng = np.random.default_rng(6)
    return check_pair(tmp_path, textwrap.dedent(numpy), textwrap.dedent(PORT),
                      {"X": rng.normal(size=(24, 5)), "y": rng.normal(size=(24, 1))}, ["W1=fc1.weight.T", "W2=fc2.weight.T"],
                      "--steps", "12", "--dtype", "float32")


def test_the_lion_pair_passes(tmp_path):
    assert _check(tmp_path, NUMPY)[0] == 0


def test_betas_swapped_are_read_over_the_whole_run(tmp_path):
    status, top = _check(tmp_path, NUMPY.replace("c = 0.9 * m + 0.1 * g", "c = 0.99 * m + 0.01 * g")
                         .replace("m *= 0.99\n            m += 0.01 * g", "m *= 0.9\n            m += 0.1 * g"))
    assert status == 1 and top["name"] == "optimizer-settings" and "betas=(0.99, 0.9)" in top["explanation"], top
    assert "through step 12" in top["explanation"], top


def test_a_momentum_overwritten_in_place_is_no_setting_a_few_sign_steps_agree_with(tmp_path):
    """c = m; c *= b1; c += (1 - b1) g aliases the momentum: no betas of the port's Lion is that program, though some
    agree with its signs for a few steps."""
    status, top = _check(tmp_path, NUMPY.replace("c = 0.9 * m + 0.1 * g", "c = m\n            c *= 0.9\n            c += 0.1 * g"))
    assert status == 1 and top["name"] != "optimizer-settings", top
