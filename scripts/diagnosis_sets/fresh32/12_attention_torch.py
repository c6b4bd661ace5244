"""AttentionLM in PyTorch, nanoGPT's Head: nn.Embedding for the tokens and for the positions,
key / query / value nn.Linear(bias=False), the scores masked with a registered tril buffer
(masked_fill with -inf where tril == 0) before F.softmax, the residual x + wei @ v and an
lm_head. F.cross_entropy over every position, torch.optim.Adam(lr=0.02)."""

import math

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, BLOCK, D = 8, 6, 8


class AttentionLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.tok = nn.Embedding(VOCAB, D)
        self.pos = nn.Embedding(BLOCK, D)
        self.query = nn.Linear(D, D, bias=False)
        self.key = nn.Linear(D, D, bias=False)
        self.value = nn.Linear(D, D, bias=False)
        self.lm_head = nn.Linear(D, VOCAB)
        self.register_buffer("tril", torch.tril(torch.ones(BLOCK, BLOCK)))

    def forward(self, idx):
        B, T = idx.shape
        x = self.tok(idx) + self.pos(torch.arange(T, device=idx.device))
        q, k, v = self.query(x), self.key(x), self.value(x)
        wei = q @ k.transpose(-2, -1) / math.sqrt(D)
        wei = wei.masked_fill(self.tril[:T, :T] == 0, float("-inf"))
        wei = F.softmax(wei, dim=-1)
        return self.lm_head(x + wei @ v)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.02)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits.reshape(-1, VOCAB), y.reshape(-1))
    loss.backward()
    optimizer.step()
    return loss.item()
