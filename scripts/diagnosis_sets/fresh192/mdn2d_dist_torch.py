"""Another PyTorch port of mdn2d_numpy.py (correct): raw nn.Parameters in the NumPy layout (in, out)
with explicit matmuls, and the likelihood and entropy from torch.distributions
(MixtureSameFamily of Independent Normals; Categorical entropy).

    W1 (2, H), b1, W2 (H, H), b2, W3 (H, 5K), b3   -- the NumPy arrays as they are
"""

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import distributions as D

SIGMA_MIN = 0.05
LAM = 0.1


class MDN2DDist(nn.Module):
    def __init__(self, hidden=16, K=4):
        super().__init__()
        self.K = K
        self.W1 = nn.Parameter(torch.randn(2, hidden) * 0.5)
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.randn(hidden, hidden) * 0.25)
        self.b2 = nn.Parameter(torch.zeros(hidden))
        self.W3 = nn.Parameter(torch.randn(hidden, 5 * K) * 0.1)
        self.b3 = nn.Parameter(torch.zeros(5 * K))

    def forward(self, x):
        K = self.K
        h = torch.tanh(x @ self.W1 + self.b1)
        h = torch.tanh(h @ self.W2 + self.b2)
        logits, mu, s = torch.split(h @ self.W3 + self.b3, [K, 2 * K, 2 * K], dim=1)
        mix = D.Categorical(logits=logits)
        comp = D.Independent(D.Normal(mu.unflatten(1, (K, 2)), F.softplus(s.unflatten(1, (K, 2))) + SIGMA_MIN), 1)
        return D.MixtureSameFamily(mix, comp)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.005, alpha=0.9, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    mixture = model(X)
    loss = -mixture.log_prob(y).mean() - LAM * mixture.mixture_distribution.entropy().mean()
    loss.backward()
    optimizer.step()
    return loss.item()
