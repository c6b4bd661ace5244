"""CharElman in PyTorch with nn.RNN(batch_first=True) (tanh, two biases, as the NumPy program
keeps them) over one-hot characters, a Linear head at every position, F.cross_entropy over every
(sequence, position) pair, SGD with momentum 0.9 at lr 0.5."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, HIDDEN = 8, 10


class CharElman(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.RNN(VOCAB, HIDDEN, batch_first=True)
        self.head = nn.Linear(HIDDEN, VOCAB)

    def forward(self, X):
        states, _ = self.rnn(F.one_hot(X, VOCAB).to(self.head.weight.dtype))
        return self.head(states)                       # (n, T, vocab)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y)   # fix: loss = F.cross_entropy(logits.transpose(1, 2), y)
    loss.backward()
    optimizer.step()
    return loss.item()
