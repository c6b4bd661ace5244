"""CosineTripletNet port written another way: the tower an nn.Sequential applied once to the three
column blocks stacked along the rows (torch.cat, then chunk(3)); the cosine similarity written
with torch.rsqrt(|a|^2 + EPS) norms; the hinge torch.clamp_min; the global-norm clipping done by
hand (the norm of the stacked per-parameter norms, coefficient MAX_NORM / (norm + 1e-6) capped at
1, multiplied into each .grad); torch.optim.RMSprop(alpha=0.9, eps=1e-8, foreach=False)."""

import torch
from torch import nn

D, HIDDEN, EMB = 6, 12, 5
LR, ALPHA, MAX_NORM = 0.005, 0.9, 0.25
MARGIN, EPS = 0.3, 1e-6


class CosineSeq(nn.Module):
    def __init__(self):
        super().__init__()
        self.tower = nn.Sequential(nn.Linear(D, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, EMB))

    def forward(self, X):
        stacked = torch.cat(X.split(D, dim=1), dim=0)
        return self.tower(stacked).chunk(3, dim=0)


def cos_sim(a, b):
    return (a * b).sum(-1) * torch.rsqrt(a.pow(2).sum(-1) + EPS) * torch.rsqrt(b.pow(2).sum(-1) + EPS)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=1e-8, foreach=False)


def train_step(model, optimizer, X, y):
    for q in model.parameters():
        q.grad = None
    a, p, n = model(X)
    loss = torch.clamp_min(cos_sim(a, n) - cos_sim(a, p) + MARGIN, 0.0).mean()
    loss.backward()
    with torch.no_grad():
        norms = torch.stack([q.grad.norm() for q in model.parameters()])
        coef = torch.clamp(MAX_NORM / (norms.norm() + 1e-6), max=1.0)
        for q in model.parameters():
            q.grad.mul_(coef)
    optimizer.step()
    return loss.item()
