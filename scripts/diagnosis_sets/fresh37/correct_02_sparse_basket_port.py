"""Purchase model in PyTorch with the user-item count matrix as a sparse tensor: each user's
profile is torch.sparse.mm(counts.to_sparse(), item_table), the count-weighted sum of the rows
of a raw (items, hidden) parameter table; a hidden bias, ReLU, a logistic output through
torch.addmm on raw parameters; the mean BCE from the logit via F.softplus.
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_items=10, hidden=8):
        super().__init__()
        self.item_table = nn.Parameter(torch.randn(n_items, hidden) * 0.3)
        self.hidden_bias = nn.Parameter(torch.zeros(hidden))
        self.out_weight = nn.Parameter(torch.randn(hidden, 1) * 0.3)
        self.out_bias = nn.Parameter(torch.zeros(1))

    def logits(self, counts):
        profile = torch.sparse.mm(counts.to_sparse(), self.item_table)
        h = F.relu(profile + self.hidden_bias)
        return torch.addmm(self.out_bias, h, self.out_weight)

    def forward(self, counts):
        return torch.sigmoid(self.logits(counts))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model.logits(X)
    loss = (F.softplus(z) - y * z).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
