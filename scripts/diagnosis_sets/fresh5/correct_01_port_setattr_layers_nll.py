"""Correct port in an unusual style: the layers are registered in a loop with
setattr(self, f"layer{i}", ...) and applied with getattr, two ReLU hidden layers, logits out
of forward, the loss as F.nll_loss(F.log_softmax(z, dim=1), y.argmax(dim=1)) on one-hot
targets, trained on mini-batches with the kit's Nesterov optimizer."""

import torch
import torch.nn.functional as F
from torch import nn


class LoopNet(nn.Module):
    def __init__(self, sizes=(5, 9, 7, 3)):
        super().__init__()
        self.depth = len(sizes) - 1
        for i in range(self.depth):
            setattr(self, f"layer{i}", nn.Linear(sizes[i], sizes[i + 1]))

    def forward(self, x):
        for i in range(self.depth):
            x = getattr(self, f"layer{i}")(x)
            if i < self.depth - 1:
                x = F.relu(x)
        return x


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    log_probs = F.log_softmax(model(X), dim=1)
    loss = F.nll_loss(log_probs, y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return float(loss)
