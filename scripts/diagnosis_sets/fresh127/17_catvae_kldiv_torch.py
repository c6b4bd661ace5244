"""Another PyTorch port of catvae_numpy.py, written differently: the parameters as plain tensors in
an nn.ParameterDict in the NumPy layout (W of shape (in, out)), the soft sample as the exponential of
a log-softmax, the KL to the uniform prior with F.kl_div, the reconstruction as a sum over
features averaged over rows by hand.

Parameters, with the NumPy names: p.W1 = W1, p.b1 = b1, p.W2 = W2, p.b2 = b2, p.Wd = Wd, p.bd = bd.
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
        self.p = nn.ParameterDict({
            "W1": nn.Parameter(torch.zeros(D, H)), "b1": nn.Parameter(torch.zeros(H)),
            "W2": nn.Parameter(torch.zeros(H, K)), "b2": nn.Parameter(torch.zeros(K)),
            "Wd": nn.Parameter(torch.zeros(K, D)), "bd": nn.Parameter(torch.zeros(D)),
        })
        self.noise = torch.from_numpy(np.load(os.path.join(HERE, "catvae.npz"))["gumbel"])
        self.K, self.beta = K, beta
        self.taus = [max(tau_min, tau0 * math.exp(-anneal * t)) for t in range(10000)]
        self.step = 0

    def forward(self, X):
        p = self.p
        logits = torch.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
        g = self.noise[self.step % self.noise.shape[0], : X.shape[0]].to(logits)
        z = torch.exp(torch.log_softmax((logits + g) / self.taus[self.step], dim=1))
        return z @ p["Wd"] + p["bd"], logits


def make_optimizer(model, lr=0.01):
    return torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    xhat, logits = model(X)
    rec = ((xhat - y) ** 2).sum(dim=1).mean()
    log_uniform = torch.full_like(logits, -math.log(model.K))
    kl = F.kl_div(log_uniform, F.log_softmax(logits, dim=1), log_target=True, reduction="batchmean")
    loss = rec + model.beta * kl
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    model.step += 1
    return loss.item()
