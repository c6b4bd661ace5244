"""GaussianPPO in PyTorch: nn.Linear + tanh + nn.Linear for the mean, a log_std nn.Parameter,
torch.distributions.Normal for the log-density and the entropy, an nn.Linear critic, the
clipped surrogate; torch.optim.RMSprop(alpha=0.99, eps=1e-5) with an ExponentialLR decay."""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.distributions import Normal
from torch.optim.lr_scheduler import ExponentialLR

N_FEAT, HIDDEN = 5, 8
LR, ALPHA, EPS, GAMMA = 0.003, 0.99, 1e-5, 0.9
CLIP, VF_COEF, ENT_COEF = 0.2, 0.5, 0.01


class GaussianPPO(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(N_FEAT, HIDDEN)
        self.mean = nn.Linear(HIDDEN, 1)
        self.log_std = nn.Parameter(torch.full((1,), math.log(0.6)))
        self.critic = nn.Linear(N_FEAT, 1)

    def forward(self, S):
        mu = self.mean(torch.tanh(self.hidden(S))).squeeze(-1)
        return Normal(mu, self.log_std.exp()), self.critic(S).squeeze(-1)


def make_optimizer(model):
    optimizer = torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS)
    return optimizer, ExponentialLR(optimizer, gamma=GAMMA)


def train_step(model, optimizer, X, y, scheduler=None):
    S = X[:, :N_FEAT]
    act = X[:, N_FEAT]
    adv = X[:, N_FEAT + 1]
    old_logp = X[:, N_FEAT + 2]
    optimizer.zero_grad()
    dist, value = model(S)
    ratio = torch.exp(dist.log_prob(act) - old_logp)
    surr = torch.min(ratio * adv, torch.clamp(ratio, 1.0 - CLIP, 1.0 + CLIP) * adv)
    loss = -surr.mean() + VF_COEF * F.mse_loss(value, y) - ENT_COEF * dist.entropy().mean()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
