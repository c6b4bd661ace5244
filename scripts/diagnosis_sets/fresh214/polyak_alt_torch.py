"""PyTorch port of polyak_numpy.py written another way (correct): an nn.Sequential, the
shadow weights a dict updated with lerp_, the teacher run by torch.func.functional_call.

Parameters: net.0.weight (20, 5) = W1.T, net.0.bias = b1, net.2.weight (2, 20) = W2.T,
net.2.bias = b2.
"""

import torch
import torch.nn as nn
from torch.func import functional_call


class EMARegressor(nn.Module):
    def __init__(self, n_in=5, hidden=20, n_out=2):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(), nn.Linear(hidden, n_out))
        self.shadow = {}
        self.t = 0

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-3)


def train_step(model, optimizer, X, y, lam=0.5, max_decay=0.9):
    params = dict(model.named_parameters())
    if not model.shadow:
        model.shadow = {k: v.detach().clone() for k, v in params.items()}
    optimizer.zero_grad()
    out = model(X)
    with torch.no_grad():
        t_out = functional_call(model, model.shadow, (X,))
    loss = ((out - y) ** 2).mean() + lam * ((out - t_out) ** 2).mean()
    loss.backward()
    optimizer.step()
    model.t += 1
    decay = min(max_decay, (1.0 + model.t) / (10.0 + model.t))
    with torch.no_grad():
        for k, v in params.items():
            model.shadow[k].lerp_(v, 1.0 - decay)
    return loss.item()
