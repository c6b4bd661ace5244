"""BaselineReinforce in PyTorch: policy and value networks, reward-to-go by a backward loop,
advantage G - V(s).detach(), policy loss plus F.mse_loss for the value, torch.optim.Adam."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.distributions import Categorical

GAMMA = 0.9
LR = 0.01


class BaselineReinforce(nn.Module):
    def __init__(self, n_state=4, hidden=10, n_actions=3):
        super().__init__()
        self.policy = nn.Sequential(nn.Linear(n_state, hidden), nn.Tanh(), nn.Linear(hidden, n_actions))
        self.value = nn.Sequential(nn.Linear(n_state, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, s):
        return self.policy(s), self.value(s).squeeze(-1)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    actions, rewards = y[..., 0].long(), y[..., 1]
    returns = torch.zeros_like(rewards)
    G = torch.zeros_like(rewards[:, 0])
    for t in reversed(range(rewards.shape[1])):
        G = rewards[:, t] + GAMMA * G
        returns[:, t] = G
    logits, values = model(X)
    log_pi = Categorical(logits=logits).log_prob(actions)
    loss = -((returns - values.detach()) * log_pi).mean() + F.mse_loss(values, returns)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
