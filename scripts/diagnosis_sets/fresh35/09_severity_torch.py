"""SeverityNet in PyTorch: log link (the model returns log mu), Gamma deviance written by hand, SGD."""

import torch
from torch import nn

LR = 0.1


class SeverityNet(nn.Module):
    def __init__(self, n_in=4, hidden=8):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def gamma_deviance(log_mu, y):
    ratio = y * torch.exp(-log_mu)
    return torch.mean(ratio - torch.log(ratio) - 1.0)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = gamma_deviance(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
