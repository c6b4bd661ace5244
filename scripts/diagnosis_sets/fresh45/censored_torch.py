"""PyTorch port of censored_numpy.py: 3 -> 8 tanh -> mu, the Tobit loss with
torch.special.log_ndtr for the saturated readings (y >= CEILING); plain SGD."""

import torch
from torch import nn

CEILING = 0.3
LEARNING_RATE = 0.1


class CensoredNet(nn.Module):
    def __init__(self, n_in=3, n_hidden=8):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    mu = model(X)
    censored = y >= CEILING
    nll = torch.where(censored, -torch.special.log_ndtr(mu - CEILING), 0.5 * (y - mu) ** 2)
    loss = nll.mean()
    loss.backward()
    optimizer.step()
    return loss.item()
