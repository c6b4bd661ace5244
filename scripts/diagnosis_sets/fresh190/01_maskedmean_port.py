"""PyTorch port of fixmatch_numpy.py: FixMatch-style pseudo-labelling with a ramped weight.

    fc1.weight (hidden, in) = W1.T, fc1.bias = b1, fc2.weight (classes, hidden) = W2.T, fc2.bias = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

TAU = 0.8
LAMBDA_U = 1.0
RAMP_STEPS = 10


class FixMatchMLP(nn.Module):
    def __init__(self, n_in=8, hidden=32, n_classes=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)
        self.step_count = 0

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True,
                           weight_decay=5e-4)


def train_step(model, optimizer, X, y):
    d = X.shape[1] // 2
    labelled = y >= 0
    x_l, y_l = X[labelled, :d], y[labelled]
    x_w, x_s = X[~labelled, :d], X[~labelled, d:]

    lam = LAMBDA_U * min(1.0, (model.step_count + 1) / RAMP_STEPS)
    with torch.no_grad():
        probs_w = F.softmax(model(x_w), dim=1)
        conf, pseudo = probs_w.max(dim=1)
        mask = (conf >= TAU).float()

    optimizer.zero_grad()
    loss_s = F.cross_entropy(model(x_l), y_l)
    confident = mask.bool()
    if confident.any():
        loss_u = F.cross_entropy(model(x_s[confident]), pseudo[confident])
    else:
        loss_u = torch.zeros((), dtype=X.dtype)
    loss = loss_s + lam * loss_u
    loss.backward()
    optimizer.step()
    model.step_count += 1
    return loss.item()
