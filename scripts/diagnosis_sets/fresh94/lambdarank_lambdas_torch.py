"""LambdaRank in PyTorch the way many LambdaRank codes do it: no loss is differentiated. The
lambdas (dC/ds for every document) are computed by hand under torch.no_grad() and pushed into the
network with s.backward(lambdas); the loss is only reported. Ranks come from a double argsort,
the pair weights |delta NDCG| from the current ranking; the queries are walked with
torch.unique_consecutive (a batch holds whole queries). The scorer is an nn.Sequential. Adam with
betas (0.9, 0.99); the step schedule is written into optimizer.param_groups by hand before each
update, counting the updates in the group itself."""

import torch
import torch.nn.functional as F
from torch import nn

D_IN, HIDDEN = 6, 12
LR, BETA1, BETA2 = 0.01, 0.9, 0.99
STEP_SIZE, GAMMA, SIGMA = 6, 0.5, 1.0


class LambdaRankScorer(nn.Module):
    def __init__(self):
        super().__init__()
        self.scorer = nn.Sequential(nn.Linear(D_IN, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, 1, bias=False))

    def forward(self, feats):
        return self.scorer(feats)[:, 0]


def swap_weights(s, y):
    rank = torch.argsort(torch.argsort(s, descending=True, stable=True))
    disc = torch.log2(rank.to(s.dtype) + 2.0).reciprocal()
    gain = torch.pow(2.0, y) - 1.0
    positions = torch.arange(len(s), dtype=s.dtype)
    idcg = torch.sum(gain.sort(descending=True).values / torch.log2(positions + 2.0))
    return torch.abs(torch.outer(gain, torch.ones_like(gain)) - torch.outer(torch.ones_like(gain), gain)) \
        * torch.abs(disc[:, None] - disc[None, :]) / idcg


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR, betas=(BETA1, BETA2))
    optimizer.param_groups[0]["updates"] = 0
    return optimizer


def train_step(model, optimizer, X, y):
    qid = X[:, 0]
    s = model(X[:, 1:])
    with torch.no_grad():
        lambdas = torch.zeros_like(s)
        total = torch.zeros((), dtype=s.dtype)
        queries = torch.unique_consecutive(qid)
        for q in queries:
            idx = torch.nonzero(qid == q).squeeze(1)
            sq, yq = s[idx], y[idx]
            w = swap_weights(sq, yq)
            better = (yq[:, None] > yq[None, :]).to(s.dtype)
            diff = sq[:, None] - sq[None, :]
            total += (better * w * F.softplus(-SIGMA * diff)).sum()
            lam = -SIGMA * better * w * torch.sigmoid(-SIGMA * diff)
            lambdas.index_add_(0, idx, lam.sum(dim=1) - lam.sum(dim=0))
        lambdas /= len(queries)
        loss = total / len(queries)
    group = optimizer.param_groups[0]
    group["lr"] = LR * GAMMA ** (group["updates"] // STEP_SIZE)
    optimizer.zero_grad()
    s.backward(lambdas)
    optimizer.step()
    group["updates"] += 1
    return loss.item()
