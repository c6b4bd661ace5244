"""Another PyTorch port of mdn_numpy.py, through torch.distributions.

The experts are applied as one batched matrix product (torch.bmm over the expert axis)
and the loss is MixtureSameFamily(Categorical(logits=gate), Normal(mu, exp(log_var / 2)))
.log_prob(y), averaged over the batch and negated.
"""

import math

import torch
import torch.nn as nn
from torch.distributions import Categorical, MixtureSameFamily, Normal


class MDNDist(nn.Module):
    def __init__(self, n_in=3, n_experts=3, hidden=10):
        super().__init__()
        self.gate = nn.Linear(n_in, n_experts)
        self.W1 = nn.Parameter(torch.empty(n_experts, n_in, hidden).uniform_(-0.5, 0.5))
        self.b1 = nn.Parameter(torch.zeros(n_experts, hidden))
        self.W2 = nn.Parameter(torch.empty(n_experts, hidden, 2).uniform_(-0.3, 0.3))
        self.b2 = nn.Parameter(torch.zeros(n_experts, 2))

    def forward(self, x):
        E = self.W1.shape[0]
        xe = x.unsqueeze(0).expand(E, -1, -1)                           # (E, N, D)
        h = torch.relu(torch.bmm(xe, self.W1) + self.b1.unsqueeze(1))
        o = torch.bmm(h, self.W2) + self.b2.unsqueeze(1)                # (E, N, 2)
        mu = o[:, :, 0].transpose(0, 1)
        std = torch.exp(0.5 * o[:, :, 1]).transpose(0, 1)
        return MixtureSameFamily(Categorical(logits=self.gate(x)), Normal(mu, std))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.005, alpha=0.9, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = -model(X).log_prob(y.squeeze(1)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
