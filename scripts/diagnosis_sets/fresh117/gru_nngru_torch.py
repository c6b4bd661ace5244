"""GRU classifier port with torch.nn.GRU(batch_first=True) itself (weight_ih_l0, weight_hh_l0,
bias_ih_l0, bias_hh_l0) and a linear head on the final hidden state h_n[-1]; F.cross_entropy,
clip_grad_norm_ and Adam with weight_decay."""

import torch
import torch.nn.functional as F
from torch import nn

T, D, H, C = 6, 4, 8, 3
LR, WD, MAX_NORM = 0.01, 1e-3, 0.3


class GRUNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(D, H, batch_first=True)
        self.head = nn.Linear(H, C)

    def forward(self, X):
        _, h_n = self.gru(X.reshape(-1, T, D))
        return self.head(h_n[-1])


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, weight_decay=WD)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
