"""LambdaRank in PyTorch: nn.Linear + ReLU + a bias-free nn.Linear score; a loop over the queries
of the batch (torch.unique), the |delta NDCG| pair weights computed under torch.no_grad() from the
current ranking, the weighted pairwise softplus loss summed per query and averaged over the
queries; Adam(betas=(0.9, 0.99)) with StepLR(step_size=6, gamma=0.5)."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import StepLR

D_IN, HIDDEN = 6, 12
LR, BETA1, BETA2 = 0.01, 0.9, 0.99
STEP_SIZE, GAMMA, SIGMA = 6, 0.5, 1.0


class LambdaRank(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D_IN, HIDDEN)
        self.out = nn.Linear(HIDDEN, 1, bias=False)

    def forward(self, feats):
        return self.out(torch.relu(self.hidden(feats))).squeeze(-1)


@torch.no_grad()
def delta_ndcg(s, y):
    n = len(s)
    order = torch.argsort(s, descending=True, stable=True)
    rank = torch.empty_like(order)
    rank[order] = torch.arange(n)
    disc = 1.0 / torch.log2(rank.to(s.dtype) + 2.0)
    gain = 2.0 ** y - 1.0
    ideal = torch.sort(gain, descending=True).values
    idcg = (ideal / torch.log2(torch.arange(n, dtype=s.dtype) + 2.0)).sum()
    return ((gain[:, None] - gain[None, :]) * (disc[:, None] - disc[None, :])).abs() / idcg


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR, betas=(BETA1, BETA2))
    return optimizer, StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)


def train_step(model, optimizer, X, y, scheduler=None):
    qid, feats = X[:, 0], X[:, 1:]
    s = model(feats)
    queries = torch.unique(qid)
    loss = 0.0
    for q in queries:
        sel = qid == q
        sq, yq = s[sel], y[sel]
        w = delta_ndcg(sq.detach(), yq)
        pairs = yq[:, None] > yq[None, :]
        diff = sq[:, None] - sq[None, :]
        loss = loss + (w * F.softplus(-SIGMA * diff))[pairs].sum()
    loss = loss / len(queries)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
