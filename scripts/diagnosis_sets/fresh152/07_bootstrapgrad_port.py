"""PyTorch port of a2c_numpy.py: a one-step advantage actor-critic with a shared tanh trunk,
an entropy bonus (0.05), value loss 0.5 * MSE against the detached bootstrapped target,
clip_grad_norm_(0.5) and torch.optim.RMSprop(lr=5e-3, alpha=0.99, eps=1e-5).

Parameters: trunk.weight = layers['trunk']['W'].T, trunk.bias, pi.weight, pi.bias,
v.weight, v.bias likewise.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class A2C(nn.Module):
    def __init__(self, n_state=4, n_hidden=10, n_actions=4, gamma=0.9, value_coef=0.5,
                 entropy_coef=0.05, max_norm=0.5):
        super().__init__()
        self.trunk = nn.Linear(n_state, n_hidden)
        self.pi = nn.Linear(n_hidden, n_actions)
        self.v = nn.Linear(n_hidden, 1)
        self.n_state = n_state
        self.gamma, self.value_coef, self.entropy_coef = gamma, value_coef, entropy_coef
        self.max_norm = max_norm

    def forward(self, s):
        h = torch.tanh(self.trunk(s))
        return self.pi(h), self.v(h).squeeze(-1)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=5e-3, alpha=0.99, eps=1e-5)


def train_step(model, optimizer, X, y):
    d = model.n_state
    s, r, done, s2 = X[:, :d], X[:, d], X[:, d + 1], X[:, d + 2:]
    actions = y.long()
    _, V2 = model(s2)
    target = r + model.gamma * (1 - done) * V2
    logits, V = model(s)
    dist = torch.distributions.Categorical(logits=logits)
    adv = target - V
    policy_loss = -(dist.log_prob(actions) * adv.detach()).mean()
    value_loss = F.mse_loss(V, target)
    entropy = dist.entropy().mean()
    loss = policy_loss + model.value_coef * value_loss - model.entropy_coef * entropy
    optimizer.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), model.max_norm)
    optimizer.step()
    return loss.item()
