"""Multi-horizon window forecaster ported to PyTorch, written with an nn.Sequential built from
an OrderedDict; the loss is the mean over the three horizons of each horizon's own mean squared
error (a per-horizon report kept from evaluation), which is the MSE over all elements."""

from collections import OrderedDict

import torch
import torch.nn.functional as F
from torch import nn

L, H, HID = 12, 3, 8


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(OrderedDict([
            ("lags", nn.Linear(L, HID)),
            ("squash", nn.Tanh()),
            ("horizons", nn.Linear(HID, H)),
        ]))

    def forward(self, x):
        return self.layers(x)


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    out = model(X)
    per_horizon = torch.stack([F.mse_loss(out[:, k], y[:, k]) for k in range(H)])
    loss = per_horizon.mean()
    loss.backward()
    optimizer.step()
    return loss.item()
