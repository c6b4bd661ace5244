"""TorchLayoutBlock in PyTorch: a Linear embedding plus a learned position Parameter, one
nn.TransformerEncoderLayer with norm_first=True (pre-LN; two heads, feed-forward 16, ReLU, no
dropout, batch_first), the first token into a Linear classifier. Cross-entropy, SGD with
Nesterov momentum 0.9 at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

T, F_IN, D, H, FF, C = 4, 4, 8, 2, 16, 3


class TorchLayoutBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(F_IN, D)
        self.pos = nn.Parameter(torch.zeros(T, D))
        self.layer = nn.TransformerEncoderLayer(D, H, dim_feedforward=FF, dropout=0.0, activation="relu",
                                                batch_first=True, norm_first=True)
        self.head = nn.Linear(D, C)

    def forward(self, frames):
        return self.head(self.layer(self.embed(frames) + self.pos)[:, 0])


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
