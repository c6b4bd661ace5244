"""HuberNAdam in PyTorch: nn.Linear(5, 12), nn.GELU(approximate="tanh"), nn.Linear(12, 2);
F.huber_loss(delta=0.5); torch.optim.NAdam with weight decay (L2, coupled) on the weights only,
through two param groups; ExponentialLR stepped after every update."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import ExponentialLR

D, HIDDEN, OUT = 5, 12, 2
LR, B1, B2, EPS, WD, PSI, GAMMA = 0.01, 0.9, 0.999, 1e-8, 1e-3, 4e-3, 0.95
DELTA = 0.5


class HuberNAdam(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, HIDDEN)
        self.act = nn.GELU(approximate="tanh")
        self.fc2 = nn.Linear(HIDDEN, OUT)

    def forward(self, X):
        return self.fc2(self.act(self.fc1(X)))


def make_optimizer(model):
    decay = [p for name, p in model.named_parameters() if name.endswith("weight")]
    no_decay = [p for name, p in model.named_parameters() if name.endswith("bias")]
    optimizer = torch.optim.NAdam([{"params": decay, "weight_decay": WD},
                                   {"params": no_decay, "weight_decay": 0.0}],
                                  lr=LR, betas=(B1, B2), eps=EPS, momentum_decay=PSI, decoupled_weight_decay=True)  # fix: lr=LR, betas=(B1, B2), eps=EPS, momentum_decay=PSI)
    scheduler = ExponentialLR(optimizer, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.huber_loss(model(X), y, delta=DELTA)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
