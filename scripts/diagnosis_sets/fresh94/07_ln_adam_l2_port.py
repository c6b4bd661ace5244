"""ListNet in PyTorch: nn.Linear + F.gelu(approximate='tanh') + a bias-free nn.Linear score; the
queries laid out in a padded (queries, longest) table built from the query-id column, the padding
filled with a large negative logit; the cross-entropy between softmax(y) and
log_softmax(s / TEMP) along each query's row, averaged over the queries; AdamW with
ExponentialLR."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import ExponentialLR

D_IN, HIDDEN = 8, 10
LR, WD, GAMMA = 0.02, 0.01, 0.95
TEMP, NEG = 0.5, -1e9


class ListNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D_IN, HIDDEN)
        self.out = nn.Linear(HIDDEN, 1, bias=False)

    def forward(self, feats):
        return self.out(F.gelu(self.hidden(feats), approximate="tanh")).squeeze(-1)


def padded_layout(qid):
    queries, counts = torch.unique(qid, return_counts=True)
    longest = int(counts.max())
    rows = torch.zeros(len(queries), longest, dtype=torch.long)
    mask = torch.zeros(len(queries), longest, dtype=torch.bool)
    for k, q in enumerate(queries):
        members = torch.nonzero(qid == q).squeeze(1)
        rows[k, :len(members)] = members
        mask[k, :len(members)] = True
    return rows, mask


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR, weight_decay=WD)  # fix: optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)
    return optimizer, ExponentialLR(optimizer, gamma=GAMMA)


def train_step(model, optimizer, X, y, scheduler=None):
    s = model(X[:, 1:])
    rows, mask = padded_layout(X[:, 0])
    logits = torch.where(mask, s[rows] / TEMP, torch.tensor(NEG, dtype=s.dtype))
    target = torch.where(mask, y[rows], torch.tensor(NEG, dtype=y.dtype)).softmax(dim=1)
    logp = F.log_softmax(logits, dim=1)
    loss = -(target * logp).sum(dim=1).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
