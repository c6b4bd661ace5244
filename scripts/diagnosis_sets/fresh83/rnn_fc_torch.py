"""RNNForecaster in PyTorch: a hand-unrolled Elman cell (nn.Linear(1, HIDDEN) for the input with
the bias, nn.Linear(HIDDEN, HIDDEN, bias=False) for the recurrence) and an nn.Linear head; the
horizon-weighted MSE; clip_grad_norm_; torch.optim.RMSprop(alpha=ALPHA) with StepLR."""

import torch
from torch import nn
from torch.optim.lr_scheduler import StepLR

T, HIDDEN, H = 12, 8, 3
LR, ALPHA, EPS, STEP_SIZE, GAMMA = 0.01, 0.9, 1e-8, 6, 0.5
MAX_NORM = 0.7
HW = (1.0, 0.6, 0.3)


class RNNForecaster(nn.Module):
    def __init__(self):
        super().__init__()
        self.i2h = nn.Linear(1, HIDDEN)
        self.h2h = nn.Linear(HIDDEN, HIDDEN, bias=False)
        self.head = nn.Linear(HIDDEN, H)

    def forward(self, X):
        h = X.new_zeros(X.shape[0], HIDDEN)
        for t in range(X.shape[1]):
            h = torch.tanh(self.i2h(X[:, t:t + 1]) + self.h2h(h))
        return self.head(h)


def weighted_mse(yhat, y):
    w = torch.tensor(HW, dtype=yhat.dtype, device=yhat.device)
    return ((yhat - y) ** 2 * w).sum(dim=1).mean() / w.sum()


def make_optimizer(model):
    optimizer = torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS)
    scheduler = StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = weighted_mse(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=MAX_NORM)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
