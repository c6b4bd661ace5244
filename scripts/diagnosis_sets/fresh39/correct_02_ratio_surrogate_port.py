"""Bandit policy in PyTorch written PPO-style: 5 -> 8 tanh -> 8 tanh -> 3 logits, the policy
gradient taken through the probability-ratio surrogate r * pi(a|s) / pi_old(a|s) with pi_old the
same policy detached (on-policy data, so the ratio is 1 and its gradient is r * grad log pi),
the log-probabilities picked with a boolean mask of the pulled arms, Adam from make_optimizer.

    y: (n, 3), the reward of the pulled arm in its column, 0 elsewhere
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, sizes=(5, 8, 8, 3)):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(sizes[0], sizes[1]), nn.Tanh(),
            nn.Linear(sizes[1], sizes[2]), nn.Tanh(),
            nn.Linear(sizes[2], sizes[3]),
        )

    def forward(self, x):
        return self.layers(x)


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    pulled = y > 0
    rewards = y[pulled]
    logp = F.log_softmax(model(X), dim=-1)[pulled]
    ratio = torch.exp(logp - logp.detach())
    surrogate = (ratio * rewards).sum() / X.shape[0]
    optimizer.zero_grad(set_to_none=True)
    (-surrogate).backward()
    optimizer.step()
    return -surrogate.item()
