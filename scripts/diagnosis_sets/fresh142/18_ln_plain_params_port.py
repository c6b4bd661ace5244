"""ln_torch.py written another way: the parameters kept in the NumPy layout, F.layer_norm.

W1 (8, 16) and W2 (16, 4) are nn.Parameters used as X @ W1, as in the NumPy program. The
AdamW groups are built by filtering named_parameters (matrices decay, vectors do not; names
starting with W2/b2 are the head), and the body's global gradient norm is clipped by hand.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class LNClassifier(nn.Module):
    def __init__(self, n_in=8, hidden=16, n_out=4):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(n_in, hidden) / n_in ** 0.5)
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.gamma = nn.Parameter(torch.ones(hidden))
        self.beta = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.randn(hidden, n_out) / hidden ** 0.5)
        self.b2 = nn.Parameter(torch.zeros(n_out))

    def forward(self, X):
        z = X @ self.W1 + self.b1
        a = F.layer_norm(z, (z.shape[-1],), self.gamma, self.beta, eps=1e-5)
        return torch.tanh(a) @ self.W2 + self.b2


HEAD = ("W2", "b2")


def make_optimizer(model):
    groups = {}
    for name, p in model.named_parameters():
        part = "head" if name in HEAD else "body"
        decay = p.ndim >= 2
        groups.setdefault((part, decay), []).append(p)
    settings = {"body": dict(lr=2e-2, betas=(0.9, 0.999)), "head": dict(lr=5e-3, betas=(0.8, 0.99))}
    param_groups = [dict(params=ps, weight_decay=0.05 if decay else 0.0, part=part, **settings[part])
                    for (part, decay), ps in groups.items()]
    return torch.optim.AdamW(param_groups, eps=1e-8)


def train_step(model, optimizer, X, y, max_norm=0.15):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    body = [p for g in optimizer.param_groups if g["part"] == "body" for p in g["params"]]
    with torch.no_grad():
        total = torch.sqrt(sum((p.grad ** 2).sum() for p in body))
        coef = torch.clamp(max_norm / (total + 1e-6), max=1.0)
        for p in body:
            p.grad.mul_(coef)
    optimizer.step()
    return loss.item()
