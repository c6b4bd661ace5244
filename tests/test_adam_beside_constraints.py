"""A hand-written Adam read by its laws from the parameters the port's own torch Adam steps alone: a weight
renormalised after the step (a dictionary's unit-norm atoms) is left out of the reading, not a reason to say nothing."""

import textwrap

import numpy as np

from tests.helpers import check_pair

PORT = """
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc, self.dec = nn.Linear(5, 4), nn.Linear(4, 5, bias=False)

    def forward(self, X):
        return self.dec(torch.relu(self.enc(X)))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - X) ** 2).sum() / len(X)
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        model.dec.weight /= model.dec.weight.norm(dim=0, keepdim=True)
    return loss
"""

NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        D = rng.normal(0, 0.5, (4, 5))
        self.p = {"We": rng.normal(0, 0.5, (5, 4)), "be": np.zeros(4), "D": D / np.linalg.norm(D, axis=1, keepdims=True)}
        self.m = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.p
        z = X @ p["We"] + p["be"]
        h = np.maximum(z, 0)
        r = h @ p["D"] - X
        loss = np.sum(r ** 2) / len(X)
        dr = 2 * r / len(X)
        dz = dr @ p["D"].T * (z > 0)
        g = {"We": X.T @ dz, "be": dz.sum(axis=0), "D": h.T @ dr}
        self.t += 1
        for k in p:
            self.m[k] = 0.9 * self.m[k] + 0.1 * g[k]
            self.v[k] = 0.999 * self.v[k] + 0.001 * g[k] ** 2
            m_hat, v_hat = self.m[k] / (1 - 0.9 ** self.t), self.v[k] / (1 - 0.999 ** self.t)
            p[k] -= 0.01 * m_hat / (np.sqrt(v_hat) + 1e-8)
        p["D"] /= np.linalg.norm(p["D"], axis=1, keepdims=True)
        return loss
"""


def _run(tmp_path, numpy_text: str) -> tuple[int, dict]:
    return check_pair(tmp_path, textwrap.dedent(numpy_text), textwrap.dedent(PORT),
                      {"X": np.random.default_rng(10).normal(size=(16, 5)), "y": np.zeros(16)},
                      ["p['We']=enc.weight.T", "p['be']=enc.bias", "p['D']=dec.weight.T"], "--steps", "4", "--dtype", "float64")


def test_adam_beside_a_renormalised_weight_passes(tmp_path):
    assert _run(tmp_path, NUMPY)[0] == 0


def test_eps_inside_the_square_root_is_read_beside_a_renormalised_weight(tmp_path):
    status, top = _run(tmp_path, NUMPY.replace("(np.sqrt(v_hat) + 1e-8)", "np.sqrt(v_hat + 1e-8)"))
    assert status == 1 and "ε inside the square root" in top["explanation"], top
