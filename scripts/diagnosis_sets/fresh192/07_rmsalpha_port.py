"""PyTorch port of mdn2d_numpy.py: a 2-D mixture density network, K = 4, softplus sigmas with a
floor, an entropy bonus on the mixture weights, torch.optim.RMSprop (alpha 0.9).

    body  nn.Sequential(Linear(2, H), Tanh, Linear(H, H), Tanh)   body.0 = (W1.T, b1), body.2 = (W2.T, b2)
    head  nn.Linear(H, 5K)                                        = (W3.T, b3)
    head output split [logits (K) | mu (K, 2) | s (K, 2)].
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

SIGMA_MIN = 0.05
LAM = 0.1


class MDN2D(nn.Module):
    def __init__(self, hidden=16, K=4):
        super().__init__()
        self.K = K
        self.body = nn.Sequential(nn.Linear(2, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh())
        self.head = nn.Linear(hidden, 5 * K)

    def forward(self, x):
        K = self.K
        out = self.head(self.body(x))
        logits = out[:, :K]
        mu = out[:, K:3 * K].reshape(-1, K, 2)
        sigma = F.softplus(out[:, 3 * K:].reshape(-1, K, 2)) + SIGMA_MIN
        return logits, mu, sigma


def mdn_loss(logits, mu, sigma, y):
    log_pi = F.log_softmax(logits, dim=-1)
    z = (y.unsqueeze(1) - mu) / sigma
    log_comp = (-0.5 * z ** 2 - torch.log(sigma) - 0.5 * math.log(2 * math.pi)).sum(-1)
    nll = -torch.logsumexp(log_pi + log_comp, dim=-1).mean()
    entropy = -(log_pi.exp() * log_pi).sum(-1).mean()
    return nll - LAM * entropy


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.005, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = mdn_loss(*model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
