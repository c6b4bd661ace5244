"""The attention-pooling (PMA) set classifier ported with nn.MultiheadAttention(bias=False,
batch_first=True): the learned seed, expanded over the batch, is the query; key_padding_mask
marks the padding elements; the feed-forward block is an nn.Sequential; nn.CrossEntropyLoss and
Adam(foreach=False)."""

import torch
from torch import nn

D, E, HEADS, FF, C = 3, 8, 2, 16, 3
LR = 0.01


class SetPoolMHA(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Sequential(nn.Linear(D, E), nn.ReLU())
        self.seed = nn.Parameter(torch.zeros(1, E))
        self.attn = nn.MultiheadAttention(E, HEADS, bias=False, batch_first=True)
        self.norm1 = nn.LayerNorm(E)
        self.ff = nn.Sequential(nn.Linear(E, FF), nn.ReLU(), nn.Linear(FF, E))
        self.norm2 = nn.LayerNorm(E)
        self.head = nn.Linear(E, C)

    def forward(self, X):
        elements, padding = X[..., :D], X[..., D] != 1.0
        h = self.embed(elements)
        query = self.seed.expand(len(X), -1).unsqueeze(1)
        pooled, _ = self.attn(query, h, h, key_padding_mask=padding, need_weights=False)
        z = self.norm1(self.seed + pooled.squeeze(1))
        z = self.norm2(z + self.ff(z))
        return self.head(z)


criterion = nn.CrossEntropyLoss()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
