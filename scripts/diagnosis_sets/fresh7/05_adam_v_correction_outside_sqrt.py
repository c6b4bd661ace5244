"""Port of a sigmoid regressor (4 -> 8 -> 1, linear output, mean squared error, Adam) written
with raw (in, out) nn.Parameters and a small hand-written Adam class rather than
torch.optim. The denominator is sqrt(v) / (1 - beta2^t) + eps: the second moment's bias
correction is divided outside the square root instead of under it, sqrt(v / (1 - beta2^t))."""

import torch
import torch.nn.functional as F
from torch import nn


class RawRegressor(nn.Module):
    def __init__(self, n_in=4, n_hidden=8):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(n_in, n_hidden) / n_in ** 0.5)
        self.b1 = nn.Parameter(torch.zeros(n_hidden))
        self.W2 = nn.Parameter(torch.randn(n_hidden, 1) / n_hidden ** 0.5)
        self.b2 = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return torch.sigmoid(x @ self.W1 + self.b1) @ self.W2 + self.b2


class Adam:
    """Adam without torch.optim, state kept in plain dicts."""

    def __init__(self, params, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        self.params = list(params)
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = [torch.zeros_like(p) for p in self.params]
        self.v = [torch.zeros_like(p) for p in self.params]
        self.t = 0

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        self.t += 1
        for p, m, v in zip(self.params, self.m, self.v):
            g = p.grad
            m.mul_(self.beta1).add_((1 - self.beta1) * g)
            v.mul_(self.beta2).add_((1 - self.beta2) * g * g)
            m_hat = m / (1 - self.beta1 ** self.t)
            denom = v.sqrt() / (1 - self.beta2 ** self.t) + self.eps   # BUG: correct v under the root: (v / (1 - self.beta2 ** self.t)).sqrt() + self.eps
            p.sub_(self.lr * m_hat / denom)


def make_optimizer(model, lr):
    return Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
