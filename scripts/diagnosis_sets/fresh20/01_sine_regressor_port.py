"""PyTorch port of the sine-curve regressor from the NumPy notebook: one input, 16 ReLU hidden
units, a linear output, mean squared error, plain SGD."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_hidden=16):
        super().__init__()
        self.hidden = nn.Linear(1, n_hidden)
        self.out = nn.Linear(n_hidden, 1)

    def forward(self, x):
        z = self.hidden(x)
        h = torch.max(z, 0)[0]   # BUG: h = torch.clamp(z, min=0)
        return self.out(h)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    pred = model(X)
    loss = F.mse_loss(pred, y)
    loss.backward()
    optimizer.step()
    return loss.item()
