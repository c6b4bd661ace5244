"""The AutoInt port of autoint_torch.py written in another style: the projections as raw
(in, out) nn.Parameters applied with torch.einsum, the attention by
F.scaled_dot_product_attention (its default 1/sqrt(dim) scale), the fields stacked with
torch.stack, the head as a raw weight vector and bias, and the weighted cross-entropy written out
with F.logsigmoid."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

N_SLOT, N_DEVICE, N_NUM, DIM = 5, 4, 3, 4
FIELDS = 2 + N_NUM
POS_W, LR = 3.0, 0.3

_TRAIN = np.load(Path(__file__).with_name("ctr.npz"))["X"][:, 2:]
MEAN, STD = torch.from_numpy(_TRAIN.mean(axis=0)), torch.from_numpy(_TRAIN.std(axis=0))


class AutoIntSDPA(nn.Module):
    def __init__(self):
        super().__init__()
        self.tables = nn.ParameterDict({"slot": nn.Parameter(torch.randn(N_SLOT, DIM)),
                                        "device": nn.Parameter(torch.randn(N_DEVICE, DIM))})
        self.num_vec = nn.Parameter(torch.randn(N_NUM, DIM))
        self.proj = nn.ParameterDict({k: nn.Parameter(torch.randn(DIM, DIM) / 2) for k in ("q", "k", "v", "res")})
        self.head_w = nn.Parameter(torch.zeros(FIELDS * DIM, 1))
        self.head_b = nn.Parameter(torch.zeros(1))

    def forward(self, X):
        slot, device = X[:, 0].long(), X[:, 1].long()
        num = ((X[:, 2:] - MEAN) / STD).to(self.head_w.dtype)
        fields = [self.tables["slot"][slot], self.tables["device"][device]]
        fields += [num[:, j, None] * self.num_vec[j] for j in range(N_NUM)]
        E = torch.stack(fields, dim=1)
        q, k, v, r = (torch.einsum("nfd,de->nfe", E, self.proj[name]) for name in ("q", "k", "v", "res"))
        att = F.scaled_dot_product_attention(q, k, v)
        return torch.relu(att + r).reshape(len(X), -1) @ self.head_w + self.head_b


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    loss = -(POS_W * y * F.logsigmoid(z) + (1 - y) * F.logsigmoid(-z)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
