"""The Wide & Deep port of widedeep_torch.py written in another style: raw nn.Parameters looked up
with F.embedding and plain indexing (the wide weights summed over the three active ids by
gather-and-sum), the deep part an nn.Sequential, the loss the functional
F.binary_cross_entropy_with_logits with pos_weight, Adam built with foreach=False, and the step
clearing gradients with set_to_none."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

N_SLOT, N_DEVICE, EMB, N_NUM, HIDDEN = 5, 4, 3, 3, 8
N_WIDE = N_SLOT + N_DEVICE + N_SLOT * N_DEVICE
POS_W, LR = 3.0, 0.05

_TRAIN = np.load(Path(__file__).with_name("ctr.npz"))["X"][:, 2:]
MEAN = torch.tensor(_TRAIN.mean(axis=0))
STD = torch.tensor(_TRAIN.std(axis=0))


class WideDeepF(nn.Module):
    def __init__(self):
        super().__init__()
        self.wide_w = nn.Parameter(torch.zeros(N_WIDE, 1))
        self.emb_slot = nn.Parameter(torch.randn(N_SLOT, EMB))
        self.emb_device = nn.Parameter(torch.randn(N_DEVICE, EMB))
        self.mlp = nn.Sequential(nn.Linear(2 * EMB + N_NUM, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, 1))

    def forward(self, X):
        slot, device = X[:, 0].to(torch.int64), X[:, 1].to(torch.int64)
        offsets = torch.tensor([0, N_SLOT, N_SLOT + N_DEVICE])
        ids = torch.stack([slot, device, slot * N_DEVICE + device], dim=1) + offsets
        wide = self.wide_w[ids].sum(dim=1)
        num = (X[:, 2:].double() - MEAN).div(STD).to(self.wide_w.dtype)
        deep_in = torch.cat([F.embedding(slot, self.emb_slot), F.embedding(device, self.emb_device), num], dim=-1)
        return wide + self.mlp(deep_in)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logits = model(X)
    loss = F.binary_cross_entropy_with_logits(logits, y, pos_weight=logits.new_full((1,), POS_W))
    loss.backward()
    optimizer.step()
    return loss.item()
