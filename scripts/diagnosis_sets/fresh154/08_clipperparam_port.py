"""PyTorch port of dcn2_numpy.py: DCN-V2 with matrix cross layers (nn.Linear).

Parameters, with the NumPy names:
    emb.0.weight (4, 3) = emb0, emb.1.weight (5, 3) = emb1,
    cross.{0,1}.weight (8, 8) = W{0,1}.T, cross.{0,1}.bias = c{0,1},
    head.weight (1, 8) = v.T, head.bias (1,) = a.
Loss nn.BCEWithLogitsLoss(reduction='sum', pos_weight=1.5); clip_grad_norm_(max_norm=1.0);
torch.optim.AdamW(lr=0.01, weight_decay=0.05).
"""

import torch
import torch.nn as nn


class DCNv2(nn.Module):
    def __init__(self, cards=(4, 5), emb_dim=3, n_num=2, n_cross=2):
        super().__init__()
        self.n_cat = len(cards)
        d = len(cards) * emb_dim + n_num
        self.emb = nn.ModuleList([nn.Embedding(c, emb_dim) for c in cards])
        self.cross = nn.ModuleList([nn.Linear(d, d) for _ in range(n_cross)])
        self.head = nn.Linear(d, 1)

    def forward(self, X):
        cat = X[:, :self.n_cat].long()
        x0 = torch.cat([e(cat[:, j]) for j, e in enumerate(self.emb)] + [X[:, self.n_cat:]], 1)
        x = x0
        for layer in self.cross:
            x = x0 * layer(x) + x
        return self.head(x).squeeze(-1)


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                             weight_decay=0.05)


def train_step(model, optimizer, X, y):
    loss_fn = nn.BCEWithLogitsLoss(reduction="sum", pos_weight=torch.tensor(1.5, dtype=X.dtype))
    optimizer.zero_grad()
    loss = loss_fn(model(X), y.reshape(-1))
    loss.backward()
    for p in model.parameters():
        nn.utils.clip_grad_norm_(p, max_norm=1.0)
    optimizer.step()
    return loss.item()
