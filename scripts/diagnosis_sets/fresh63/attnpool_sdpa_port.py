"""AttentionPoolNet ported with F.scaled_dot_product_attention: the learned query expanded to one
query per set, (n, 1, DK), attending over the keys (n, S, DK) with the element embeddings as values
(n, S, H) and a boolean attn_mask (True on the real elements) in place of the -1e9 fill; its default
scale is 1 / sqrt(DK). The loss as F.binary_cross_entropy on torch.sigmoid, torch.optim.AdamW."""

import torch
import torch.nn.functional as F
from torch import nn

S, D, H, DK = 5, 2, 8, 4
LR, B1, B2, EPS, WD = 0.02, 0.9, 0.999, 1e-8, 0.01


class AttentionPoolNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(D, H)
        self.key = nn.Linear(H, DK, bias=False)
        self.query = nn.Parameter(torch.zeros(DK))
        self.out = nn.Linear(H, 1)

    def forward(self, X):
        real = (X[:, :, 0] > 0).unsqueeze(1)
        e = torch.tanh(self.embed(X[:, :, 1:]))
        q = self.query.expand(X.shape[0], 1, DK)
        pooled = F.scaled_dot_product_attention(q, self.key(e), e, attn_mask=real)
        return self.out(pooled.squeeze(1))


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=LR, betas=(B1, B2), eps=EPS, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(torch.sigmoid(model(X)), y)
    loss.backward()
    optimizer.step()
    return loss.item()
