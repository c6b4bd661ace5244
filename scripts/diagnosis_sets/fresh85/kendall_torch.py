"""KendallMTL in PyTorch: nn.Linear ReLU trunk, three nn.Linear heads, the log standard deviations an
nn.Parameter of three; masked squared error, masked BCE-with-logits and F.cross_entropy, weighted as
sum(0.5 * exp(-2 log_sigma) * L + log_sigma); clip_grad_norm_ then torch.optim.RMSprop."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN, K = 8, 12, 4
LR, ALPHA, EPS, MAX_NORM = 0.01, 0.9, 1e-8, 1.0


class KendallMTL(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(D, HIDDEN)
        self.drift = nn.Linear(HIDDEN, 1)
        self.fault = nn.Linear(HIDDEN, 1)
        self.mode = nn.Linear(HIDDEN, K)
        self.log_sigma = nn.Parameter(torch.zeros(3))

    def forward(self, X):
        h = F.relu(self.trunk(X))
        return self.drift(h).squeeze(1), self.fault(h).squeeze(1), self.mode(h)


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
