"""PyTorch port of ws_numpy.py.

    WSLinear: a linear layer whose weight is standardised per output unit in
    forward (mean over the inputs, biased variance, eps 1e-5) before F.linear.
    out: nn.Linear(10, 1, bias=True) with torch.nn.utils.parametrize putting
    softplus on its weight (out.weight = softplus(out.parametrizations.weight.original)).
    log_s: a 0-d nn.Parameter, the gain exp(log_s) on the output.
    F.binary_cross_entropy_with_logits, torch.optim.SGD(lr=0.5).

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    ws.weight                            (10, 5) = V1
    ws.bias                              (10,)   = b1
    log_s                                ()      = log_s
    out.bias                             (1,)    = b2
    out.parametrizations.weight.original (1, 10) = theta2
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.utils.parametrize as parametrize


class WSLinear(nn.Linear):
    def __init__(self, n_in, n_out, eps=1e-5):
        super().__init__(n_in, n_out)
        self.eps = eps

    def forward(self, x):
        w = self.weight
        mu = w.mean(dim=1, keepdim=True)
        var = w.var(dim=1, unbiased=False, keepdim=True)
        return F.linear(x, (w - mu) / torch.sqrt(var + self.eps), self.bias)


class Softplus(nn.Module):
    def forward(self, theta):
        return F.softplus(theta)


class StandardisedNet(nn.Module):
    def __init__(self, n_in=5, hidden=10):
        super().__init__()
        self.ws = WSLinear(n_in, hidden)
        self.log_s = nn.Parameter(torch.tensor(-0.5))
        self.out = nn.Linear(hidden, 1)
        parametrize.register_parametrization(self.out, "weight", Softplus())

    def forward(self, X):
        h = torch.tanh(self.ws(X))
        return torch.exp(self.log_s) * F.linear(h, self.out.weight) + self.out.bias


def make_optimizer(model, lr=0.5):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ws.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = StandardisedNet()
    optimizer = make_optimizer(model)
    for step in range(100):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            print(step, loss, model.log_s.item())
