"""PyTorch port of a2c_numpy.py: shared tanh trunk, policy and value heads, discounted
returns reset at episode ends, policy loss with a detached advantage, value loss, entropy
bonus, torch.optim.Adam.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

GAMMA = 0.95
VALUE_COEF = 0.5
ENTROPY_COEF = 0.01


class ActorCritic(nn.Module):
    def __init__(self, obs_dim=6, hidden=32, n_actions=4):
        super().__init__()
        self.trunk = nn.Linear(obs_dim, hidden)
        self.pi = nn.Linear(hidden, n_actions)
        self.v = nn.Linear(hidden, 1)

    def forward(self, obs):
        h = torch.tanh(self.trunk(obs))
        return self.pi(h), self.v(h).squeeze(-1)


def discounted_returns(rewards, dones, gamma=GAMMA):
    returns = torch.zeros_like(rewards)
    running = torch.zeros((), dtype=rewards.dtype)
    for t in reversed(range(rewards.shape[0])):
        running = rewards[t] + gamma * running
        returns[t] = running
    return returns


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=3e-3, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    actions = y[:, 0].long()
    rewards, dones = y[:, 1], y[:, 2]
    optimizer.zero_grad()
    logits, values = model(X)
    with torch.no_grad():
        returns = discounted_returns(rewards, dones)
    advantages = (returns - values).detach()
    log_probs = F.log_softmax(logits, dim=-1)
    probs = log_probs.exp()
    policy_loss = -(log_probs.gather(1, actions[:, None]).squeeze(1) * advantages).mean()
    value_loss = F.mse_loss(values, returns)
    entropy = -(probs * log_probs).sum(dim=-1).mean()
    loss = policy_loss + VALUE_COEF * value_loss - ENTROPY_COEF * entropy
    loss.backward()
    optimizer.step()
    return loss.item()
