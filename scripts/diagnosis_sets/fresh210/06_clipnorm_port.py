"""PyTorch port of step_numpy.py.

fc1 (6->16) tanh, fc2 (16->16) tanh, fc3 (16->3); F.cross_entropy(label_smoothing=0.2);
clip_grad_value_(0.02); SGD(lr=0.2, momentum=0.9); StepLR(step_size=5, gamma=0.5).

    fc1.weight = W1, fc1.bias = b1, fc2.weight = W2, ..., fc3.bias = b3 (same layout)
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

CLIP = 0.02


class StepNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(6, 16)
        self.fc2 = nn.Linear(16, 16)
        self.fc3 = nn.Linear(16, 3)

    def forward(self, x):
        x = torch.tanh(self.fc1(x))
        x = torch.tanh(self.fc2(x))
        return self.fc3(x)


def make_optimizer(model):
    opt = torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=5, gamma=0.5)
    return opt, sched


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    out = model(X)
    loss = F.cross_entropy(out, y, label_smoothing=0.2)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), CLIP)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
