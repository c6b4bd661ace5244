"""ReLU softmax classifier (4 -> 10 -> 3) in PyTorch, written Lightning-style: the module builds
its own optimizer in configure_optimizers() and keeps the learning-rate schedule next to it, so
train_step() only has to step both. Mean cross-entropy on the logits, SGD with momentum.
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, width=10, n_classes=3):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(n_in, width), nn.Linear(width, n_classes)])
        self.lr_scheduler = None

    def forward(self, x):
        x = F.relu(self.layers[0](x))
        return self.layers[1](x)

    def configure_optimizers(self, lr, momentum=0.9):
        optimizer = torch.optim.SGD(self.parameters(), lr=lr, momentum=momentum)
        # constant rate for now; a decay can be dropped in here later without touching train_step
        self.lr_scheduler = torch.optim.lr_scheduler.ConstantLR(optimizer)   # BUG: self.lr_scheduler = torch.optim.lr_scheduler.ConstantLR(optimizer, factor=1.0)
        return optimizer


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    model.lr_scheduler.step()
    return loss.item()
