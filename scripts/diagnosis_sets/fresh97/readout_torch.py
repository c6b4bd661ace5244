"""GraphRegressor in PyTorch on the dense, zero-padded batch: nn.Linear over the batched A_hat @ X
with tanh and the node mask, a mean readout (sum over the nodes / node count), an nn.Linear + ReLU
+ nn.Linear head squeezed to one number per graph; F.mse_loss, clip_grad_norm_(MAX_NORM) before
torch.optim.RMSprop(alpha=0.9)."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

HERE = Path(__file__).resolve().parent
F_IN, HIDDEN, HEAD = 6, 16, 8
LR, ALPHA, EPS, MAX_NORM = 0.01, 0.9, 1e-8, 0.5


class GraphRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        data = np.load(HERE / "molecules.npz")
        A = torch.tensor(data["A"], dtype=torch.float32)
        n_nodes = torch.from_numpy(data["n_nodes"])
        n_max = A.shape[1]
        mask = (torch.arange(n_max)[None, :] < n_nodes[:, None]).float()
        A_tilde = A + torch.eye(n_max)[None] * mask[:, :, None]
        d = A_tilde.sum(dim=2).clamp(min=1.0).rsqrt()
        self.register_buffer("A_hat", d[:, :, None] * A_tilde * d[:, None, :])
        self.register_buffer("node_mask", mask)
        self.register_buffer("counts", n_nodes.float())
        self.conv = nn.Linear(F_IN, HIDDEN)
        self.fc = nn.Linear(HIDDEN, HEAD)
        self.out = nn.Linear(HEAD, 1)

    def forward(self, X):
        h = torch.tanh(self.conv(self.A_hat @ X)) * self.node_mask.unsqueeze(-1)
        pooled = h.sum(dim=1) / self.counts.unsqueeze(-1)
        z = torch.relu(self.fc(pooled))
        return self.out(z).squeeze(-1)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
