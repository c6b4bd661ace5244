"""A second PyTorch port of wn_numpy.py: weight normalisation written as its own module.

    WNLinear: parameters v (out, in), g (out,), b (out,);
              forward F.linear(x, g[:, None] * v / v.norm(dim=1, keepdim=True), b)

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    l1.v (12, 6) = v1,  l1.g (12,) = g1,  l1.b (12,) = b1
    l2.v (3, 12) = v2,  l2.g (3,)  = g2,  l2.b (3,)  = b2
Momentum SGD written with torch.optim.SGD(momentum=0.9), lr 0.1; the loss is
log_softmax + nll_loss (the same as F.cross_entropy).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class WNLinear(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.v = nn.Parameter(torch.randn(n_out, n_in) / n_in ** 0.5)
        self.g = nn.Parameter(torch.ones(n_out))
        self.b = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        w = self.g.unsqueeze(1) * self.v / self.v.norm(dim=1, keepdim=True)
        return F.linear(x, w, self.b)


class WeightNormNet(nn.Module):
    def __init__(self, n_in=6, hidden=12, n_out=3):
        super().__init__()
        self.l1 = WNLinear(n_in, hidden)
        self.l2 = WNLinear(hidden, n_out)

    def forward(self, X):
        return self.l2(torch.tanh(self.l1(X)))


def make_optimizer(model, lr=0.1, momentum=0.9):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.nll_loss(F.log_softmax(model(X), dim=1), y)
    loss.backward()
    optimizer.step()
    return loss.item()
