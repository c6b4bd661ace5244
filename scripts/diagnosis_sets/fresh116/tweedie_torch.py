"""TweedieMLP in PyTorch: the batch standardised with its own mean and population std, nn.SELU
and nn.ELU hidden layers, a log-mean output fitted to y / Y_SCALE with the Tweedie (P = 1.5)
deviance written out, clip_grad_norm_(CLIP), torch.optim.SGD(momentum, weight_decay) and a LambdaLR
linear warmup followed by a polynomial decay."""

import torch
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

N_FEAT, H1, H2 = 6, 20, 10
Y_SCALE, P = 100.0, 1.5
LR, MOMENTUM, WD, CLIP = 0.05, 0.9, 1e-4, 1.0
WARMUP, TOTAL, POWER = 4, 40, 2.0


def lr_factor(s):
    if s < WARMUP:
        return (s + 1) / WARMUP
    return (1.0 - (s - WARMUP) / (TOTAL - WARMUP)) ** POWER


class TweedieMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(N_FEAT, H1)
        self.fc2 = nn.Linear(H1, H2)
        self.out = nn.Linear(H2, 1)
        self.selu = nn.SELU()
        self.elu = nn.ELU(alpha=1.0)

    def forward(self, X):
        Xs = (X - X.mean(dim=0)) / X.std(dim=0, correction=0)
        return self.out(self.elu(self.fc2(self.selu(self.fc1(Xs)))))


def tweedie_loss(eta, t):
    return (-t * torch.exp((1 - P) * eta) / (1 - P) + torch.exp((2 - P) * eta) / (2 - P)).mean()


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)
    scheduler = LambdaLR(optimizer, lr_factor)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = tweedie_loss(model(X), y / Y_SCALE)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
