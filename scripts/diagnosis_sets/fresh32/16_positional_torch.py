"""PositionalLM in PyTorch: token and position nn.Embedding tables (wte, wpe; the positions are
torch.arange(T)), a tanh Linear and an lm_head, F.cross_entropy over every position, SGD with
momentum 0.9 at lr 0.3."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, BLOCK, D, HIDDEN = 8, 8, 6, 10


class PositionalLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.wte = nn.Embedding(VOCAB, D)
        self.wpe = nn.Embedding(BLOCK, D)
        self.fc = nn.Linear(D, HIDDEN)
        self.lm_head = nn.Linear(HIDDEN, VOCAB)

    def forward(self, idx):
        T = idx.shape[1]
        x = self.wte(idx) + self.wpe(torch.arange(T, device=idx.device))
        return self.lm_head(torch.tanh(self.fc(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.3, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits.reshape(-1, VOCAB), y.reshape(-1))
    loss.backward()
    optimizer.step()
    return loss.item()
