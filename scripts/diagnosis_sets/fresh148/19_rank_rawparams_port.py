"""rank_torch.py written another way: raw parameters in the NumPy layout (in, out) in an
nn.ParameterDict, the three losses written out by hand, torch.optim.AdamW.

Parameters (model.named_parameters()): params.W1 (5, 8), params.b1 (8,), params.W2 (8, 4),
params.b2 (4,), params.w3 (4, 1), params.b3 (1,), each the NumPy array as it is.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class PairRanker(nn.Module):
    def __init__(self, n_in=5, hidden=8, emb=4):
        super().__init__()
        g = torch.Generator().manual_seed(0)
        self.params = nn.ParameterDict({
            "W1": nn.Parameter(torch.randn(n_in, hidden, generator=g) / n_in ** 0.5),
            "b1": nn.Parameter(torch.zeros(hidden)),
            "W2": nn.Parameter(torch.randn(hidden, emb, generator=g) / hidden ** 0.5),
            "b2": nn.Parameter(torch.zeros(emb)),
            "w3": nn.Parameter(torch.randn(emb, 1, generator=g) / emb ** 0.5),
            "b3": nn.Parameter(torch.zeros(1)),
        })

    def encode(self, x):
        p = self.params
        e = torch.tanh(x @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
        return e, e @ p["w3"] + p["b3"]

    def forward(self, X):
        e1, s1 = self.encode(X[:, 0])
        e2, s2 = self.encode(X[:, 1])
        return e1, e2, s1, s2


def pair_loss(e1, e2, s1, s2, y, cos_margin=0.2, rank_margin=0.5, pos_weight=3.0):
    sim, rank, click = y[:, 0], y[:, 1:2], y[:, 2:3]
    cos = (e1 * e2).sum(1) / (e1.norm(dim=1) * e2.norm(dim=1))
    cos_loss = torch.where(sim > 0, 1 - cos, (cos - cos_margin).clamp(min=0)).mean()
    rank_loss = (rank_margin - rank * (s1 - s2)).clamp(min=0).mean()
    bce = -(pos_weight * click * F.logsigmoid(s1) + (1 - click) * F.logsigmoid(-s1)).mean()
    return cos_loss + rank_loss + 0.5 * bce


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                             weight_decay=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = pair_loss(*model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
