"""A second PyTorch port of rb_numpy.py: the layers as explicit nn.Parameters in two
ParameterLists (weights.i (out, in), biases.i), the policy as a torch.distributions.Categorical
(log_prob and entropy), the running baseline a plain float updated after the step.
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical


class PolicyMLP(nn.Module):
    def __init__(self, sizes=(5, 16, 16, 3)):
        super().__init__()
        self.weights = nn.ParameterList()
        self.biases = nn.ParameterList()
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            bound = 1.0 / math.sqrt(n_in)
            self.weights.append(nn.Parameter(torch.empty(n_out, n_in).uniform_(-bound, bound)))
            self.biases.append(nn.Parameter(torch.empty(n_out).uniform_(-bound, bound)))
        self.baseline = 0.0

    def forward(self, x):
        last = len(self.weights) - 1
        for i, (w, b) in enumerate(zip(self.weights, self.biases)):
            x = F.linear(x, w, b)
            if i < last:
                x = F.relu(x)
        return x


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-8)


def train_step(model, optimizer, X, y):
    actions = y[:, 0].to(torch.long)
    returns = y[:, 1]
    optimizer.zero_grad()
    dist = Categorical(logits=model(X))
    advantage = returns - model.baseline
    loss = -(advantage * dist.log_prob(actions)).mean() - 0.02 * dist.entropy().mean()
    loss.backward()
    optimizer.step()
    model.baseline = 0.9 * model.baseline + 0.1 * returns.mean().item()
    return loss.item()
