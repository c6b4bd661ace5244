"""The XnorNet port of xnor_torch.py written in another style: the latent weights raw
nn.Parameters in the NumPy program's (in, out) layout used as X @ W; the straight-through sign
through the detach trick on the clamped weight, wc + (torch.sign(w) - wc).detach() with
wc = w.clamp(-1, 1) (gradient 1 where |w| <= 1); the per-unit scale as the detached L1 norm
of each column over its length (torch.linalg.vector_norm); the hard tanh as torch.clamp; the
squared hinge through F.relu(...).square(); torch.optim.Adam(foreach=False); the latent
weights clipped through .data after the step."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN = 10, 12
LR = 0.02


def binary_weight(w):
    wc = w.clamp(-1.0, 1.0)
    sign = wc + (torch.sign(w) - wc).detach()
    scale = torch.linalg.vector_norm(w, ord=1, dim=0).detach() / w.shape[0]
    return sign * scale


class XnorNetP(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.empty(D, HIDDEN).uniform_(-1, 1))
        self.b1 = nn.Parameter(torch.zeros(HIDDEN))
        self.W2 = nn.Parameter(torch.empty(HIDDEN, 1).uniform_(-1, 1))
        self.b2 = nn.Parameter(torch.zeros(1))

    def forward(self, X):
        h = torch.clamp(X @ binary_weight(self.W1) + self.b1, -1.0, 1.0)
        return (h @ binary_weight(self.W2) + self.b2)[:, 0]


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, foreach=False)


def train_step(model, optimizer, X, y):
    targets = torch.where(y > 0.5, 1.0, -1.0).to(X.dtype)
    optimizer.zero_grad()
    loss = F.relu(1.0 - targets * model(X)).square().mean()
    loss.backward()
    optimizer.step()
    for w in (model.W1, model.W2):
        w.data.clamp_(-1.0, 1.0)
    return loss.item()
