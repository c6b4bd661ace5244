"""CharRNN (min-char-rnn) in PyTorch. A one-hot vector times Wxh picks a column of Wxh, so the
input weight is an nn.Embedding (its weight is Wxh.T); the recurrent weight and bh are an
nn.Linear, Why and by another. The loss is F.cross_entropy summed over every position and divided
by the number of sequences, the clip nn.utils.clip_grad_value_, and the gist's Adagrad,
sqrt(mem + 1e-8) with mem starting at zero, is torch.optim.Adagrad whose accumulator starts at
1e-8 and whose eps (added outside the root) is 0."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, HIDDEN = 8, 12
CLIP = 0.5
LR = 0.1


class CharRNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.Wxh = nn.Embedding(VOCAB, HIDDEN)
        self.Whh = nn.Linear(HIDDEN, HIDDEN)
        self.Why = nn.Linear(HIDDEN, VOCAB)

    def forward(self, inputs):
        n, steps = inputs.shape
        h = self.Why.weight.new_zeros(n, HIDDEN)
        logits = []
        for t in range(steps):
            h = torch.tanh(self.Wxh(inputs[:, t]) + self.Whh(h))
            logits.append(self.Why(h))
        return torch.stack(logits, dim=1)


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=LR, initial_accumulator_value=1e-8, eps=0.0)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits.reshape(-1, VOCAB), y.reshape(-1), reduction="sum") / X.shape[0]
    loss.backward()
    nn.utils.clip_grad_value_(model.parameters(), CLIP)
    optimizer.step()
    return loss.item()
