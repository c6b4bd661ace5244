"""MonotoneNet in PyTorch: free parameters V1, V2 (laid out (in, out)) whose exponentials are the
weights, so every weight is positive; tanh hidden layer, MSE, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.05


class MonotoneNet(nn.Module):
    def __init__(self, n_in=3, hidden=6):
        super().__init__()
        self.V1 = nn.Parameter(torch.full((n_in, hidden), -1.0))
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.V2 = nn.Parameter(torch.full((hidden, 1), -1.0))
        self.b2 = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        W1 = torch.exp(self.V1)
        W2 = torch.exp(self.V2)
        h = torch.tanh(x @ W1 + self.b1)
        return h @ W2 + self.b2


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
