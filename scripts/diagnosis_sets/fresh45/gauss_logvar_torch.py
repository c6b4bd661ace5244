"""PyTorch port of gauss_logvar_numpy.py: 3 -> 10 tanh -> (mu, log_var), the Gaussian NLL written
out by hand, plain SGD."""

import torch
from torch import nn

LEARNING_RATE = 0.05


class GaussLogVarNet(nn.Module):
    def __init__(self, n_in=3, n_hidden=10):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, 2)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    mu, log_var = model(X).chunk(2, dim=1)
    var = torch.exp(log_var)
    loss = (0.5 * log_var + (y - mu) ** 2 / (2 * var)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
