"""Wide & Deep in PyTorch: the wide part an nn.EmbeddingBag(29, 1, mode='sum') over the three
active one-hot ids (slot, device, their cross), the deep part nn.Embedding per column, torch.cat
with the standardised numeric columns, Linear-tanh-Linear; logits summed, BCEWithLogitsLoss with
pos_weight, torch.optim.Adam."""

from pathlib import Path

import numpy as np
import torch
from torch import nn

N_SLOT, N_DEVICE, EMB, N_NUM, HIDDEN = 5, 4, 3, 3, 8
N_WIDE = N_SLOT + N_DEVICE + N_SLOT * N_DEVICE
D = 2 * EMB + N_NUM
POS_W, LR = 3.0, 0.05

_TRAIN = torch.from_numpy(np.load(Path(__file__).with_name("ctr.npz"))["X"][:, 2:])
MEAN, STD = _TRAIN.mean(dim=0), _TRAIN.std(dim=0, unbiased=False)


class WideDeep(nn.Module):
    def __init__(self):
        super().__init__()
        self.wide = nn.EmbeddingBag(N_WIDE, 1, mode="sum")
        self.slot = nn.Embedding(N_SLOT, EMB)
        self.device_emb = nn.Embedding(N_DEVICE, EMB)
        self.hidden = nn.Linear(D, HIDDEN)
        self.head = nn.Linear(HIDDEN, 1)

    def forward(self, X):
        slot, device = X[:, 0].long(), X[:, 1].long()
        ids = torch.stack([slot, N_SLOT + device, N_SLOT + N_DEVICE + slot * N_DEVICE + device], dim=1)
        num = ((X[:, 2:] - MEAN) / STD).to(self.head.weight.dtype)
        x = torch.cat([self.slot(slot), self.device_emb(device), num], dim=1)
        deep = self.head(torch.tanh(self.hidden(x)))
        return self.wide(ids) + deep


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=LR)  # fix: return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([POS_W], dtype=X.dtype))
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
