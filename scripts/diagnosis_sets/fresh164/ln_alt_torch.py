"""ln_torch.py written another way: layer norm by hand with its own parameters (biased variance),
F.gelu(approximate="tanh"), the fixed mask applied with torch.where, log_softmax + nll_loss, and
the AdamW groups chosen by name (2-D weights decay, the rest not).

    proj.weight (32, 8) = W1.T, proj.bias = b1, norm_g = ln_g, norm_b = ln_b,
    head.weight (4, 32) = W2.T, head.bias = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class LNClassifierAlt(nn.Module):
    def __init__(self, n_in=8, hidden=32, n_classes=4, keep=0.8, eps=1e-5):
        super().__init__()
        self.n_in, self.keep, self.eps = n_in, keep, eps
        self.proj = nn.Linear(n_in, hidden)
        self.norm_g = nn.Parameter(torch.ones(hidden))
        self.norm_b = nn.Parameter(torch.zeros(hidden))
        self.head = nn.Linear(hidden, n_classes)

    def layer_norm(self, z):
        mu = z.mean(dim=1, keepdim=True)
        var = z.var(dim=1, keepdim=True, unbiased=False)
        return (z - mu) * torch.rsqrt(var + self.eps) * self.norm_g + self.norm_b

    def forward(self, X):
        x, mask = X[:, :self.n_in], X[:, self.n_in:]
        h = F.gelu(self.layer_norm(self.proj(x)), approximate="tanh")
        if self.training:
            h = torch.where(mask > 0, h / self.keep, torch.zeros_like(h))
        return self.head(h)


def make_optimizer(model):
    groups = {"decay": [], "plain": []}
    for name, p in model.named_parameters():
        groups["decay" if p.ndim == 2 else "plain"].append(p)
    return torch.optim.AdamW([{"params": groups["decay"], "weight_decay": 0.05},
                              {"params": groups["plain"], "weight_decay": 0.0}], lr=0.01)


def train_step(model, optimizer, X, y):
    model.train()
    logp = F.log_softmax(model(X), dim=1)
    loss = F.nll_loss(logp, y)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
    return loss.item()
