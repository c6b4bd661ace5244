"""MonteCarloQ in PyTorch: Q-network, returns-to-go, 0.5 * F.mse_loss on the taken action's
Q-value (gathered), torch.optim.SGD."""

import torch
import torch.nn.functional as F
from torch import nn

GAMMA = 0.9
LR = 0.1


class MonteCarloQ(nn.Module):
    def __init__(self, n_state=4, hidden=16, n_actions=3):
        super().__init__()
        self.fc1 = nn.Linear(n_state, hidden)
        self.fc2 = nn.Linear(hidden, n_actions)

    def forward(self, s):
        return self.fc2(F.relu(self.fc1(s)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    a, rewards = y[..., 0].long(), y[..., 1]
    G = torch.zeros_like(rewards)
    ret = torch.zeros_like(rewards[:, 0])
    for t in reversed(range(rewards.shape[1])):
        ret = rewards[:, t] + GAMMA * ret
        G[:, t] = ret
    q_taken = model(X).gather(-1, a.unsqueeze(-1)).squeeze(-1)
    loss = 0.5 * F.mse_loss(q_taken, G)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
