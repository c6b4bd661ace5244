"""PyTorch port of the NT-Xent encoder, written another way (fresh167 correct variant).

Raw nn.Parameters kept in the NumPy layout (W1 (6, 16), W2 (16, 8)), the similarity by
einsum, the self-similarity pushed out with a large negative constant, and the cross-entropy
written as logsumexp minus the positive logit. Both views in one batch of 2N rows.
"""

import torch
import torch.nn as nn


class NTXentEncoder(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_emb=8, tau=0.25):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(n_in, hidden) * 0.4)
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.randn(hidden, n_emb) * 0.25)
        self.b2 = nn.Parameter(torch.zeros(n_emb))
        self.tau = tau

    def encode(self, x):
        u = torch.relu(x @ self.W1 + self.b1) @ self.W2 + self.b2
        return u / u.norm(dim=1, keepdim=True)

    def forward(self, X, pair_ids):
        n = X.shape[0]
        z = self.encode(torch.cat([X[:, 0], X[:, 1]]))
        logits = torch.einsum("ik,jk->ij", z, z) / self.tau
        eye = torch.eye(2 * n, dtype=torch.bool)
        logits = torch.where(eye, torch.full_like(logits, -1e9), logits)
        pos = torch.cat([pair_ids + n, pair_ids])
        positive_logit = logits.gather(1, pos[:, None]).squeeze(1)
        return (torch.logsumexp(logits, dim=1) - positive_logit).mean()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=1e-2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model(X, y)
    loss.backward()
    optimizer.step()
    return float(loss)
