"""TrajectoryReinforce in PyTorch: returns by a backward scan reset by (1 - done), mean baseline,
Categorical log-probabilities, torch.optim.SGD(nesterov=True)."""

import torch
from torch import nn
from torch.distributions import Categorical

GAMMA = 0.9
LR, MU = 0.05, 0.9


class TrajectoryReinforce(nn.Module):
    def __init__(self, n_state=4, hidden=12, n_actions=3):
        super().__init__()
        self.fc1 = nn.Linear(n_state, hidden)
        self.fc2 = nn.Linear(hidden, n_actions)

    def forward(self, s):
        return self.fc2(torch.tanh(self.fc1(s)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, nesterov=True)


def train_step(model, optimizer, X, y):
    a, rewards, dones = y[:, 0].long(), y[:, 1], y[:, 2]
    returns = torch.zeros_like(rewards)
    G = torch.zeros((), dtype=rewards.dtype)
    for t in reversed(range(len(rewards))):
        G = rewards[t] + GAMMA * G * (1 - dones[t])
        returns[t] = G
    adv = returns - returns.mean()
    loss = -(adv * Categorical(logits=model(X)).log_prob(a)).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
