"""KendallMTL ported with the three heads as one nn.Linear(12, 6) whose outputs are split
[drift | fault | mode x 4]; otherwise as kendall_torch.py: masked squared error, masked
BCE-with-logits, F.cross_entropy, sum(0.5 * exp(-2 log_sigma) * L + log_sigma), clip_grad_norm_
and torch.optim.RMSprop."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN, K = 8, 12, 4
LR, ALPHA, EPS, MAX_NORM = 0.01, 0.9, 1e-8, 1.0


class KendallHeads(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(D, HIDDEN)
        self.heads = nn.Linear(HIDDEN, 2 + K)
        self.log_sigma = nn.Parameter(torch.zeros(3))

    def forward(self, X):
        out = self.heads(F.relu(self.trunk(X)))
        return out[:, 0], out[:, 1], out[:, 2:]


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS)


def train_step(model, optimizer, X, y):
    t, mt, f, mf, k = y[:, 0], y[:, 1], y[:, 2], y[:, 3], y[:, 4].long()
    optimizer.zero_grad()
    r, zf, zk = model(X)
    l_reg = (mt * (r - t) ** 2).sum() / mt.sum().clamp(min=1)
    bce = F.binary_cross_entropy_with_logits(zf, f, reduction="none")
    l_fault = (mf * bce).sum() / mf.sum().clamp(min=1)
    l_mode = F.cross_entropy(zk, k)
    losses = torch.stack([l_reg, l_fault, l_mode])
    loss = (0.5 * torch.exp(-2 * model.log_sigma) * losses + model.log_sigma).sum()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
