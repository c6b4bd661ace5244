"""Another PyTorch port of bin_numpy.py: the straight-through estimators written with
the detach trick instead of autograd.Functions.

    w1q = w1 + (round(4 w1) / 4 - w1).detach()          identity gradient to the latent weight
    a   = hc + (sign(h) - hc).detach(),  hc = clamp(h, -1, 1)
                                         gradient 1 where |h| <= 1, else 0 (hardtanh's)

Parameters: fc1.weight = W1.T, fc1.bias = b1, fc2.weight = W2.T, fc2.bias = b2.
Cross-entropy on the class indices (the argmax of the one-hot target),
torch.optim.Adam(lr=0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

QSCALE = 4.0


def ste(x, fx):
    """Forward fx, backward through x."""
    return x + (fx - x).detach()


class BinaryMLP(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, X):
        w = self.fc1.weight
        w1q = ste(w, torch.round(w * QSCALE) / QSCALE)
        h = X @ w1q.t() + self.fc1.bias
        hc = torch.clamp(h, -1.0, 1.0)
        a = ste(hc, torch.sign(h))
        return self.fc2(a)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
