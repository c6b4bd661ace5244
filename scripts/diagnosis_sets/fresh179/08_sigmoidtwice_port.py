"""PyTorch port of wd_numpy.py: Wide & Deep click-through model.

    wide.weight      (21, 1)   = wide_w (flat in NumPy)
    wide_bias        (1,)      = wide_b
    embeddings.{f}.weight      = E{f}
    deep.0 / deep.2 / deep.4   = W1.T, b1 / W2.T, b2 / W3.T, b3
"""

import torch
import torch.nn as nn


class WideDeep(nn.Module):
    def __init__(self, cards=(7, 9, 5), emb_dim=4, hidden=16):
        super().__init__()
        self.wide = nn.Embedding(sum(cards), 1)
        self.wide_bias = nn.Parameter(torch.zeros(1))
        self.embeddings = nn.ModuleList([nn.Embedding(c, emb_dim) for c in cards])
        self.deep = nn.Sequential(
            nn.Linear(emb_dim * len(cards), hidden), nn.ReLU(),
            nn.Linear(hidden, hidden), nn.ReLU(),
            nn.Linear(hidden, 1),
        )
        offsets = [0]
        for c in cards[:-1]:
            offsets.append(offsets[-1] + c)
        self.register_buffer("offsets", torch.tensor(offsets))

    def forward(self, X):
        wide = self.wide(X + self.offsets).sum(dim=(1, 2)) + self.wide_bias
        x = torch.cat([emb(X[:, f]) for f, emb in enumerate(self.embeddings)], dim=1)
        deep = self.deep(x).squeeze(1)
        return torch.sigmoid(wide + deep)


criterion = nn.BCEWithLogitsLoss()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    prob = model(X)
    loss = criterion(prob, y.to(prob.dtype))
    loss.backward()
    optimizer.step()
    return loss.item()
