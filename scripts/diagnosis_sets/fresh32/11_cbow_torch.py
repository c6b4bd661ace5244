"""CBOW in PyTorch: the context is the window without its centre, torch.cat of the two sides,
nn.Embedding averaged over the context, a Linear over the vocabulary, F.cross_entropy, SGD at
lr 0.5."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, DIM, C = 10, 6, 2


class CBOW(nn.Module):
    def __init__(self):
        super().__init__()
        self.embeddings = nn.Embedding(VOCAB, DIM)
        self.linear = nn.Linear(DIM, VOCAB)

    def forward(self, X):
        context = torch.cat([X[:, :C], X[:, C + 1:]], dim=1)
        return self.linear(self.embeddings(context).mean(dim=1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
