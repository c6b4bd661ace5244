"""Top2MoE ported another way: experts as an nn.ModuleList of nn.Sequential(Linear, ReLU, Linear),
dispatch by index.

The router's top two are taken on the logits (the same two as on the probabilities) and their
weights are the softmax of those two logits, which equals the two probabilities renormalised;
each expert runs only on the rows routed to it and its weighted output is accumulated with
index_add_; the cross-entropy is F.log_softmax with F.nll_loss; the load-balancing loss counts
first choices with torch.bincount. torch.optim.SGD(momentum, weight_decay) with the step schedule
written as a LambdaLR."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, K, E, H, TOP = 5, 3, 4, 6, 2
LR, MOMENTUM, WD, BETA_AUX = 0.1, 0.9, 5e-3, 0.1
STEP_SIZE, GAMMA = 8, 0.5


class Top2MoEList(nn.Module):
    def __init__(self):
        super().__init__()
        self.router = nn.Linear(D, E)
        self.experts = nn.ModuleList(
            nn.Sequential(nn.Linear(D, H), nn.ReLU(), nn.Linear(H, K)) for _ in range(E))

    def forward(self, X):
        logits = self.router(X)
        top_logits, top_i = logits.topk(TOP, dim=-1)
        weights = top_logits.softmax(dim=-1)
        mixed = X.new_zeros(len(X), K)
        for slot in range(TOP):
            for e, expert in enumerate(self.experts):
                rows = torch.nonzero(top_i[:, slot] == e).flatten()
                if len(rows):
                    mixed.index_add_(0, rows, weights[rows, slot, None] * expert(X[rows]))
        return mixed, logits.softmax(dim=-1), top_i[:, 0]


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)
    return optimizer, LambdaLR(optimizer, lambda s: GAMMA ** (s // STEP_SIZE))


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    mixed, probs, first = model(X)
    nll = F.nll_loss(F.log_softmax(mixed, dim=-1), y)
    frac = torch.bincount(first, minlength=E).to(probs.dtype) / len(first)
    loss = nll + BETA_AUX * E * torch.dot(frac, probs.mean(dim=0))
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
