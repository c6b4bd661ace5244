"""Another port of gae_numpy.py (a correct variant): an nn.Sequential trunk, the critic as a
bare weight vector and bias (nn.Parameter), torch.distributions.Categorical for the
log-probabilities and the entropy, GAE collected per step into a list, the normalisation
through torch.var_mean, the value loss as 0.5 * F.mse_loss.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical

CFG = dict(gamma=0.97, lam=0.9, vf_coef=0.5, ent_coef=0.01, max_grad_norm=0.2)


class SharedActorCritic(nn.Module):
    def __init__(self, obs_dim=8, hidden=32, n_actions=5):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(obs_dim, hidden), nn.ReLU(),
            nn.Linear(hidden, hidden), nn.ReLU(),
        )
        self.policy = nn.Linear(hidden, n_actions)
        self.value_w = nn.Parameter(torch.randn(hidden) * 0.1)
        self.value_b = nn.Parameter(torch.zeros(1))

    def forward(self, obs):
        features = self.body(obs)
        return Categorical(logits=self.policy(features)), features @ self.value_w + self.value_b


def gae(rewards, dones, values, gamma, lam):
    advs = []
    running = values.new_zeros(())
    next_value = values.new_zeros(())
    for t in range(len(rewards) - 1, -1, -1):
        mask = 1.0 - dones[t]
        delta = rewards[t] + gamma * mask * next_value - values[t]
        running = delta + gamma * lam * mask * running
        advs.append(running)
        next_value = values[t]
    advs = torch.stack(advs[::-1])
    return advs, advs + values


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.99, eps=1e-5)


def train_step(model, optimizer, X, y):
    dist, values = model(X)
    with torch.no_grad():
        adv, ret = gae(y[:, 1], y[:, 2], values, CFG["gamma"], CFG["lam"])
        var, mean = torch.var_mean(adv, unbiased=False)
        adv = (adv - mean) / (var.sqrt() + 1e-8)
    policy_loss = -(dist.log_prob(y[:, 0].long()) * adv).mean()
    value_loss = 0.5 * F.mse_loss(values, ret)
    loss = policy_loss + CFG["vf_coef"] * value_loss - CFG["ent_coef"] * dist.entropy().mean()
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), CFG["max_grad_norm"])
    optimizer.step()
    return loss.item()
