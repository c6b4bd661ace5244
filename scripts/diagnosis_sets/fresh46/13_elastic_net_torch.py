"""ElasticRegressor in PyTorch: Linear -> tanh -> Linear, MSE plus the elastic-net penalty on
the two weight matrices, SGD at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn

L1 = 0.02
L2 = 0.05
LR = 0.1


class ElasticRegressor(nn.Module):
    def __init__(self, n_in=5, hidden=8, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    weights = [model.fc1.weight, model.fc2.weight]
    l1 = sum(w.abs().sum() for w in weights)
    l2 = sum(w.pow(2).sum() for w in weights)
    loss = F.mse_loss(model(X), y) + L1 * l1 + 0.5 * L2 * l2
    loss.backward()
    optimizer.step()
    return loss.item()
