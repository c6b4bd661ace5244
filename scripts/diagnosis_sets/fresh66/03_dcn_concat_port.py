"""DCN in PyTorch: an nn.Embedding per categorical column, torch.cat with the standardised numeric
columns, two cross layers as small modules, an nn.Linear + ReLU deep branch, torch.cat of the
cross output and the hidden layer into one nn.Linear logit, BCEWithLogitsLoss(pos_weight), SGD."""

from pathlib import Path

import numpy as np
import torch
from torch import nn

N_SLOT, N_DEVICE, EMB, N_NUM, HIDDEN, N_CROSS = 5, 4, 3, 3, 6, 2
D = 2 * EMB + N_NUM
POS_W, LR = 3.0, 0.5

_TRAIN = torch.from_numpy(np.load(Path(__file__).with_name("ctr.npz"))["X"][:, 2:])
MEAN, STD = _TRAIN.mean(dim=0), _TRAIN.std(dim=0, unbiased=False)


class Cross(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.w = nn.Parameter(torch.randn(d) * 0.3)
        self.b = nn.Parameter(torch.zeros(d))

    def forward(self, x0, x):
        return x0 * (x @ self.w).unsqueeze(1) + self.b + x


class DCN(nn.Module):
    def __init__(self):
        super().__init__()
        self.slot = nn.Embedding(N_SLOT, EMB)
        self.device_emb = nn.Embedding(N_DEVICE, EMB)
        self.cross = nn.ModuleList([Cross(D) for _ in range(N_CROSS)])
        self.deep = nn.Linear(D, HIDDEN)
        self.out = nn.Linear(D + HIDDEN, 1)

    def forward(self, X):
        slot, device = X[:, 0].long(), X[:, 1].long()
        num = ((X[:, 2:] - MEAN) / STD).to(self.out.weight.dtype)
        x0 = torch.cat([self.slot(slot), self.device_emb(device), num], dim=1)
        x = x0
        for layer in self.cross:
            x = layer(x0, x)
        h = torch.relu(self.deep(x0))
        return self.out(torch.cat([h, x], dim=1))  # fix: return self.out(torch.cat([x, h], dim=1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([POS_W], dtype=X.dtype))
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
