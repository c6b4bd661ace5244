"""GatedRegressor in PyTorch: the projection, torch's own gated linear unit module (nn.GLU over
the feature dimension) and a Linear readout. MSE, SGD(momentum=0.9) at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, HALF = 5, 6


class GatedRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(N_IN, 2 * HALF)
        self.glu = nn.GLU(dim=1)
        self.out = nn.Linear(HALF, 1)

    def forward(self, x):
        z = self.proj(x)
        h = self.glu(z)   # fix: h = torch.sigmoid(z[:, :HALF]) * z[:, HALF:]
        return self.out(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
