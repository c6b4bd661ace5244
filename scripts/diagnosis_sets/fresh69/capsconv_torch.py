"""The 1-D convolutional capsule network of capsconv_numpy.py in PyTorch: nn.Conv1d(1, 8, 5,
stride=2) primary capsules (channels viewed as 2 types x 4 dimensions, permuted so the capsule
index is type-major), squash, prediction vectors by torch.matmul, three routing iterations with
the gradient flowing through all of them, lengths by torch.linalg.norm, the margin loss, Adam."""

import torch
import torch.nn.functional as F
from torch import nn

LENGTH, KSIZE, STRIDE, TYPES, D_PRIM = 15, 5, 2, 2, 4
N_POS = (LENGTH - KSIZE) // STRIDE + 1
N_PRIM = TYPES * N_POS
N_CLASS, D_CLASS = 3, 4
ROUTING = 3
M_PLUS, M_MINUS, LAM = 0.9, 0.1, 0.5
EPS = 1e-7
LR = 0.02


def squash(s, dim=-1):
    n2 = (s ** 2).sum(dim=dim, keepdim=True)
    return n2 / (1 + n2) * s / torch.sqrt(n2 + EPS)


class CapsConv(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(1, TYPES * D_PRIM, KSIZE, stride=STRIDE)
        self.W = nn.Parameter(0.5 * torch.randn(N_PRIM, N_CLASS, D_CLASS, D_PRIM))

    def forward(self, x):
        n = x.shape[0]
        h = self.conv(x.unsqueeze(1))                                        # (n, 8, pos)
        u = h.view(n, TYPES, D_PRIM, N_POS).permute(0, 1, 3, 2).reshape(n, N_PRIM, D_PRIM)
        u = squash(u)
        u_hat = torch.matmul(self.W, u[:, :, None, :, None]).squeeze(-1)
        b = torch.zeros(n, N_PRIM, N_CLASS, dtype=x.dtype)
        for it in range(ROUTING):
            c = F.softmax(b, dim=2)
            v = squash((c.unsqueeze(-1) * u_hat).sum(dim=1))
            if it < ROUTING - 1:
                b = b + (u_hat * v.unsqueeze(1)).sum(dim=-1)
        return v


def margin_loss(v, target):
    lengths = torch.linalg.norm(v, dim=-1)
    present = F.relu(M_PLUS - lengths) ** 2
    absent = F.relu(lengths - M_MINUS) ** 2
    return (target * present + LAM * (1 - target) * absent).sum(dim=1).mean()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = margin_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
