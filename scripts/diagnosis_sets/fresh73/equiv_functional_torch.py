"""The permutation-equivariant DeepSets classifier ported another way: raw nn.Parameters in the
NumPy program's (in, out) layout applied with torch.einsum, the padding removed with torch.where
on a boolean mask, the element counts clamped and broadcast by keepdim, one shared equivariant
function for both layers, F.binary_cross_entropy_with_logits and RMSprop(foreach=False)."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 3, 10
LR, ALPHA = 0.01, 0.9


def equivariant(h, keep, n_el, lam, gam, bias):
    centre = torch.where(keep, h, torch.zeros_like(h)).sum(dim=1, keepdim=True) / n_el
    return torch.relu(torch.einsum("nsi,ij->nsj", h, lam) + bias - torch.einsum("nsi,ij->nsj", centre, gam))


class EquivSetF(nn.Module):
    def __init__(self):
        super().__init__()
        self.lam1 = nn.Parameter(torch.empty(D, H))
        self.gam1 = nn.Parameter(torch.empty(D, H))
        self.bias1 = nn.Parameter(torch.zeros(H))
        self.lam2 = nn.Parameter(torch.empty(H, H))
        self.gam2 = nn.Parameter(torch.empty(H, H))
        self.bias2 = nn.Parameter(torch.zeros(H))
        self.w_out = nn.Parameter(torch.empty(H, 1))
        self.b_out = nn.Parameter(torch.zeros(1))
        for w in (self.lam1, self.gam1, self.lam2, self.gam2, self.w_out):
            nn.init.xavier_uniform_(w)

    def forward(self, X):
        keep = X[..., D:] > 0.5                                   # (n, S, 1) bool
        n_el = keep.sum(dim=1, keepdim=True).clamp(min=1).to(X.dtype)
        h = equivariant(X[..., :D], keep, n_el, self.lam1, self.gam1, self.bias1)
        h = equivariant(h, keep, n_el, self.lam2, self.gam2, self.bias2)
        pooled = torch.where(keep, h, torch.zeros_like(h)).sum(dim=1) / n_el.squeeze(1)
        return torch.addmm(self.b_out, pooled, self.w_out)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
