"""PyTorch port of gem_numpy.py written with plain parameters and a hand-written momentum step.

    W1 (5, 8), b1 (8,), p (), W2 (8, 1), b2 (1,) as nn.Parameters in the NumPy layout

GeM pooling in the log domain: exp(log(mean_t c_t ** p) / p). The update is written out as
torch.optim.SGD(momentum=0.9) makes it: buf = 0.9 buf + grad (buf = grad at the first step),
w -= 0.05 buf.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

LR = 0.05
MOMENTUM = 0.9


class GeMNet(nn.Module):
    def __init__(self, n_in=5, hidden=8, p0=3.0, eps=1e-6):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(n_in, hidden) / n_in ** 0.5)
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.p = nn.Parameter(torch.tensor(p0))
        self.W2 = nn.Parameter(torch.randn(hidden, 1) / hidden ** 0.5)
        self.b2 = nn.Parameter(torch.zeros(1))
        self.eps = eps
        self.buffers_ = {}

    def forward(self, X):
        h = F.softplus(X @ self.W1 + self.b1)
        c = h.clamp(min=self.eps)
        g = torch.exp(torch.log(c.pow(self.p).mean(dim=1)) / self.p)
        return g @ self.W2 + self.b2


def train_step(model, optimizer, X, y):
    model.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        for name, w in model.named_parameters():
            if name not in model.buffers_:
                model.buffers_[name] = w.grad.clone()
            else:
                model.buffers_[name].mul_(MOMENTUM).add_(w.grad)
            w.sub_(LR * model.buffers_[name])
    return loss.item()
