"""A second PyTorch port of ws_numpy.py, with plain parameters and no parametrize.

The standardised weight is F.layer_norm over each row of the weight (no affine:
(V - mean) / sqrt(biased var + eps)), the positive output weights are
F.softplus(theta2) computed in forward, the gain is exp(log_s).

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    V1 (10, 5), b1 (10,), theta2 (1, 10), log_s (), b2 (1,)   all as they are
Loss: F.binary_cross_entropy_with_logits; torch.optim.SGD(lr=0.5).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class StandardisedNet(nn.Module):
    def __init__(self, n_in=5, hidden=10, eps=1e-5):
        super().__init__()
        self.V1 = nn.Parameter(torch.randn(hidden, n_in))
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.theta2 = nn.Parameter(torch.zeros(1, hidden))
        self.log_s = nn.Parameter(torch.zeros(()))
        self.b2 = nn.Parameter(torch.zeros(1))
        self.eps = eps

    def forward(self, X):
        W1 = F.layer_norm(self.V1, (self.V1.shape[1],), eps=self.eps)
        h = torch.tanh(X @ W1.T + self.b1)
        W2 = F.softplus(self.theta2)
        return self.log_s.exp() * (h @ W2.T) + self.b2


def make_optimizer(model, lr=0.5):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
