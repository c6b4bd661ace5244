"""Correct port in an unusual style: two tanh hidden layers (5 -> 7 -> 7 -> 1, linear output)
kept in an nn.ModuleDict declared head first and applied in an explicit key order
(the case pairs its parameters with --torch-param), and the loss written as
F.huber_loss(out, y, delta=1e3): for every error below 1e3 Huber's loss is 0.5 * err^2, so
its mean is the half mean squared error the NumPy network minimises. The kit's Adam."""

import torch
import torch.nn.functional as F
from torch import nn

ORDER = ("inp", "mid", "head")


class HuberNet(nn.Module):
    def __init__(self, n_in=5, width=7):
        super().__init__()
        self.blocks = nn.ModuleDict({"head": nn.Linear(width, 1), "mid": nn.Linear(width, width),
                                     "inp": nn.Linear(n_in, width)})

    def forward(self, x):
        for key in ORDER[:-1]:
            x = torch.tanh(self.blocks[key](x))
        return self.blocks[ORDER[-1]](x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.huber_loss(model(X), y, delta=1e3)
    loss.backward()
    optimizer.step()
    return loss.item()
