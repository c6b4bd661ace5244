"""BPRMF port written another way: raw nn.Parameter tables (the item bias a plain vector) read by
integer indexing, the BPR term as F.softplus(s_neg - s_pos) weighted with torch.dot, the L2
penalty of the batch rows with torch.linalg.vector_norm, and the exponential decay written into
optimizer.param_groups by hand before each optimizer.step(), counting the updates on the model."""

import torch
import torch.nn.functional as F
from torch import nn

N_USERS, N_ITEMS, K = 16, 24, 5
LR, MOMENTUM, GAMMA, LAM = 0.8, 0.9, 0.92, 0.02


class BPRMFRaw(nn.Module):
    def __init__(self):
        super().__init__()
        self.P = nn.Parameter(0.2 * torch.randn(N_USERS, K))
        self.Q = nn.Parameter(0.2 * torch.randn(N_ITEMS, K))
        self.b = nn.Parameter(torch.zeros(N_ITEMS))
        self.updates = 0

    def score(self, u, items):
        return torch.einsum("nk,nk->n", self.P[u], self.Q[items]) + self.b[items]


def make_optimizer(model):
    return torch.optim.SGD([model.P, model.Q, model.b], lr=LR, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    u, pos, neg = X.unbind(dim=1)
    optimizer.zero_grad()
    margin = model.score(u, pos) - model.score(u, neg)
    bpr = torch.dot(y, F.softplus(-margin)) / y.sum()
    sq = [torch.linalg.vector_norm(t) ** 2 for t in (model.P[u], model.Q[pos], model.Q[neg])]
    loss = bpr + 0.5 * LAM * (sq[0] + sq[1] + sq[2]) / X.shape[0]
    loss.backward()
    for group in optimizer.param_groups:
        group["lr"] = LR * GAMMA ** model.updates
    optimizer.step()
    model.updates += 1
    return loss.item()
