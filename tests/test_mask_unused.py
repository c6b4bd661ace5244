"""A mask the port makes and never applies (padded positions left in a loss): the NumPy program multiplies the loss's
terms by it, the port's trace holds the same 0/1 values and no op of the port's reads them."""

import numpy as np
import pytest

from tests.helpers import check_pair

MASKED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (3, 1))
        self.b = np.array([0.2])

    def train_step(self, X, y):
        mask = np.any(X != 0, axis=2).astype(X.dtype)            # (N, T): real positions
        p = 1.0 / (1.0 + np.exp(-(X @ self.W + self.b)[:, :, 0]))
        terms = -(y * np.log(p) + (1 - y) * np.log(1 - p))
        loss = (terms * mask).sum() / len(X)
        dz = (p - y) * mask / len(X)
        self.W -= 0.1 * np.einsum("ntd,nt->d", X, dz)[:, None]
        self.b -= 0.1 * dz.sum(keepdims=True).ravel()
        return loss
"""

MASKED_PORT = """import torch
from torch import nn
import torch.nn.functional as F

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Linear(3, 1)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    mask = (X != 0).any(dim=2).to(X.dtype)
    loss = {loss} / len(X)
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def _padded() -> dict:
    rng = np.random.default_rng(3)
    X = rng.normal(size=(10, 5, 3))
    for row, length in enumerate(rng.integers(2, 6, size=10)):
        X[row, length:] = 0.0
    return {"X": X, "y": (rng.uniform(size=(10, 5)) > 0.5).astype(float)}


LOGITS = "model.w(X)[:, :, 0], y"


@pytest.mark.parametrize("loss, said", [(f"(F.binary_cross_entropy_with_logits({LOGITS}, reduction='none') * mask).sum()", False),
                                        (f"F.binary_cross_entropy_with_logits({LOGITS}, reduction='sum')", True)])
def test_a_mask_the_port_makes_and_never_applies_is_said(tmp_path, loss, said):
    code, top = check_pair(tmp_path, MASKED_NUMPY, MASKED_PORT.replace("{loss}", loss), _padded(), ["W=w.weight.T", "b=w.bias"],
                           "--steps", "2")
    if not said:
        assert code == 0, top
        return
    assert code == 1 and "the port makes the same mask" in top["explanation"] and "never applies it" in top["explanation"], top
