"""PyTorch port of MoonsNet (07_moons_net_numpy.py): 2 -> 10 sigmoid -> 1 sigmoid, nn.BCELoss,
torch.optim.RMSprop with alpha = RHO."""

import torch
from torch import nn

LEARNING_RATE = 0.01
RHO = 0.9
EPS = 1e-8


class MoonsNet(nn.Module):
    def __init__(self, n_hidden=10):
        super().__init__()
        self.hidden = nn.Linear(2, n_hidden)
        self.out = nn.Linear(n_hidden, 1)
        self.act = nn.Sigmoid()

    def forward(self, x):
        return self.act(self.out(self.act(self.hidden(x))))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LEARNING_RATE, alpha=RHO, eps=EPS, centered=True)   # BUG: return torch.optim.RMSprop(model.parameters(), lr=LEARNING_RATE, alpha=RHO, eps=EPS)


loss_fn = nn.BCELoss()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
