"""PyTorch port of mdn_numpy.py written with torch.distributions: the two-component mixture as
MixtureSameFamily(Categorical(logits=a), Normal(mu, exp(log_sigma))), its log_prob on the flat
targets; plain SGD."""

import torch
from torch import nn
from torch.distributions import Categorical, MixtureSameFamily, Normal

K = 2
LEARNING_RATE = 0.05


class MixtureDensityNet(nn.Module):
    def __init__(self, n_in=2, n_hidden=12):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, 3 * K)

    def forward(self, x):
        a, mu, log_sigma = self.out(torch.tanh(self.hidden(x))).split(K, dim=1)
        return MixtureSameFamily(Categorical(logits=a), Normal(mu, log_sigma.exp()))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = -model(X).log_prob(y.squeeze(1)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
