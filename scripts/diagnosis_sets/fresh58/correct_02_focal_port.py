"""Port of my NumPy mask network (6 -> 8 tanh -> 4 sigmoid pixels, mean BCE): the loss is my focal
loss module with gamma = 0 and no alpha balance, which is exactly BCE; written in the log domain
with F.logsigmoid and torch.where, the parameters as raw (in, out) tensors."""

import torch
import torch.nn.functional as F
from torch import nn


class FocalLoss(nn.Module):
    def __init__(self, gamma=0.0, alpha=None):
        super().__init__()
        self.gamma, self.alpha = gamma, alpha

    def forward(self, logits, target):
        log_pt = torch.where(target > 0.5, F.logsigmoid(logits), F.logsigmoid(-logits))
        loss = -torch.exp(self.gamma * torch.log1p(-log_pt.exp().clamp(max=1 - 1e-7))) * log_pt if self.gamma else -log_pt
        if self.alpha is not None:
            loss = torch.where(target > 0.5, self.alpha, 1 - self.alpha) * loss
        return loss.mean()


class Net(nn.Module):
    def __init__(self, n_in=6, n_hidden=8, n_out=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)
        self.criterion = FocalLoss(gamma=0.0)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    for p in model.parameters():
        p.grad = None
    loss = model.criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
