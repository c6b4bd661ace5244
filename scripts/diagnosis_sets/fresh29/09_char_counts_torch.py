"""PyTorch port of the makemore-style character MLP (09_char_counts_numpy.py): the embedding table
as a raw Parameter indexed C[X], view to (n, 12), tanh hidden layer, F.cross_entropy, SGD at 0.3.
I copied the loss line from my seq2seq notebook."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, BLOCK, DIM, HIDDEN = 8, 3, 4, 16
LR = 0.3


class CharCounts(nn.Module):
    def __init__(self):
        super().__init__()
        self.C = nn.Parameter(torch.randn(VOCAB, DIM))
        self.hidden = nn.Linear(BLOCK * DIM, HIDDEN)
        self.out = nn.Linear(HIDDEN, VOCAB)

    def forward(self, X):
        emb = self.C[X]
        h = torch.tanh(self.hidden(emb.view(emb.shape[0], -1)))
        return self.out(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
