"""TokenWindowNet in PyTorch: nn.Embedding for the tokens plus a learned position table (an
nn.Parameter broadcast over the batch), flatten, Linear -> tanh -> Linear, cross-entropy,
SGD with momentum 0.9 at 0.2."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, WINDOW, DIM, HIDDEN, CLASSES = 10, 5, 4, 12, 4


class TokenWindowNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = nn.Embedding(VOCAB, DIM)
        self.positions = nn.Parameter(torch.randn(WINDOW, DIM) * 0.5)
        self.hidden = nn.Linear(WINDOW * DIM, HIDDEN)
        self.out = nn.Linear(HIDDEN, CLASSES)

    def forward(self, x):
        emb = self.tokens(x) + self.positions
        return self.out(torch.tanh(self.hidden(emb.flatten(1))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
