"""RealNVP in PyTorch: two Coupling modules (nn.Linear fc1, s_head, t_head) with torch.flip over the
features between them; the standard-normal negative log-likelihood minus the summed log-determinants,
averaged over the batch; clip_grad_norm_ then torch.optim.Adam(weight_decay=WD)."""

import math

import torch
from torch import nn

D, HALF, HIDDEN, N_COUPLING = 4, 2, 12, 2
LR, WD, MAX_NORM = 0.01, 5e-3, 1.0


class Coupling(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(HALF, HIDDEN)
        self.s_head = nn.Linear(HIDDEN, HALF)
        self.t_head = nn.Linear(HIDDEN, HALF)

    def forward(self, x):
        x1, x2 = x[:, :HALF], x[:, HALF:]
        h = torch.tanh(self.fc1(x1))
        s = torch.tanh(self.s_head(h))
        t = self.t_head(h)
        y2 = x2 * torch.exp(s) + t
        return torch.cat([x1, y2], dim=1), s.sum(dim=1)


class RealNVP(nn.Module):
    def __init__(self):
        super().__init__()
        self.couplings = nn.ModuleList([Coupling() for _ in range(N_COUPLING)])

    def forward(self, x):
        logdet = torch.zeros(x.shape[0], dtype=x.dtype, device=x.device)
        for k, layer in enumerate(self.couplings):
            x, ld = layer(x)
            logdet = logdet + ld
            if k < N_COUPLING - 1:
                x = torch.flip(x, dims=[1])
        return x, logdet


def nll_loss(z, logdet):
    nll = 0.5 * (z ** 2).sum(dim=1) + 0.5 * D * math.log(2 * math.pi) - logdet
    return nll.mean()


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)  # fix: return torch.optim.Adam(model.parameters(), lr=LR, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z, logdet = model(X)
    loss = nll_loss(z, logdet)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
