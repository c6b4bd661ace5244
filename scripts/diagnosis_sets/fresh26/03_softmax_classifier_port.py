"""Softmax classifier (6 -> 12 tanh -> 4) ported from NumPy. The training loss is written as the
KL divergence from the target distribution to the predicted one, KL(y || p), which for one-hot
targets has the same gradients as the mean cross-entropy (the targets' entropy is a constant);
the same loss function is reused for soft targets elsewhere.
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, width=12, n_classes=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, width)
        self.fc2 = nn.Linear(width, n_classes)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def kl_loss(logits, target):
    log_probs = F.log_softmax(logits, dim=1)
    return F.kl_div(log_probs, target, reduction="batchmean", log_target=True)   # BUG: return F.kl_div(log_probs, target, reduction="batchmean")


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = kl_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
