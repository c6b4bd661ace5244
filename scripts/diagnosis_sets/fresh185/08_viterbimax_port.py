"""PyTorch port of emb_numpy.py: nn.Embedding -> nn.Linear emissions, a CRF module on top.

The CRF module follows the layout of the pytorch-crf package: transitions[i, j] scores tag i
followed by tag j, start_transitions and end_transitions score the first and last tag; its
forward returns the log-likelihood of each tag sequence (forward algorithm with
torch.logsumexp for the partition function).

Parameters, with the NumPy names they correspond to:
    embed.weight (V, D) = emb        proj.weight (K, D) = W_out       proj.bias = b_out
    crf.transitions = trans          crf.start_transitions = start    crf.end_transitions = end

Training: mean negative log-likelihood over the batch, torch.optim.AdamW(lr=0.05,
weight_decay=0.01).
"""

import os

import numpy as np
import torch
import torch.nn as nn


class CRF(nn.Module):
    def __init__(self, num_tags):
        super().__init__()
        self.transitions = nn.Parameter(torch.empty(num_tags, num_tags).uniform_(-0.1, 0.1))
        self.start_transitions = nn.Parameter(torch.empty(num_tags).uniform_(-0.1, 0.1))
        self.end_transitions = nn.Parameter(torch.empty(num_tags).uniform_(-0.1, 0.1))

    def _score(self, emissions, tags):
        batch, seq_len, _ = emissions.shape
        idx = torch.arange(batch)
        score = self.start_transitions[tags[:, 0]] + emissions[idx, 0, tags[:, 0]]
        for t in range(1, seq_len):
            score = score + self.transitions[tags[:, t - 1], tags[:, t]]
            score = score + emissions[idx, t, tags[:, t]]
        return score + self.end_transitions[tags[:, -1]]

    def _normalizer(self, emissions):
        score = self.start_transitions + emissions[:, 0]
        for t in range(1, emissions.shape[1]):
            nxt = score.unsqueeze(2) + self.transitions + emissions[:, t].unsqueeze(1)
            score = nxt.max(dim=1).values
        return torch.logsumexp(score + self.end_transitions, dim=1)

    def forward(self, emissions, tags):
        """Log-likelihood of each sequence, (batch,)."""
        return self._score(emissions, tags) - self._normalizer(emissions)


class EmbCRFTagger(nn.Module):
    def __init__(self, vocab=15, dim=8, n_tags=5):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.proj = nn.Linear(dim, n_tags)
        self.crf = CRF(n_tags)

    def forward(self, X):
        return self.proj(self.embed(X))


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=0.05, weight_decay=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = -model.crf(model(X), y).mean()
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "emb.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = EmbCRFTagger()
    optimizer = make_optimizer(model)
    for step in range(100):
        loss = train_step(model, optimizer, X, y)
        if step % 10 == 0:
            print(step, round(loss, 5))
