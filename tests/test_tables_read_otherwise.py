"""A port that reads an embedding table otherwise, where the losses still agree at the start (the biases at 0): its
gradient reaches the rows of another column's ids (an item's bias looked up with the user ids, measured on the two
gradients), or an (n, 1) lookup added to an (n,) score makes an (n, n) matrix that mixes the rows (read in its trace)."""

import textwrap

import numpy as np

from tests.helpers import check_pair

NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.P, self.Q, self.bi = rng.normal(0, 0.3, (6, 3)), rng.normal(0, 0.3, (9, 3)), np.zeros(9)

    def train_step(self, X, y):
        u, i = X[:, 0].astype(int), X[:, 1].astype(int)
        pred = np.sum(self.P[u] * self.Q[i], axis=1) + self.bi[i]
        d = 2 * (pred - y) / len(y)
        grads = {"P": np.zeros_like(self.P), "Q": np.zeros_like(self.Q), "bi": np.zeros_like(self.bi)}
        np.add.at(grads["P"], u, d[:, None] * self.Q[i])
        np.add.at(grads["Q"], i, d[:, None] * self.P[u])
        np.add.at(grads["bi"], i, d)
        for name, g in grads.items():
            getattr(self, name)[...] -= 0.1 * g
        self.grads = grads
        return np.mean((pred - y) ** 2)
"""

PORT = """
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.P, self.Q, self.bi = nn.Embedding(6, 3), nn.Embedding(9, 3), nn.Embedding(9, 1)

    def forward(self, X):
        u, i = X[:, 0].long(), X[:, 1].long()
        return (self.P(u) * self.Q(i)).sum(dim=1) + self.bi(i).squeeze(1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss
"""


def _check(tmp_path, port: str) -> tuple[int, dict]:
    rng = np.random.default_rng(4)
    X = np.stack([rng.integers(0, 6, 24), rng.integers(0, 9, 24)], axis=1).astype(float)
    return check_pair(tmp_path, textwrap.dedent(NUMPY), textwrap.dedent(port), {"X": X, "y": rng.normal(size=24)},
                      ["P=P.weight", "Q=Q.weight", "bi=bi.weight.reshape(9)"], "--steps", "3", "--dtype", "float64",
                      "--grads", "net.grads")


def test_the_port_as_written_passes(tmp_path):
    assert _check(tmp_path, PORT)[0] == 0


def test_a_table_looked_up_with_another_column_of_ids_is_named_by_the_rows_its_gradient_reaches(tmp_path):
    status, top = _check(tmp_path, PORT.replace("self.bi(i)", "self.bi(u)"))
    assert status == 1 and "column 0 of X" in top["explanation"] and "column 1" in top["explanation"], top


def test_an_n_by_1_lookup_added_to_an_n_score_is_read_as_a_broadcast(tmp_path):
    status, top = _check(tmp_path, PORT.replace("self.bi(i).squeeze(1)", "self.bi(i)"))
    assert status == 1 and "(24, 24) matrix" in top["explanation"] and "the port's" in top["explanation"], top
