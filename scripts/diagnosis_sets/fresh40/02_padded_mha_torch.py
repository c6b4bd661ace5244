"""PaddedMHA in PyTorch: nn.Embedding plus a learned position Parameter, nn.MultiheadAttention
(two heads, batch_first) with a padding mask built from the token ids, a residual, the mean over
the real tokens, a Linear classifier. Cross-entropy, SGD with momentum 0.9 at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, T, D, H, C, PAD = 10, 5, 8, 2, 3, 0


class PaddedMHA(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(VOCAB, D)
        self.pos = nn.Parameter(torch.randn(T, D) * 0.3)
        self.attn = nn.MultiheadAttention(D, H, batch_first=True)
        self.classifier = nn.Linear(D, C)

    def forward(self, tokens):
        attention_mask = tokens != PAD               # 1 for the tokens to attend to, 0 for padding
        x = self.emb(tokens) + self.pos
        a, _ = self.attn(x, x, x, key_padding_mask=attention_mask, need_weights=False)   # fix: a, _ = self.attn(x, x, x, key_padding_mask=~attention_mask, need_weights=False)
        h = x + a
        m = attention_mask.unsqueeze(-1).to(h.dtype)
        pooled = (h * m).sum(dim=1) / m.sum(dim=1)
        return self.classifier(pooled)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
