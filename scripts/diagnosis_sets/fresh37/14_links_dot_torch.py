"""LinkEmbedding in PyTorch: an nn.Embedding table and a scalar bias parameter, the pair score
(z_u * z_v).sum(-1) + c, F.binary_cross_entropy_with_logits, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5


class LinkEmbedding(nn.Module):
    def __init__(self, n_nodes=16, dim=4):
        super().__init__()
        self.emb = nn.Embedding(n_nodes, dim)
        self.bias = nn.Parameter(torch.zeros(1))

    def forward(self, pairs):
        z_u, z_v = self.emb(pairs[:, 0]), self.emb(pairs[:, 1])
        return (z_u * z_v).sum(dim=-1, keepdim=True) + self.bias


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
