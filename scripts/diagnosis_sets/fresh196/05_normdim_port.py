"""PyTorch port of rank_numpy.py: shared ReLU tower, L2-normalised embeddings, linear score,
logistic pairwise ranking loss, torch.optim.Adam."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class PairRanker(nn.Module):
    def __init__(self, d_in=5, hidden=12, d_emb=6):
        super().__init__()
        self.d_in = d_in
        self.fc1 = nn.Linear(d_in, hidden)
        self.fc2 = nn.Linear(hidden, d_emb)
        self.score = nn.Linear(d_emb, 1, bias=False)

    def embed(self, x):
        return F.normalize(self.fc2(F.relu(self.fc1(x))), dim=0)

    def forward(self, X):
        s1 = self.score(self.embed(X[:, :self.d_in])).squeeze(1)
        s2 = self.score(self.embed(X[:, self.d_in:])).squeeze(1)
        return s1 - s2


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    delta = model(X)
    loss = F.binary_cross_entropy_with_logits(delta, y)
    loss.backward()
    optimizer.step()
    return loss
