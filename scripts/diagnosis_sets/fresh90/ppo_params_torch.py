"""The PPODiscrete port of ppo_torch.py written in another style: raw nn.Parameters kept
(in, out) and used as S @ W1 + b1, torch.distributions.Categorical for the log-probabilities and
the entropy, the advantages normalised through torch.var_mean(correction=0), the clipped
objective written as the max of the negated surrogates, the critic's squared error by hand,
Adam built with foreach=False, and the linear annealing written into param_groups by hand
before each optimizer.step() instead of a scheduler."""

import torch
from torch import nn
from torch.distributions import Categorical

N_FEAT, HIDDEN, N_ACT = 6, 12, 4
LR, ANNEAL = 0.01, 25
CLIP, VF_COEF, ENT_COEF = 0.2, 0.5, 0.01


class PPODiscreteP(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(0.5 * torch.randn(N_FEAT, HIDDEN))
        self.b1 = nn.Parameter(torch.zeros(HIDDEN))
        self.W2 = nn.Parameter(0.1 * torch.randn(HIDDEN, N_ACT))
        self.b2 = nn.Parameter(torch.zeros(N_ACT))
        self.Wv = nn.Parameter(0.1 * torch.randn(N_FEAT, 1))
        self.bv = nn.Parameter(torch.zeros(1))
        self.updates = 0

    def policy(self, S):
        return Categorical(logits=torch.relu(S @ self.W1 + self.b1) @ self.W2 + self.b2)

    def value(self, S):
        return (S @ self.Wv + self.bv)[:, 0]


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, foreach=False)


def train_step(model, optimizer, X, y):
    S, actions = X[:, :N_FEAT], X[:, N_FEAT].to(torch.int64)
    adv, old_logp = X[:, N_FEAT + 1], X[:, N_FEAT + 2]
    var, mean = torch.var_mean(adv, correction=0)
    adv = (adv - mean) / (var.sqrt() + 1e-8)

    optimizer.zero_grad(set_to_none=True)
    dist = model.policy(S)
    ratio = (dist.log_prob(actions) - old_logp).exp()
    objective = torch.max(-ratio * adv, -ratio.clamp(1.0 - CLIP, 1.0 + CLIP) * adv).mean()
    critic = (model.value(S) - y).pow(2).mean()
    loss = objective + VF_COEF * critic - ENT_COEF * dist.entropy().mean()
    loss.backward()
    for group in optimizer.param_groups:
        group["lr"] = LR * (1.0 - model.updates / ANNEAL)
    optimizer.step()
    model.updates += 1
    return loss.item()
