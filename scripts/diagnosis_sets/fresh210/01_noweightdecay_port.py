"""PyTorch port of sgdr_numpy.py.

nn.Linear(10, 32) -> ReLU -> nn.Linear(32, 4); F.cross_entropy(label_smoothing=0.1);
clip_grad_norm_(max_norm=1.0); SGD(lr=0.1, momentum=0.9, nesterov=True, weight_decay=5e-4);
CosineAnnealingWarmRestarts(T_0=4, T_mult=2, eta_min=0.005), stepped after each optimizer step.

    fc1.weight = W1.T, fc1.bias = b1, fc2.weight = W2.T, fc2.bias = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SGDRNet(nn.Module):
    def __init__(self, n_in=10, hidden=32, n_out=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=4, T_mult=2,
                                                                     eta_min=0.005)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y, label_smoothing=0.1)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
