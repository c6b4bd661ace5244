"""FeatureKD in PyTorch written with raw nn.Parameters kept in NumPy's (in, out) layout and x @ W,
the teacher's float32 weights in buffers, nn.KLDivLoss(reduction='batchmean', log_target=True) on
two log_softmax, F.nll_loss of log_softmax for the hard labels, the feature loss written out as
((f - h_t) ** 2).mean(), teacher features detached, and Adam(foreach=False) with
zero_grad(set_to_none=True)."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

D_IN, HIDDEN, K, T_HIDDEN = 6, 4, 3, 8
T, BETA, GAMMA = 2.0, 0.5, 1.0
LR = 0.02

_T = np.load(Path(__file__).with_name("teacher.npz"))
kl_loss = nn.KLDivLoss(reduction="batchmean", log_target=True)


class FeatureKDF(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(D_IN, HIDDEN) / D_IN ** 0.5)
        self.b1 = nn.Parameter(torch.zeros(HIDDEN))
        self.W2 = nn.Parameter(torch.randn(HIDDEN, K) / HIDDEN ** 0.5)
        self.b2 = nn.Parameter(torch.zeros(K))
        self.Wr = nn.Parameter(torch.randn(HIDDEN, T_HIDDEN) / HIDDEN ** 0.5)
        self.br = nn.Parameter(torch.zeros(T_HIDDEN))
        self.register_buffer("tW1", torch.tensor(_T["W1"], dtype=torch.float32))
        self.register_buffer("tb1", torch.tensor(_T["b1"], dtype=torch.float32))
        self.register_buffer("tW2", torch.tensor(_T["W2"], dtype=torch.float32))
        self.register_buffer("tb2", torch.tensor(_T["b2"], dtype=torch.float32))

    def forward(self, x):
        h = torch.tanh(torch.addmm(self.b1, x, self.W1))
        return h @ self.W2 + self.b2, h @ self.Wr + self.br

    def teacher(self, x):
        x = x.to(self.tW1.dtype)
        hid = F.relu(x @ self.tW1 + self.tb1)
        return hid.detach().to(self.W1.dtype), (hid @ self.tW2 + self.tb2).detach().to(self.W1.dtype)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, betas=(0.9, 0.99), foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logits, feats = model(X)
    t_hidden, t_logits = model.teacher(X)
    hard = F.nll_loss(F.log_softmax(logits, dim=-1), y.long())
    soft = kl_loss(F.log_softmax(logits / T, dim=-1), F.log_softmax(t_logits / T, dim=-1))
    feat = ((feats - t_hidden) ** 2).mean()
    loss = hard + BETA * T ** 2 * soft + GAMMA * feat
    loss.backward()
    optimizer.step()
    return float(loss)
