"""EulerODE in PyTorch: nn.Linear lift, one nn.Linear vector field shared by the N_STEPS explicit
Euler steps h = h + DT * tanh(field(h)), nn.Linear readout; F.mse_loss on the squeezed output;
clip_grad_norm_ to MAX_NORM, then torch.optim.AdamW."""

import torch
import torch.nn.functional as F
from torch import nn

D_IN, HIDDEN = 5, 8
T, N_STEPS = 1.0, 6
DT = T / N_STEPS
LR, WD, MAX_NORM = 0.01, 0.05, 2.0


class EulerODE(nn.Module):
    def __init__(self):
        super().__init__()
        self.lift = nn.Linear(D_IN, HIDDEN)
        self.field = nn.Linear(HIDDEN, HIDDEN)
        self.readout = nn.Linear(HIDDEN, 1)

    def forward(self, X):
        h = self.lift(X)
        for _ in range(N_STEPS):
            h = h + DT * torch.tanh(self.field(h))
        return self.readout(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, weight_decay=WD)  # fix: return torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    pred = model(X).squeeze(1)
    loss = F.mse_loss(pred, y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
