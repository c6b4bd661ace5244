"""QATMLP in PyTorch: QuantLinear layers (nn.Linear whose weight is fake-quantised per tensor to
4 bits in forward, W + (W_q - W).detach()), a clipped ReLU fake-quantised to 4 unsigned bits
through the same straight-through trick on the clamped value, F.cross_entropy, SGD with
momentum and weight decay in a parameter group holding only the weights, and a LambdaLR step
schedule GAMMA ** (step // STEP_SIZE)."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, HIDDEN, K = 8, 16, 3
WBITS, ABITS = 4, 4
QW = 2 ** (WBITS - 1) - 1
QA = 2 ** ABITS - 1
LR, MOMENTUM, WD = 0.2, 0.9, 1e-3
STEP_SIZE, GAMMA = 8, 0.5


class QuantLinear(nn.Linear):
    def forward(self, x):
        w = self.weight
        s = w.abs().max() / QW
        wq = torch.clamp(torch.round(w / s), -QW, QW) * s
        return F.linear(x, w + (wq - w).detach(), self.bias)


def quant_act(z):
    a = torch.clamp(z, 0.0, 1.0)
    return a + (torch.round(a * QA) / QA - a).detach()


class QATMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = QuantLinear(D, HIDDEN)
        self.fc2 = QuantLinear(HIDDEN, K)

    def forward(self, X):
        return self.fc2(quant_act(self.fc1(X)))


def make_optimizer(model):
    groups = [
        {"params": [model.fc1.weight, model.fc2.weight], "weight_decay": WD},
        {"params": [model.fc1.bias, model.fc2.bias], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.SGD(groups, lr=LR, momentum=MOMENTUM)
    scheduler = LambdaLR(optimizer, lambda step: GAMMA ** (step // STEP_SIZE))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
