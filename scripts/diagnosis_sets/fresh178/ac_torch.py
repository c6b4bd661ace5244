"""PyTorch port of ac_numpy.py: REINFORCE with a value-head baseline, entropy bonus and
normalised advantages, trained with torch.optim.Adam.

    body.weight = W1.T, body.bias = b1, pi.weight = Wp.T, pi.bias = bp,
    v.weight = Wv.T, v.bias = bv
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ActorCritic(nn.Module):
    def __init__(self, n_in=6, n_hidden=32, n_actions=4):
        super().__init__()
        self.body = nn.Linear(n_in, n_hidden)
        self.pi = nn.Linear(n_hidden, n_actions)
        self.v = nn.Linear(n_hidden, 1)

    def forward(self, x):
        h = torch.tanh(self.body(x))
        return self.pi(h), self.v(h).squeeze(-1)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=1e-2, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y, value_coef=0.5, entropy_coef=0.01):
    actions = y[:, 0].long()
    returns = y[:, 1]

    optimizer.zero_grad()
    logits, value = model(X)
    logp = F.log_softmax(logits, dim=-1)
    logp_a = logp.gather(1, actions.unsqueeze(1)).squeeze(1)

    adv = (returns - value).detach()
    adv = (adv - adv.mean()) / (adv.std(unbiased=False) + 1e-8)

    entropy = -(logp.exp() * logp).sum(dim=-1)
    policy_loss = -(adv * logp_a).mean()
    value_loss = F.mse_loss(value, returns)
    loss = policy_loss + value_coef * value_loss - entropy_coef * entropy.mean()
    loss.backward()
    optimizer.step()
    return loss.item()
