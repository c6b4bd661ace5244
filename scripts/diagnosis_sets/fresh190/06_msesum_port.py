"""PyTorch port of pimodel_numpy.py: Pi-model consistency (MSE between the softmax of the two
views) plus entropy minimisation, sigmoid ramp-up of the consistency weight, Adam.

    net.0.weight = W1, net.0.bias = b1, net.2.weight = W2, net.2.bias = b2,
    net.4.weight = W3, net.4.bias = b3   (same (out, in) layout as the NumPy program)
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

W_MAX = 10.0
RAMP_STEPS = 10
BETA_ENT = 0.1


def consistency_weight(step):
    phase = 1.0 - min(step, RAMP_STEPS) / RAMP_STEPS
    return W_MAX * math.exp(-5.0 * phase ** 2)


class PiModelNet(nn.Module):
    def __init__(self, n_in=8, hidden=24, n_classes=4):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, hidden), nn.ReLU(),
            nn.Linear(hidden, hidden), nn.ReLU(),
            nn.Linear(hidden, n_classes),
        )
        self.steps_done = 0

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    model.steps_done += 1
    w = consistency_weight(model.steps_done)
    d = X.shape[1] // 2
    labelled = y >= 0
    x_l, y_l = X[labelled, :d], y[labelled]
    x_w, x_s = X[~labelled, :d], X[~labelled, d:]
    n_l, n_u = len(y_l), len(x_w)

    optimizer.zero_grad()
    logits_l, logits_w, logits_s = model(torch.cat([x_l, x_w, x_s])).split([n_l, n_u, n_u])
    loss_s = F.cross_entropy(logits_l, y_l)
    p_w, p_s = F.softmax(logits_w, dim=1), F.softmax(logits_s, dim=1)
    loss_c = ((p_s - p_w) ** 2).sum(dim=1).mean()
    entropy = -(p_w * F.log_softmax(logits_w, dim=1)).sum(dim=1).mean()
    loss = loss_s + w * loss_c + BETA_ENT * entropy
    loss.backward()
    optimizer.step()
    return loss.item()
