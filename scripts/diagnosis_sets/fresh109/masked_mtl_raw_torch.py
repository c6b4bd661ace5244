"""MaskedMTL ported another way: the weights raw nn.Parameters in an nn.ParameterDict, kept
(in, out) as the NumPy program keeps them and applied as X @ W + b; the income loss by boolean
indexing of the rows whose income is present and F.mse_loss over them, the default loss as
softplus(z) - label * z; torch.optim.RMSprop(alpha=0.9, foreach=False)."""

import math

import torch
import torch.nn.functional as F
from torch import nn

D, H1, H2 = 7, 12, 8
W_BIN, LR, ALPHA, EPS = 0.7, 0.005, 0.9, 1e-8


def _init(*shape):
    return nn.Parameter(torch.randn(*shape) / math.sqrt(shape[0]))


class RawMaskedMTL(nn.Module):
    def __init__(self):
        super().__init__()
        self.params = nn.ParameterDict({
            "W1": _init(D, H1), "b1": nn.Parameter(torch.zeros(H1)),
            "W2": _init(H1, H2), "b2": nn.Parameter(torch.zeros(H2)),
            "w_inc": _init(H2, 1), "b_inc": nn.Parameter(torch.zeros(1)),
            "w_def": _init(H2, 1), "b_def": nn.Parameter(torch.zeros(1)),
        })

    def forward(self, X):
        p = self.params
        a2 = torch.tanh(F.relu(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])
        return (a2 @ p["w_inc"] + p["b_inc"]).flatten(), (a2 @ p["w_def"] + p["b_def"]).flatten()


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS, foreach=False)


def train_step(model, optimizer, X, y):
    income, present, label = y.unbind(dim=1)
    keep = present > 0.5
    inc, z = model(X)
    if keep.any():
        l_inc = F.mse_loss(inc[keep], income[keep])
    else:
        l_inc = inc.sum() * 0.0
    l_def = (F.softplus(z) - label * z).mean()
    loss = l_inc + W_BIN * l_def
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
