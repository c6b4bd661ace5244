"""UnitNormRegressor in PyTorch: Linear -> tanh -> Linear, MSE, SGD at 0.2, then each row of
fc1.weight (one hidden unit's incoming weights, stored (out, in)) renormalised to unit norm."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.2


class UnitNormRegressor(nn.Module):
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
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        w = model.fc1.weight
        w.div_(w.norm(dim=1, keepdim=True))
    return loss.item()
