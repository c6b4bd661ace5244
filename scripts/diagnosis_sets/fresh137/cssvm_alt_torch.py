"""Another port of cssvm_numpy.py (correct): the Crammer-Singer hinge through topk(2), the
L2 penalty as a function of the model, torch.optim.SGD over two parameter groups, and the
step decay lr0 / (1 + decay * t) as a LambdaLR schedule stepped after each update.

Parameters: fc.weight (3, 8) = W.T, fc.bias = b.
"""

import torch
import torch.nn as nn


class CrammerSingerSVM(nn.Module):
    def __init__(self, n_in=8, n_classes=3, margin=1.0):
        super().__init__()
        self.fc = nn.Linear(n_in, n_classes)
        self.margin = margin

    def forward(self, X):
        return self.fc(X)


LR0, DECAY, LAM = 0.2, 0.1, 0.01


def make_optimizer(model):
    optimizer = torch.optim.SGD([
        {"params": [model.fc.weight]},
        {"params": [model.fc.bias]},
    ], lr=LR0)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: 1.0 / (1.0 + DECAY * t))
    return optimizer, scheduler


def cs_hinge(scores, y, margin):
    top2 = scores.topk(2, dim=1)
    first_is_true = top2.indices[:, 0] == y
    worst_other = torch.where(first_is_true, top2.values[:, 1], top2.values[:, 0])
    correct = scores[torch.arange(len(y)), y]
    return (margin + worst_other - correct).clamp(min=0).mean()


def l2_penalty(model):
    return 0.5 * LAM * model.fc.weight.square().sum()


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = cs_hinge(model(X), y, model.margin) + l2_penalty(model)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
