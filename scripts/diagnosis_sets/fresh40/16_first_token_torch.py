"""PreNormBlock in PyTorch, the block written out by hand: a Linear embedding plus a learned
position Parameter, nn.LayerNorm and nn.MultiheadAttention (two heads, batch_first) in the pre-LN
order, nn.LayerNorm and a Linear -> ReLU -> Linear feed-forward, the first token's vector into a
Linear classifier. Cross-entropy, SGD with momentum 0.9 at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

T, F_IN, D, H, FF, C = 4, 4, 8, 2, 16, 3


class PreNormBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(F_IN, D)
        self.pos = nn.Parameter(torch.randn(T, D) * 0.3)
        self.ln1 = nn.LayerNorm(D)
        self.attn = nn.MultiheadAttention(D, H, batch_first=True)
        self.ln2 = nn.LayerNorm(D)
        self.ff = nn.Sequential(nn.Linear(D, FF), nn.ReLU(), nn.Linear(FF, D))
        self.head = nn.Linear(D, C)

    def sa(self, x):
        return self.attn(x, x, x, need_weights=False)[0]

    def forward(self, frames):
        x = self.embed(frames) + self.pos
        x = x + self.sa(self.ln1(x))
        x = x + self.ff(self.ln2(x))
        return self.head(x[:, 0])


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
