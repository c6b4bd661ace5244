"""StackedGRU in PyTorch: nn.GRU(4, 6, batch_first=True), the final state h_n[-1] into a Linear
readout. MSE, SGD with Nesterov momentum 0.9 at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 4, 6


class StackedGRU(nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(D, H, batch_first=True)
        self.readout = nn.Linear(H, 1)

    def forward(self, x):
        _, h_n = self.gru(x)
        return self.readout(h_n[-1])


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
