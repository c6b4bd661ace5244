"""ActorCritic in PyTorch: shared trunk, policy and value heads, Monte Carlo returns, advantage
returns - V(s), loss = policy + VF_COEF * 0.5 * MSE, torch.optim.Adam."""

import torch
import torch.nn.functional as F
from torch import nn

GAMMA = 0.95
VF_COEF = 0.5
LR = 0.01


class ActorCritic(nn.Module):
    def __init__(self, n_state=4, hidden=16, n_actions=3):
        super().__init__()
        self.trunk = nn.Linear(n_state, hidden)
        self.pi = nn.Linear(hidden, n_actions)
        self.v = nn.Linear(hidden, 1)

    def forward(self, s):
        h = torch.tanh(self.trunk(s))
        return self.pi(h), self.v(h).squeeze(-1)


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
    log_pi = F.log_softmax(logits, dim=-1).gather(-1, actions.unsqueeze(-1)).squeeze(-1)
    advantages = returns - values  # fix: advantages = returns - values.detach()
    policy_loss = -(advantages * log_pi).mean()
    value_loss = 0.5 * F.mse_loss(values, returns)
    loss = policy_loss + VF_COEF * value_loss
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
