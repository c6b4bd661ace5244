"""PyTorch port of mlp_numpy.py: a per-token MLP tagger under a linear-chain CRF.

The emissions come from two nn.Linear layers applied to every token; the CRF keeps
transitions[i, j] (tag i followed by tag j), start_scores and end_scores as nn.Parameters.
The negative log-likelihood is the forward algorithm with torch.logsumexp minus the gold
path's score, averaged over the batch; autograd does the rest.

Parameters, with the NumPy names they correspond to:
    fc1.weight (H, F) = W1.T      fc1.bias = b1
    fc2.weight (K, H) = W2.T      fc2.bias = b2
    transitions (K, K) = trans    start_scores = start      end_scores = end

Training: torch.optim.SGD(lr=0.1, momentum=0.9).
"""

import os

import numpy as np
import torch
import torch.nn as nn


class MLPCRFTagger(nn.Module):
    def __init__(self, n_feat=5, seq_len=6, hidden=12, n_tags=4):
        super().__init__()
        self.n_feat, self.seq_len = n_feat, seq_len
        self.fc1 = nn.Linear(n_feat, hidden)
        self.fc2 = nn.Linear(hidden, n_tags)
        self.transitions = nn.Parameter(torch.zeros(n_tags, n_tags))
        self.start_scores = nn.Parameter(torch.zeros(n_tags))
        self.end_scores = nn.Parameter(torch.zeros(n_tags))

    def forward(self, X):
        """Emission scores (N, T, K)."""
        x = X.view(X.shape[0], self.seq_len, self.n_feat)
        return self.fc2(torch.tanh(self.fc1(x)))

    def log_partition(self, em):
        alpha = self.start_scores + em[:, 0]                      # (N, K)
        for t in range(1, em.shape[1]):
            # scores[n, i, j] = alpha[n, i] + transitions[i, j]
            scores = alpha.unsqueeze(2) + self.transitions
            alpha = torch.logsumexp(scores, dim=1) + em[:, t]
        return torch.logsumexp(alpha + self.end_scores, dim=1)

    def path_score(self, em, tags):
        score = self.start_scores[tags[:, 0]] + self.end_scores[tags[:, -1]]
        score = score + em.gather(2, tags.unsqueeze(2)).squeeze(2).sum(dim=1)
        score = score + self.transitions[tags[:, :-1], tags[:, 1:]].sum(dim=1)
        return score

    def neg_log_likelihood(self, X, tags):
        em = self(X)
        return (self.log_partition(em) - self.path_score(em, tags)).sum()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.neg_log_likelihood(X, y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "mlp.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"])
    model = MLPCRFTagger()
    optimizer = make_optimizer(model)
    for step in range(100):
        loss = train_step(model, optimizer, X, y)
        if step % 10 == 0:
            print(step, round(loss, 5))
