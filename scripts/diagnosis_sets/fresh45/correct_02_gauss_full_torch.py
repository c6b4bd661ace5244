"""PyTorch port of correct_02_gauss_full_numpy.py: 3 -> 10 ReLU -> (mu, log_var), the loss
nn.GaussianNLLLoss(full=True) on var = exp(log_var), SGD with momentum 0.9."""

import torch
from torch import nn

LEARNING_RATE = 0.03
MOMENTUM = 0.9


class GaussFullNet(nn.Module):
    def __init__(self, n_in=3, n_hidden=10):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_in, n_hidden), nn.ReLU(), nn.Linear(n_hidden, 2))
        self.nll = nn.GaussianNLLLoss(full=True)

    def forward(self, x):
        return self.body(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    mu, log_var = model(X).unbind(dim=1)
    loss = model.nll(mu, y.squeeze(1), log_var.exp())
    loss.backward()
    optimizer.step()
    return loss.item()
