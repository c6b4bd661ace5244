"""PyTorch port of mdn1d_numpy.py: a 1-D mixture density network, K = 3, trained by torch.optim.Adam.

    hidden      nn.Linear(1, H) + tanh     hidden.weight = W1.T, hidden.bias = b1
    pi_head     nn.Linear(H, K)            mixture logits      (= Wpi.T, bpi)
    mu_head     nn.Linear(H, K)            means               (= Wmu.T, bmu)
    sigma_head  nn.Linear(H, K)            log sigmas          (= Wls.T, bls)

Loss: -mean_n logsumexp_k (log_softmax(logits)_k + log N(y | mu_k, exp(logsig_k))).
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class MDN1D(nn.Module):
    def __init__(self, hidden=24, K=3):
        super().__init__()
        self.hidden = nn.Linear(1, hidden)
        self.pi_head = nn.Linear(hidden, K)
        self.mu_head = nn.Linear(hidden, K)
        self.sigma_head = nn.Linear(hidden, K)

    def forward(self, x):
        h = torch.tanh(self.hidden(x))
        return self.pi_head(h), self.mu_head(h), self.sigma_head(h)


def mdn_nll(logits, mu, logsig, y):
    log_pi = logits - torch.logsumexp(logits, dim=1, keepdim=True).detach()
    z = (y - mu) / torch.exp(logsig)
    log_comp = -0.5 * z ** 2 - logsig - 0.5 * math.log(2 * math.pi)
    return -torch.logsumexp(log_pi + log_comp, dim=1).mean()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits, mu, logsig = model(X)
    loss = mdn_nll(logits, mu, logsig, y)
    loss.backward()
    optimizer.step()
    return loss.item()
