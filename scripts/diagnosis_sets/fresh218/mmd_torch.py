"""PyTorch port of mmd_numpy.py: a shared tanh feature layer, a linear classifier on the source
half of the batch (cross-entropy), and an RBF-kernel MMD^2 penalty between the source and target
features (kernel bandwidths sigma^2 = 1 and 4), trained with torch.optim.Adam(lr=0.01).

    features.weight (16, 6)  = W1.T     features.bias (16,) = b1
    classifier.weight (3, 16) = W2.T    classifier.bias (3,) = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

SIGMA2 = (1.0, 4.0)
LAM = 1.0


def rbf_kernel(a, b):
    d2 = (a.unsqueeze(1) - b.unsqueeze(0)).pow(2).sum(-1)
    return sum(torch.exp(-d2 / (2 * s2)) for s2 in SIGMA2)


def mmd2(source, target):
    return (rbf_kernel(source, source).mean() + rbf_kernel(target, target).mean()
            - 2 * rbf_kernel(source, target).mean())


class MMDNet(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_cls=3):
        super().__init__()
        self.features = nn.Linear(n_in, hidden)
        self.classifier = nn.Linear(hidden, n_cls)

    def forward(self, x):
        h = torch.tanh(self.features(x))
        return self.classifier(h), h


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    ns = X.shape[0] // 2
    optimizer.zero_grad()
    logits, h = model(X)
    loss = F.cross_entropy(logits[:ns], y[:ns]) + LAM * mmd2(h[:ns], h[ns:])
    loss.backward()
    optimizer.step()
    return loss.item()
