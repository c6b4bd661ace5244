"""PyTorch port of charrnn_numpy.py: nn.Embedding, a tanh recurrence written as a loop over two
nn.Linear layers (i2h with the bias, h2h without, so the cell has one bias like the NumPy bh),
an nn.Linear read-out at every position, F.cross_entropy(reduction='sum') over all positions,
clip_grad_value_(5) and torch.optim.Adagrad."""

import torch
import torch.nn.functional as F
from torch import nn

V, D, H = 13, 6, 10
LR, CLIP = 0.05, 5.0


class CharRNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(V, D)
        self.i2h = nn.Linear(D, H)
        self.h2h = nn.Linear(H, H, bias=False)
        self.h2o = nn.Linear(H, V)

    def forward(self, X):
        n, T = X.shape
        x = self.emb(X)
        h = x.new_zeros(n, H)
        outs = []
        for t in range(T):
            h = torch.tanh(self.i2h(x[:, t]) + self.h2h(h))
            outs.append(self.h2o(h))
        return torch.stack(outs, dim=1)


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits.reshape(-1, V), y.reshape(-1), reduction="sum")
    loss.backward()
    nn.utils.clip_grad_value_(model.parameters(), CLIP)
    optimizer.step()
    return loss.item()
