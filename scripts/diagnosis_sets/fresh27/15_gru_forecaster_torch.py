"""GRUForecaster in PyTorch, the cell by hand: one Linear for the input (with the bias, gates
[z | r | n]) and one bias-free Linear for the state, the reset gate applied to the state before
its candidate weights (F.linear on r * h with the n rows of the state weight), h = (1 - z) h +
z n, a Linear readout. MSE, Adam at 0.02."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, H = 3, 6


class GRUForecaster(nn.Module):
    def __init__(self):
        super().__init__()
        self.inp = nn.Linear(N_IN, 3 * H)
        self.rec = nn.Linear(H, 3 * H, bias=False)
        self.readout = nn.Linear(H, 1)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], H)
        for t in range(x.shape[1]):
            a = self.inp(x[:, t])
            z, r = torch.sigmoid(a[:, :2 * H] + F.linear(h, self.rec.weight[:2 * H])).chunk(2, dim=1)
            n = torch.tanh(a[:, 2 * H:] + F.linear(r * h, self.rec.weight[2 * H:]))
            h = torch.lerp(h, n, z)
        return self.readout(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.02)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
