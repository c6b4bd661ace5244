"""SkipGramNS in PyTorch: two nn.Embedding tables (centre and context words), the positive score
(v * u_o).sum over the embedding axis, the negative scores by torch.bmm, the log-sigmoid terms
concatenated and summed over terms and rows; torch.optim.SGD with a LambdaLR linear decay."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

V, D, K = 30, 10, 5
LR, MIN_FRAC, TOTAL = 0.05, 1e-4, 40


class SkipGramNS(nn.Module):
    def __init__(self):
        super().__init__()
        self.in_embed = nn.Embedding(V, D)
        self.out_embed = nn.Embedding(V, D)

    def forward(self, X):
        c = X[:, 0].long()
        o = X[:, 1].long()
        neg = X[:, 2:2 + K].long()
        v = self.in_embed(c)                                    # (n, D)
        u_o = self.out_embed(o)                                 # (n, D)
        u_n = self.out_embed(neg)                               # (n, K, D)
        s_pos = (v * u_o).sum(dim=1, keepdim=True)              # (n, 1)
        s_neg = torch.bmm(u_n, v.unsqueeze(2)).squeeze(2)       # (n, K)
        return s_pos, s_neg


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    scheduler = LambdaLR(optimizer, lambda step: max(MIN_FRAC, 1.0 - step / TOTAL))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    s_pos, s_neg = model(X)
    loss = -torch.cat([F.logsigmoid(s_pos), F.logsigmoid(-s_neg)], dim=1).sum()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
